import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import '@/components/options/options.css';
import { OptionsApp } from '@/components/options/OptionsApp';
import { testProviderConnection } from '@/components/options/test-provider';
import type { OptionsServices } from '@/components/options/types';
import { guidelinesStore } from '@/extension/guidelines';
import { settingsStore } from '@/extension/settings';
import { browserAreaStorage } from '@/extension/storage';
import { downloadFile, OverrideLog } from '@/components/checklist/OverrideLog';
import { TemplateEditor } from '@/components/checklist/TemplateEditor';
import { customTemplatesStore, overrideLogStore } from '@/lib/state/checklist-stores';
import type { ChromeTranslatorApi } from '@/lib/translation/providers';

const settings = settingsStore();
const guidelines = guidelinesStore(settings);

const services: OptionsServices = {
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  testProvider: (config) =>
    testProviderConnection(config, {
      fetch: (input, init) => fetch(input, init),
      chromeTranslator: (globalThis as { Translator?: ChromeTranslatorApi }).Translator,
    }),
  download(fileName, text) {
    downloadFile({ filename: fileName, mimeType: 'application/json', content: text });
  },
};

const local = browserAreaStorage('local');
const confirm = (message: string) => window.confirm(message);

mountPage(
  <OptionsApp
    settings={settings}
    guidelines={guidelines}
    services={services}
    browserLanguage={browser.i18n.getUILanguage()}
    checklistTemplates={<TemplateEditor store={customTemplatesStore(local)} confirm={confirm} />}
    overrideLog={<OverrideLog store={overrideLogStore(local)} onDownload={downloadFile} confirm={confirm} />}
  />,
);

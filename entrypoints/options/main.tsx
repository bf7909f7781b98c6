import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';
import { testProviderConnection } from '@/components/options/test-provider';
import type { OptionsServices } from '@/components/options/types';
import { guidelinesStore } from '@/extension/guidelines';
import { settingsStore } from '@/extension/settings';
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
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

mountPage(<OptionsApp settings={settings} guidelines={guidelines} services={services} browserLanguage={browser.i18n.getUILanguage()} />);

import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import '@/components/studio/studio.css';
import { StudioApp } from '@/components/studio/StudioApp';
import { guidelinesStore } from '@/extension/guidelines';
import { settingsStore } from '@/extension/settings';
import { backgroundTranslateClient } from '@/extension/translate-client';
import { checkText } from '@/lib/engine';
import { activeModes } from '@/lib/state/settings';

const settings = settingsStore();
const guidelines = guidelinesStore(settings);

mountPage(
  <StudioApp
    settings={settings}
    browserLanguage={browser.i18n.getUILanguage()}
    check={(text, platform) => {
      const view = settings.getState().effective;
      return checkText(guidelines.getState().guidelines, text, {
        platform,
        accountType: view.accountType,
        modes: activeModes(view),
      }).findings;
    }}
    copy={(text) => navigator.clipboard.writeText(text)}
    translate={backgroundTranslateClient}
  />,
);

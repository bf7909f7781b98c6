import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import { StudioApp } from '@/components/studio/StudioApp';
import { settingsStore } from '@/extension/settings';

mountPage(
  <StudioApp
    settings={settingsStore()}
    browserLanguage={browser.i18n.getUILanguage()}
    check={() => []}
    copy={(text) => navigator.clipboard.writeText(text)}
  />,
);

import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import { settingsStore } from '@/extension/settings';

mountPage(
  <WelcomeApp
    settings={settingsStore()}
    browserLanguage={browser.i18n.getUILanguage()}
    openStudio={() => void browser.tabs.create({ url: browser.runtime.getURL('/studio.html') })}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
);

import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import { PopupApp } from '@/components/popup/PopupApp';
import { sendToBackground, sendToTab } from '@/extension/messaging';
import { settingsStore } from '@/extension/settings';
import { tabStatusSchema } from '@/lib/messages';

async function loadTabStatus() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  try {
    const status = tabStatusSchema.safeParse(await sendToTab(tab.id, { type: 'envoy:tab-status' }));
    return status.success ? status.data : null;
  } catch {
    return null; // no Envoy content script in this tab
  }
}

mountPage(
  <PopupApp
    settings={settingsStore()}
    browserLanguage={browser.i18n.getUILanguage()}
    loadTabStatus={loadTabStatus}
    search={() => []}
    openStudio={() => {
      void sendToBackground({ type: 'envoy:open-studio' });
      window.close();
    }}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
);

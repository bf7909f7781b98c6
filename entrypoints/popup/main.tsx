import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/popup/popup.css';
import { guidelinesStore } from '@/extension/guidelines';
import { sendToBackground, sendToTab } from '@/extension/messaging';
import { settingsStore } from '@/extension/settings';
import { tabStatusSchema } from '@/lib/messages';
import { guidelineIndex } from '@/lib/search';
import { defaultGlossary } from '@/lib/translation/glossary';

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

const settings = settingsStore();
const guidelines = guidelinesStore(settings);
// The index over the active packs is built once (and again only when the packs change):
// warm it while the popup opens so the first keystroke answers at once.
const indexFor = () => guidelineIndex(guidelines.getState().packs, defaultGlossary, guidelines.getState().tables);
void guidelines.ready.then(() => setTimeout(indexFor, 0));

mountPage(
  <PopupApp
    settings={settings}
    browserLanguage={browser.i18n.getUILanguage()}
    loadTabStatus={loadTabStatus}
    search={(query, lang) => indexFor().search(query, { lang })}
    openStudio={() => {
      void sendToBackground({ type: 'envoy:open-studio' });
      window.close();
    }}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
);

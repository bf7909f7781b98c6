import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCheckerService } from '@/extension/checker-service';
import { guidelinesStore } from '@/extension/guidelines';
import { handleMessages } from '@/extension/messaging';
import { settingsStore } from '@/extension/settings';

export default defineBackground(() => {
  const settings = settingsStore();
  const check = createCheckerService(settings, guidelinesStore(settings));

  handleMessages({
    'envoy:ping': () => ({ ok: true, version: browser.runtime.getManifest().version }),
    'envoy:check': (request, sender) => check(request, sender.tabId),
    'envoy:open-studio': async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/studio.html') });
      return { ok: true };
    },
    'envoy:report-findings': async (request, sender) => {
      if (sender.tabId !== undefined) {
        const { error, warning } = request.counts;
        const text = error > 0 ? String(error) : warning > 0 ? String(warning) : '';
        await browser.action.setBadgeText({ tabId: sender.tabId, text });
        await browser.action.setBadgeBackgroundColor({ tabId: sender.tabId, color: error > 0 ? '#b3261e' : '#8a5a00' });
      }
      return { ok: true };
    },
  });
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { fr, km } from '@/lib/i18n/all';

const UI_CATALOGUES = { km, fr };
import { createCheckerService } from '@/extension/checker-service';
import { followInstanceSettings } from '@/extension/dynamic-scripts';
import { checklistTemplates, forgetClosedTabs, handleChecklistDraft } from '@/extension/checklist-drafts';
import { guidelinesStore } from '@/extension/guidelines';
import { handleMessages } from '@/extension/messaging';
import { settingsStore } from '@/extension/settings';
import { createBackgroundTranslation } from '@/extension/translation-service';
import { requestHostAccess } from '@/extension/host-access';

/** The context a cloud confirmation is bound to: the sender's tab and page origin. */
function requesterOf(sender: { tabId?: number; url?: string }): string {
  let origin = '';
  try {
    origin = sender.url ? new URL(sender.url).origin : '';
  } catch {
    origin = '';
  }
  return `${sender.tabId ?? 'no-tab'} ${origin}`;
}

export default defineBackground(() => {
  const settings = settingsStore();
  forgetClosedTabs();
  const check = createCheckerService(settings, guidelinesStore(settings));
  followInstanceSettings(settings);
  const translation = createBackgroundTranslation(settings);

  // First run: the welcome page, in the browser's language (what Envoy checks, where text goes).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  handleMessages({
    'envoy:ui-strings': (request) => ({ catalogue: UI_CATALOGUES[request.lang] }),
    'envoy:check': (request, sender) => check(request, sender.tabId),
    'envoy:checklist-draft': (request, sender) => handleChecklistDraft(request, sender.tabId),
    'envoy:checklist-templates': () => checklistTemplates(),
    'envoy:translate-plan': (request) => translation.plan(request),
    'envoy:confirm-cloud': (request, sender) => translation.confirmCloud(request.destination, requesterOf(sender)),
    'envoy:translate': (request, sender) => translation.translate(request, requesterOf(sender)),
    'envoy:request-host-access': async (request) => ({ granted: await requestHostAccess(settings, request.origin) }),
    'envoy:open-studio': async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/studio.html') });
      return { ok: true };
    },
  });
});

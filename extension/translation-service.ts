/**
 * The background's translation service (lib/translation/service.ts) wired to the browser: real
 * fetch, host permissions, Chrome's Translator in the offscreen document, i18n.detectLanguage.
 */
import { browser } from 'wxt/browser';
import { backgroundChromeTranslator } from '@/extension/chrome-ai';
import { hasOrigin } from '@/extension/permissions';
import type { SettingsStore } from '@/lib/state/settings-store';
import { fromI18nDetectLanguage } from '@/lib/translation/detect';
import { createTranslationService, type TranslationService } from '@/lib/translation/service';

export { createTranslationService, type Requester, type TranslationService, type TranslationServiceDeps, type TranslationSettings } from '@/lib/translation/service';

/** The service as the background runs it: real fetch, host permissions, offscreen Translator. */
export function createBackgroundTranslation(settings: SettingsStore): TranslationService {
  const detect = browser.i18n?.detectLanguage?.bind(browser.i18n);
  return createTranslationService({
    async settings() {
      await settings.ready;
      // Never send on the user's settings while the organisation's policy is still unknown.
      await settings.policySettled;
      return settings.getState().effective;
    },
    fetch: (input, init) => fetch(input, init),
    hasOrigin,
    chromeTranslator: backgroundChromeTranslator(),
    detector: detect ? fromI18nDetectLanguage((text) => detect(text)) : undefined,
  });
}

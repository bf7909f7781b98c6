import { sendToBackground } from '@/extension/messaging';
import { hasCatalogue, registerCatalogue, resolveUiLanguage, type Catalogue } from '@/lib/i18n';
import { uiStringsSchema } from '@/lib/messages';
import type { SettingsStore } from '@/lib/state/settings-store';

/**
 * Content scripts bundle only English UI strings; the Khmer or French
 * catalogue is fetched from the background when the UI language needs it
 * (the panel shows English for the moment it takes).
 */
export function followUiLanguage(settings: SettingsStore): () => void {
  const pending = new Set<string>();
  const ensure = () => {
    const lang = resolveUiLanguage(settings.getState().effective.uiLanguage, navigator.language);
    if (lang === 'en' || hasCatalogue(lang) || pending.has(lang)) return;
    pending.add(lang);
    sendToBackground({ type: 'envoy:ui-strings', lang })
      .then((response) => {
        const parsed = uiStringsSchema.safeParse(response?.catalogue);
        if (parsed.success) registerCatalogue(lang, parsed.data as Catalogue);
      })
      .catch(() => undefined) // stays English; tried again on the next settings change
      .finally(() => pending.delete(lang));
  };
  ensure();
  return settings.subscribe(ensure);
}

import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { SettingsStore, SettingsView } from '@/lib/state/settings-store';
import { resolveUiLanguage } from '@/lib/i18n';
import type { UiLanguage } from '@/lib/state/settings';

export function useSettings<T>(store: SettingsStore, selector: (view: SettingsView) => T): T {
  return useStore(store, selector);
}

export function useUiLanguage(store: SettingsStore, browserLanguage: string | undefined): UiLanguage {
  const setting = useStore(store, (v) => v.effective.uiLanguage);
  return resolveUiLanguage(setting, browserLanguage);
}

/** The UI language of an extension page, kept on <html lang> for fonts, line breaking and screen readers. */
export function usePageLanguage(store: SettingsStore, browserLanguage: string | undefined): UiLanguage {
  const lang = useUiLanguage(store, browserLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return lang;
}

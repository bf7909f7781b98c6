import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import {
  cataloguesVersion,
  createTranslator,
  hasCatalogue,
  langAttributes,
  subscribeCatalogues,
  type Translate,
} from '@/lib/i18n';
import type { UiLanguage } from '@/lib/state/settings';

interface I18nValue {
  lang: UiLanguage;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({ lang: 'en', t: createTranslator('en') });

/** The language actually shown: `lang` once its catalogue is available, English until then. */
function useShownLanguage(lang: UiLanguage): UiLanguage {
  useSyncExternalStore(subscribeCatalogues, cataloguesVersion, cataloguesVersion);
  return hasCatalogue(lang) ? lang : 'en';
}

export function I18nProvider({ lang, children }: { lang: UiLanguage; children: ReactNode }) {
  const shown = useShownLanguage(lang);
  const version = useSyncExternalStore(subscribeCatalogues, cataloguesVersion, cataloguesVersion);
  // `version` is not read inside: a catalogue that finished loading must give a new translator.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const value = useMemo(() => ({ lang: shown, t: createTranslator(shown) }), [shown, version]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

/** Root wrapper for every Envoy surface: theme class, lang attribute, Khmer font hook. */
export function EnvoyRoot({ lang, children, className }: { lang: UiLanguage; children: ReactNode; className?: string }) {
  const shown = useShownLanguage(lang);
  return (
    <I18nProvider lang={lang}>
      <div className={`envoy-root${className ? ` ${className}` : ''}`} {...langAttributes(shown)}>
        {children}
      </div>
    </I18nProvider>
  );
}

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslator, langAttributes, type Translate } from '@/lib/i18n';
import type { UiLanguage } from '@/lib/state/settings';

interface I18nValue {
  lang: UiLanguage;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({ lang: 'en', t: createTranslator('en') });

export function I18nProvider({ lang, children }: { lang: UiLanguage; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: createTranslator(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

/** Root wrapper for every Envoy surface: theme class, lang attribute, Khmer font hook. */
export function EnvoyRoot({ lang, children, className }: { lang: UiLanguage; children: ReactNode; className?: string }) {
  return (
    <I18nProvider lang={lang}>
      <div className={`envoy-root${className ? ` ${className}` : ''}`} {...langAttributes(lang)}>
        {children}
      </div>
    </I18nProvider>
  );
}

import { useMemo } from 'react';
import { useI18n } from '@/components/i18n';

/** Khmer, English, French, then partner languages. Values are BCP-47 codes. */
export const TARGET_LANGUAGES = ['km', 'en', 'fr', 'th', 'vi', 'id', 'ms', 'lo', 'my', 'fil', 'zh', 'ja', 'ko', 'ru', 'ar', 'es', 'de', 'pt'] as const;

/** The <option>s of a target-language <select>: BCP-47 values, names in the UI language. */
export function TargetLanguageOptions() {
  const nameOf = useLanguageName();
  return (
    <>
      {TARGET_LANGUAGES.map((code) => (
        <option key={code} value={code}>
          {nameOf(code)}
        </option>
      ))}
    </>
  );
}

export function useLanguageName(): (tag: string) => string {
  const { lang } = useI18n();
  return useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([lang], { type: 'language' });
    } catch {
      names = undefined;
    }
    return (tag: string) => {
      try {
        return names?.of(tag)?.replace(/\u200B/g, '') ?? tag;
      } catch {
        return tag;
      }
    };
  }, [lang]);
}

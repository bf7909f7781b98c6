import type { Localized, UiLanguage } from './types';

/** Text in the UI language, falling back to English. Plain strings pass through. */
export function localize(l: Localized | string, lang: UiLanguage): string {
  if (typeof l === 'string') return l;
  return l[lang] ?? l.en;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fill {name} placeholders in every language; unknown placeholders stay as written. */
export function fillLocalized(l: Localized, vars: Readonly<Record<string, string>>): Localized {
  // Most explanations have no placeholder: skip the regular expression for them.
  const fill = (s: string): string => (s.includes('{') ? s.replace(PLACEHOLDER, (all, k: string) => vars[k] ?? all) : s);
  const out: Localized = { en: fill(l.en) };
  if (l.km !== undefined) out.km = fill(l.km);
  if (l.fr !== undefined) out.fr = fill(l.fr);
  return out;
}

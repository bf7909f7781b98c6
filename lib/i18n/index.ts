import { en, type Catalogue, type MessageKey, type PluralForms } from '@/lib/i18n/en';
import { UI_LANGUAGES, type UiLanguage } from '@/lib/state/settings';

export type { Catalogue, MessageKey } from '@/lib/i18n/en';

/**
 * The UI string layer. English is always here; Khmer and French are
 * registered by `lib/i18n/all.ts` in extension pages and the background, and
 * fetched from the background by content scripts (ASCII-escaped Khmer would
 * cost every platform page ~100 KB of script otherwise).
 */
const CATALOGUES: Partial<Record<UiLanguage, Catalogue>> = { en: en as Catalogue };
const listeners = new Set<() => void>();
let version = 0;

export function registerCatalogue(lang: UiLanguage, catalogue: Catalogue): void {
  CATALOGUES[lang] = catalogue;
  version++;
  listeners.forEach((l) => l());
}

export function hasCatalogue(lang: UiLanguage): boolean {
  return CATALOGUES[lang] !== undefined;
}

export function getCatalogue(lang: UiLanguage): Catalogue | undefined {
  return CATALOGUES[lang];
}

/** For React (useSyncExternalStore): changes when a catalogue is registered. */
export function subscribeCatalogues(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const cataloguesVersion = () => version;

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** The UI language: the user's choice, else the browser's language if Envoy has it, else English. */
export function resolveUiLanguage(setting: UiLanguage | 'auto', browserLanguage: string | undefined): UiLanguage {
  if (setting !== 'auto') return setting;
  const primary = (browserLanguage ?? 'en').toLowerCase().split(/[-_]/)[0];
  return (UI_LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as UiLanguage) : 'en';
}

function pick(forms: PluralForms, lang: UiLanguage, count: number): string {
  if (count === 0 && forms.zero !== undefined) return forms.zero;
  const category = new Intl.PluralRules(lang).select(count) as keyof PluralForms;
  return forms[category] ?? forms.other;
}

function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Strings in `lang`, falling back to English key by key (and wholly until the catalogue arrives). */
export function createTranslator(lang: UiLanguage): Translate {
  const catalogue = CATALOGUES[lang] ?? (en as Catalogue);
  const effective = CATALOGUES[lang] ? lang : 'en';
  return (key, params) => {
    const entry = catalogue[key] ?? (en as Catalogue)[key];
    const template = typeof entry === 'string' ? entry : pick(entry, effective, Number(params?.count ?? 0));
    return fill(template, params);
  };
}

/** Attributes for an element whose text is in `lang` (Khmer needs its font and line height). */
export function langAttributes(lang: UiLanguage): { lang: string; 'data-script'?: 'khmer' } {
  return lang === 'km' ? { lang: 'km', 'data-script': 'khmer' } : { lang };
}

export function catalogueKeys(lang: UiLanguage): string[] {
  return Object.keys(CATALOGUES[lang] ?? {});
}

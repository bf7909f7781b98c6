/**
 * Language codes: BCP-47 (what Envoy uses everywhere) ↔ provider-specific codes, and language
 * names in the UI languages (English, Khmer, French).
 */

/** Primary subtag, lower-case: `en-GB` → `en`, `zh-Hant` → `zh`. */
export function baseLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? tag).toLowerCase();
}

/** Canonical BCP-47 casing: `EN-gb` → `en-GB`, `zh-hant` → `zh-Hant`. Unknown shapes are returned trimmed. */
export function normalizeTag(tag: string): string {
  const parts = tag.trim().split(/[-_]/).filter(Boolean);
  if (parts.length === 0) return '';
  return parts
    .map((p, i) => {
      if (i === 0) return p.toLowerCase();
      if (p.length === 4) return p[0]!.toUpperCase() + p.slice(1).toLowerCase();
      if (p.length === 2 || /^\d{3}$/.test(p)) return p.toUpperCase();
      return p.toLowerCase();
    })
    .join('-');
}

/** Same language for routing purposes (`fil` = `tl`, `he` = `iw`, `nb` = `no`, `ms` = `zlm`, `zh-CN` = `zh`). */
export function sameLanguage(a: string, b: string): boolean {
  const alias: Record<string, string> = { tl: 'fil', iw: 'he', no: 'nb', zlm: 'ms', in: 'id' };
  const x = baseLanguage(a);
  const y = baseLanguage(b);
  return (alias[x] ?? x) === (alias[y] ?? y);
}

// ---------------------------------------------------------------------------------------------
// ISO 639-3 (Apertium, franc)

/** BCP-47 primary subtag → ISO 639-3 as used by Apertium pair names and franc. */
const ISO639_3: Record<string, string> = {
  af: 'afr', an: 'arg', ar: 'ara', ast: 'ast', be: 'bel', bg: 'bul', br: 'bre', ca: 'cat', cs: 'ces', cy: 'cym',
  da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo', es: 'spa', et: 'est', eu: 'eus', fa: 'fas', fi: 'fin',
  fil: 'tgl', fr: 'fra', ga: 'gle', gl: 'glg', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', id: 'ind', is: 'isl',
  it: 'ita', ja: 'jpn', kk: 'kaz', km: 'khm', ko: 'kor', lo: 'lao', lt: 'lit', lv: 'lav', mk: 'mkd', ms: 'zlm',
  mt: 'mlt', my: 'mya', nb: 'nob', nl: 'nld', nn: 'nno', no: 'nor', oc: 'oci', pl: 'pol', pt: 'por', ro: 'ron',
  ru: 'rus', sk: 'slk', sl: 'slv', sq: 'sqi', sr: 'srp', sv: 'swe', th: 'tha', tl: 'tgl', tr: 'tur', uk: 'ukr',
  ur: 'urd', vi: 'vie', zh: 'zho',
};

/** Alternative ISO 639-3 codes seen in the wild (franc `cmn`/`arb`, macro-languages). */
const ISO639_3_ALIASES: Record<string, string> = {
  cmn: 'zh', zho: 'zh', arb: 'ar', ara: 'ar', zsm: 'ms', msa: 'ms', zlm: 'ms', tgl: 'fil', fil: 'fil',
  fas: 'fa', pes: 'fa', nob: 'nb', nor: 'no', swh: 'sw', ekk: 'et', lvs: 'lv', als: 'sq', sqi: 'sq', hbs: 'sh',
};

/**
 * BCP-47 → Apertium code. Apertium writes regional variants with an underscore (`eng_US`, `por_BR`).
 * Returns `undefined` when we know no ISO 639-3 code.
 */
export function toApertium(tag: string): string | undefined {
  const norm = normalizeTag(tag);
  const [lang, region] = norm.split('-');
  const three = ISO639_3[lang ?? ''] ?? (lang && lang.length === 3 ? lang : undefined);
  if (!three) return undefined;
  return region && /^[A-Z]{2}$/.test(region) ? `${three}_${region}` : three;
}

/** Apertium / ISO 639-3 code → BCP-47 (`eng_US` → `en-US`, `spa` → `es`). */
export function fromIso639_3(code: string): string | undefined {
  const [lang, region] = code.split('_');
  if (!lang) return undefined;
  const lower = lang.toLowerCase();
  let two: string | undefined = ISO639_3_ALIASES[lower];
  if (!two) {
    for (const [k, v] of Object.entries(ISO639_3)) {
      if (v === lower) {
        two = k;
        break;
      }
    }
  }
  if (!two) return undefined;
  return region ? `${two}-${region.toUpperCase()}` : two;
}

// ---------------------------------------------------------------------------------------------
// DeepL

/** DeepL source languages (v2, upper-case, no variants). No Khmer, no Lao. */
export const DEEPL_SOURCE = new Set([
  'AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV',
  'MS', 'MY', 'NB', 'NL', 'PL', 'PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TL', 'TR', 'UK', 'VI', 'ZH',
]);
/** DeepL target languages; `EN`/`PT` need a variant, Chinese is `ZH-HANS`/`ZH-HANT`. */
export const DEEPL_TARGET = new Set([
  'AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN-GB', 'EN-US', 'ES', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA', 'KO',
  'LT', 'LV', 'MS', 'MY', 'NB', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TL', 'TR', 'UK',
  'VI', 'ZH-HANS', 'ZH-HANT',
]);

export function toDeepL(tag: string, role: 'source' | 'target'): string {
  const norm = normalizeTag(tag);
  const base = baseLanguage(norm);
  const map: Record<string, string> = { fil: 'TL', tl: 'TL', no: 'NB', nb: 'NB', iw: 'HE', he: 'HE' };
  const upperBase = map[base] ?? base.toUpperCase();
  if (role === 'source') return upperBase;
  if (base === 'en') return /-(US)$/i.test(norm) ? 'EN-US' : 'EN-GB'; // Cambodian official English follows British usage
  if (base === 'pt') return /-(BR)$/i.test(norm) ? 'PT-BR' : 'PT-PT';
  if (base === 'zh') return /Hant|-(TW|HK|MO)$/i.test(norm) ? 'ZH-HANT' : 'ZH-HANS';
  return upperBase;
}

// ---------------------------------------------------------------------------------------------
// Google Cloud Translation v2

export function toGoogle(tag: string): string {
  const norm = normalizeTag(tag);
  const base = baseLanguage(norm);
  if (base === 'zh') return /Hant|-(TW|HK|MO)$/.test(norm) ? 'zh-TW' : 'zh-CN';
  if (base === 'fil') return 'tl';
  if (base === 'nb' || base === 'no') return 'no';
  if (base === 'he') return 'iw';
  return base;
}

/** Languages Google v2 translates (subset relevant to Envoy users; others are tried as 'unknown'). */
export const GOOGLE_LANGUAGES = new Set([
  'ar', 'bg', 'bn', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'hi', 'hu', 'id', 'it', 'iw', 'ja',
  'km', 'ko', 'lo', 'lt', 'lv', 'ms', 'my', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tl', 'tr',
  'uk', 'vi', 'zh-CN', 'zh-TW',
]);

// ---------------------------------------------------------------------------------------------
// Microsoft Translator v3

export function toMicrosoft(tag: string): string {
  const norm = normalizeTag(tag);
  const base = baseLanguage(norm);
  if (base === 'zh') return /Hant|-(TW|HK|MO)$/.test(norm) ? 'zh-Hant' : 'zh-Hans';
  if (base === 'tl') return 'fil';
  if (base === 'no') return 'nb';
  if (base === 'iw') return 'he';
  if (base === 'pt') return /-PT$/.test(norm) ? 'pt-pt' : 'pt';
  return base;
}

// ---------------------------------------------------------------------------------------------
// LibreTranslate (Argos)

export function toLibreTranslate(tag: string): string {
  const norm = normalizeTag(tag);
  const base = baseLanguage(norm);
  if (base === 'zh') return /Hant|-(TW|HK|MO)$/.test(norm) ? 'zt' : 'zh';
  if (base === 'pt' && /-BR$/.test(norm)) return 'pb';
  if (base === 'fil') return 'tl';
  if (base === 'no') return 'nb';
  if (base === 'iw') return 'he';
  return base;
}

// ---------------------------------------------------------------------------------------------
// Chrome built-in Translator

/** Chrome's on-device Translator languages (impl-status, Chrome 138+). Every pack is English↔X. No Khmer. */
export const CHROME_TRANSLATOR_LANGUAGES = new Set([
  'ar', 'bg', 'bn', 'cs', 'da', 'de', 'el', 'en', 'es', 'fi', 'fr', 'hi', 'hr', 'hu', 'id', 'it', 'iw', 'ja', 'kn',
  'ko', 'lt', 'mr', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sv', 'ta', 'te', 'th', 'tr', 'uk', 'vi', 'zh',
  'zh-Hant',
]);

export function toChrome(tag: string): string {
  const norm = normalizeTag(tag);
  const base = baseLanguage(norm);
  if (base === 'zh') return /Hant|-(TW|HK|MO)$/.test(norm) ? 'zh-Hant' : 'zh';
  if (base === 'he') return 'iw';
  if (base === 'nb') return 'no';
  return base;
}

// ---------------------------------------------------------------------------------------------
// Names for the UI

import type { UiLanguage } from '@/lib/vocabulary';
export type { UiLanguage };

/**
 * Language names in English, Khmer and French (values checked against CLDR via `Intl.DisplayNames`,
 * without CLDR's U+200B word separators). Covers Envoy's user languages.
 */
export const LANGUAGE_NAMES: Record<string, Record<UiLanguage, string>> = {
  km: { en: 'Khmer', km: 'ខ្មែរ', fr: 'khmer' },
  en: { en: 'English', km: 'អង់គ្លេស', fr: 'anglais' },
  fr: { en: 'French', km: 'បារាំង', fr: 'français' },
  th: { en: 'Thai', km: 'ថៃ', fr: 'thaï' },
  vi: { en: 'Vietnamese', km: 'វៀតណាម', fr: 'vietnamien' },
  id: { en: 'Indonesian', km: 'ឥណ្ឌូណេស៊ី', fr: 'indonésien' },
  ms: { en: 'Malay', km: 'ម៉ាឡេ', fr: 'malais' },
  lo: { en: 'Lao', km: 'ឡាវ', fr: 'lao' },
  my: { en: 'Burmese', km: 'ភូមា', fr: 'birman' },
  fil: { en: 'Filipino', km: 'ហ្វ៊ីលីពីន', fr: 'filipino' },
  zh: { en: 'Chinese', km: 'ចិន', fr: 'chinois' },
  ja: { en: 'Japanese', km: 'ជប៉ុន', fr: 'japonais' },
  ko: { en: 'Korean', km: 'កូរ៉េ', fr: 'coréen' },
  ru: { en: 'Russian', km: 'រុស្ស៊ី', fr: 'russe' },
  ar: { en: 'Arabic', km: 'អារ៉ាប់', fr: 'arabe' },
  es: { en: 'Spanish', km: 'អេស្ប៉ាញ', fr: 'espagnol' },
  de: { en: 'German', km: 'អាល្លឺម៉ង់', fr: 'allemand' },
  pt: { en: 'Portuguese', km: 'ព័រទុយហ្គាល់', fr: 'portugais' },
};

/** Name of `tag` in `ui` language; falls back to `Intl.DisplayNames`, then to the tag itself. */
export function languageName(tag: string, ui: UiLanguage = 'en'): string {
  const norm = normalizeTag(tag);
  const base = baseLanguage(norm) === 'tl' ? 'fil' : baseLanguage(norm);
  const known = LANGUAGE_NAMES[base]?.[ui];
  if (known && norm === base) return known;
  try {
    const dn = new Intl.DisplayNames([ui], { type: 'language' });
    const name = dn.of(norm);
    if (name) return name.replace(/\u200B/g, '');
  } catch {
    /* invalid tag */
  }
  return known ?? tag;
}

/**
 * Structural spans of a chunk of original text: links, e-mail addresses,
 * @handles, hashtags, quotations, emoji, exclamation marks, ALL-CAPS words,
 * sentence breaks and the scripts present. These are Envoy's own fixed
 * expressions (no nested quantifiers over the same characters), never
 * pack-supplied ones.
 */
import type { Range } from './types';

export const SCRIPT_LATIN = 1;
export const SCRIPT_KHMER = 2;
export const SCRIPT_CYRILLIC = 4;
export const SCRIPT_ARABIC = 8;
export const SCRIPT_THAI = 16;
export const SCRIPT_HAN = 32;
export const SCRIPT_HANGUL = 64;
/** Mask meaning "any script" for rules with languages ["*"] or unknown codes. */
export const SCRIPT_ANY = -1;

const LANG_SCRIPT: Record<string, number> = {
  km: SCRIPT_KHMER,
  ru: SCRIPT_CYRILLIC, uk: SCRIPT_CYRILLIC, bg: SCRIPT_CYRILLIC, be: SCRIPT_CYRILLIC, sr: SCRIPT_CYRILLIC,
  mk: SCRIPT_CYRILLIC, kk: SCRIPT_CYRILLIC, mn: SCRIPT_CYRILLIC,
  ar: SCRIPT_ARABIC, fa: SCRIPT_ARABIC, ur: SCRIPT_ARABIC, ps: SCRIPT_ARABIC,
  th: SCRIPT_THAI, zh: SCRIPT_HAN, ja: SCRIPT_HAN, ko: SCRIPT_HANGUL,
};
const LATIN_LANGS = new Set(
  'en fr es de it pt nl vi id ms tl sv da no nb nn fi pl cs sk hu ro tr sq hr sl et lv lt ga cy eu ca gl is mt sw'.split(' '),
);

/** Scripts a rule's languages need in the draft (SCRIPT_ANY when any will do). */
export function scriptsForLanguages(langs: readonly string[]): number {
  let mask = 0;
  for (const l of langs) {
    if (l === '*') return SCRIPT_ANY;
    const s = LANG_SCRIPT[l] ?? (LATIN_LANGS.has(l) ? SCRIPT_LATIN : SCRIPT_ANY);
    if (s === SCRIPT_ANY) return SCRIPT_ANY;
    mask |= s;
  }
  return mask;
}

export function detectScripts(text: string): number {
  let m = 0;
  if (/[A-Za-z\u00C0-\u024F]/.test(text)) m |= SCRIPT_LATIN;
  if (/[\u1780-\u17FF\u19E0-\u19FF]/.test(text)) m |= SCRIPT_KHMER;
  if (/[\u0400-\u04FF]/.test(text)) m |= SCRIPT_CYRILLIC;
  if (/[\u0600-\u06FF]/.test(text)) m |= SCRIPT_ARABIC;
  if (/[\u0E00-\u0E7F]/.test(text)) m |= SCRIPT_THAI;
  if (/[\u3400-\u9FFF]/.test(text)) m |= SCRIPT_HAN;
  if (/[\uAC00-\uD7AF]/.test(text)) m |= SCRIPT_HANGUL;
  return m;
}

const TLDS = 'com|org|net|gov|edu|int|mil|info|io|kh|uk|fr|eu|un|co|me|tv|asia|news|app|dev|ly|gl|be|ch|de|jp|cn|au|ca|us|ru|in|sg|th|vn|la|mm|my|id|ph';
const URL_RE = new RegExp(
  `(?:https?:\\/\\/|\\bwww\\.)[^\\s<>"«»“”]+|\\b[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})\\b(?:\\/[^\\s<>"«»“”]*)?`,
  'gi',
);
/** Cheap pre-check: a scheme, "www." or something ending in a known top-level domain. */
const URL_HINT_RE = new RegExp(`https?:|www\\.|[a-z0-9]\\.(?:${TLDS})\\b`, 'i');
/** The domain part of an e-mail address; the local part is found by scanning back from "@" (linear). */
const EMAIL_DOMAIN_RE = /@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const EMAIL_LOCAL_CHAR = /[\p{L}\p{M}\p{N}._%+-]/u;

function emails(text: string): Range[] {
  const out: Range[] = [];
  EMAIL_DOMAIN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let floor = 0;
  while ((m = EMAIL_DOMAIN_RE.exec(text)) !== null) {
    let s = m.index;
    while (s > floor && EMAIL_LOCAL_CHAR.test(text[s - 1]!)) s--;
    if (s < m.index) out.push({ start: s, end: m.index + m[0].length });
    floor = m.index + m[0].length;
  }
  return out;
}
const HANDLE_RE = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?/giu;
const HASHTAG_RE = /(?<![\p{L}\p{M}\p{N}_&#＃])[#＃][\p{L}\p{M}\p{N}_]+/gu;
const QUOTE_RE = /“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|"[^"\n]*"|‘(?:[^’\n]|’(?=\p{L}))*’|「[^」\n]*」/gu;
const EMOJI_RE =
  /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{EMod})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{EMod})?)*/gu;
const EXCLAIM_RE = /[!！‼⁉]/g;
const CAPS_WORD_RE = /(?<![\p{L}\p{M}\p{N}])[A-ZÀ-ÖØ-Þ]{2,}(?![\p{L}\p{M}\p{N}])/gu;
const SENTENCE_END_RE = /[.!?…]+["”’»)]*(?=\s|$)|[។៕]/g;
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'h.e', 'e.g', 'i.e', 'u.s', 'u.k', 'no', 'vs', 'etc', 'gen', 'lt', 'col', 'hon', 'rev', 'sr', 'jr', 'amb', 'sen', 'rep', 'gov', 'pres', 'dept', 'approx',
]);
const TRAILING_URL_PUNCT = /[.,!?;:)\]}'’]+$/;

export interface Structure {
  urls: Range[];
  emails: Range[];
  handles: Range[];
  hashtags: Range[];
  /** Inner ranges of quotations (without the marks). */
  quotes: Range[];
  emoji: Range[];
  exclaims: Range[];
  capsWords: Range[];
  /** Offsets where a sentence ends (exclusive). */
  sentenceBreaks: number[];
  /** Upper-case and all Latin letters outside links, e-mails and handles. */
  upper: number;
  latin: number;
  scripts: number;
}

function all(re: RegExp, text: string, trim?: RegExp): Range[] {
  const out: Range[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let s = m[0];
    if (trim) s = s.replace(trim, '');
    if (s.length > 0) out.push({ start: m.index, end: m.index + s.length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function overlapsAnyLinear(spans: readonly Range[], r: Range): boolean {
  for (const s of spans) if (s.start < r.end && r.start < s.end) return true;
  return false;
}

function countLetters(text: string, from: number, to: number): [number, number] {
  let upper = 0;
  let latin = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (c <= 0x5a) { upper++; latin++; }
    else if (c >= 0x61 && c <= 0x7a) latin++;
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) {
      latin++;
      const ch = text[i]!;
      if (ch !== ch.toLowerCase()) upper++;
    }
  }
  return [upper, latin];
}

export function analyzeStructure(text: string): Structure {
  const hasAt = text.includes('@');
  const urls = URL_HINT_RE.test(text) ? all(URL_RE, text, TRAILING_URL_PUNCT) : [];
  const mails = hasAt ? emails(text) : [];
  // Domains inside an e-mail address are part of the address, not links.
  const links = mails.length ? urls.filter((u) => !overlapsAnyLinear(mails, u)) : urls;
  const handles = hasAt ? all(HANDLE_RE, text).filter((h) => !overlapsAnyLinear(links, h)) : [];
  const hashtags = /[#＃]/.test(text)
    ? all(HASHTAG_RE, text).filter((h) => /[\p{L}\p{M}]/u.test(text.slice(h.start + 1, h.end)) && !overlapsAnyLinear(links, h))
    : [];
  const quotes = /["“„«‘「]/.test(text)
    ? all(QUOTE_RE, text).map((q) => ({ start: q.start + 1, end: q.end - 1 }))
    : [];
  const emoji = /[\u00A9\u00AE\u203C-\u3299\uD83C-\uD83E]/.test(text) ? all(EMOJI_RE, text) : [];
  const exclaims = all(EXCLAIM_RE, text);
  const capsWords = /[A-ZÀ-ÖØ-Þ]{2}/.test(text) ? all(CAPS_WORD_RE, text).filter((w) => !overlapsAnyLinear(links, w) && !overlapsAnyLinear(handles, w)) : [];

  const sentenceBreaks: number[] = [];
  SENTENCE_END_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END_RE.exec(text)) !== null) {
    if (m[0].startsWith('.')) {
      const before = text.slice(Math.max(0, m.index - 24), m.index); // a short window: stays linear
      const word = /[\p{L}.]+$/u.exec(before)?.[0].toLowerCase() ?? '';
      if (word.length === 1 || ABBREVIATIONS.has(word)) continue;
    }
    if (!overlapsAnyLinear(links, { start: m.index, end: m.index + 1 })) sentenceBreaks.push(m.index + m[0].length);
  }

  let [upper, latin] = countLetters(text, 0, text.length);
  for (const r of [...links, ...mails, ...handles]) {
    const [u, l] = countLetters(text, r.start, r.end);
    upper -= u;
    latin -= l;
  }
  return {
    urls: links, emails: mails, handles, hashtags, quotes, emoji, exclaims, capsWords, sentenceBreaks, upper, latin,
    scripts: detectScripts(text),
  };
}

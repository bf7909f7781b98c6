/**
 * Matching normalisation with an offset map back to the original text.
 *
 * `norm` is the text the literal matcher sees: NFC, zero-width characters,
 * soft hyphens, control characters (NUL…) and bidi marks skipped, whitespace runs collapsed to one space (and dropped
 * between two Khmer characters, because Khmer spacing is optional), Khmer
 * spelling variants folded (COENG DA to COENG TA, QOO TYPE TWO ឲ to QOO TYPE ONE ឱ) and Khmer
 * sequences typed in either order put in one order (see reorderKhmer), typographic apostrophes
 * and hyphens folded.
 * `folded` is `norm` lower-cased unit for unit, so both share one offset map.
 * Terms are normalised by the same function, so a term matches every spelling
 * that normalises like it.
 */

import { slabCopy } from './typed-slab';

export interface Normalized {
  norm: string;
  folded: string;
  /** start[i] / end[i]: UTF-16 range in the original text of norm unit i. */
  start: Int32Array;
  end: Int32Array;
}

const COENG = 0x17d2;
const KHMER_DA = 0x178a;
const KHMER_TA = 0x178f;
const KHMER_RO = 0x179a;
const KHMER_U = 0x17bb;
const KHMER_NIKAHIT = 0x17c6;
/**
 * Khmer letters written interchangeably: ឲ (QOO TYPE TWO) is the older spelling of ឱ in ឱ្យ
 * "to give, to let", and both are everyday spellings. Pattern sources get the same equivalence
 * (see khmerVariantsInPattern), so a rule written with either letter matches both.
 */
export const KHMER_VARIANT_OF: ReadonlyMap<number, number> = new Map([[0x17b2, 0x17b1]]);

/**
 * Invisible characters the matcher ignores: zero-width characters, soft hyphen, control
 * characters other than line and tab spacing (NUL, DEL, C1) and bidirectional formatting marks.
 * Any of them inside "TOP SECRET" would otherwise hide the marking from the checks.
 */
export function isSkipped(c: number): boolean {
  return (
    isTransparentControl(c) ||
    c === 0x200b || c === 0x200c || c === 0x200d || c === 0x00ad || c === 0xfeff || c === 0x2060 || c === 0x180e
  );
}

export function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x85 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

export function isKhmer(c: number): boolean {
  return (c >= 0x1780 && c <= 0x17ff) || (c >= 0x19e0 && c <= 0x19ff);
}

function foldPunct(c: number): number {
  // ’ ‘ ʼ ′ → '   ‐ ‑ → -
  if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x2032) return 0x27;
  if (c === 0x2010 || c === 0x2011) return 0x2d;
  return c;
}

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
/** Scripts written without spaces between words: matched as substrings, no word boundaries. */
const UNSPACED_RE = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;

/**
 * Control characters and bidi marks: invisible and meaningless inside a word, so word-boundary
 * checks look through them ("a\u0000B" is one word, as "aB" is). Zero-width spaces are not in
 * this set: they do separate words.
 */
function isTransparentControl(c: number): boolean {
  if (c < 0x20) return c < 0x09 || (c > 0x0d && c < 0x20);
  if (c >= 0x7f && c <= 0x9f) return c !== 0x85;
  return c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2061 && c <= 0x2069);
}

/** True when the code point at `i` is a letter/mark/digit of a script that uses word boundaries. */
export function isBoundedWordCharAt(s: string, i: number): boolean {
  while (i >= 0 && i < s.length && isTransparentControl(s.charCodeAt(i))) i++;
  if (i < 0 || i >= s.length) return false;
  const cp = s.codePointAt(i)!;
  // A low surrogate: look at the whole code point.
  const ch = cp >= 0xdc00 && cp <= 0xdfff && i > 0 ? String.fromCodePoint(s.codePointAt(i - 1)!) : String.fromCodePoint(cp);
  return WORD_RE.test(ch) && !UNSPACED_RE.test(ch);
}

/** Code point index helpers tolerant of surrogates: the char just before `i`. */
export function isBoundedWordCharBefore(s: string, i: number): boolean {
  while (i > 0 && isTransparentControl(s.charCodeAt(i - 1))) i--;
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  return isBoundedWordCharAt(s, c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1);
}

const LETTER_RE = /^\p{L}$/u;
/** Per BMP unit: 0 not asked yet, 1 a letter (\p{L}), 2 not one. Filled lazily. */
const letterTable = new Uint8Array(65536);

/** The width (1, or 2 for a surrogate pair) of the letter (\p{L}) at `i`, or 0 when none is there. */
export function letterWidthAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = s.codePointAt(i)!;
    return cp > 0xffff && LETTER_RE.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let known = letterTable[c]!;
  if (known === 0) letterTable[c] = known = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

const NON_NFC_CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

/**
 * Normalise `text` (see module comment). Linear in the length of `text`.
 * The offset arrays are views into shared scratch buffers, valid until the
 * next call: for callers that use them at once (chunk analysis).
 */
export function normalizeScratch(text: string): Normalized {
  // Non-NFC input: compose cluster by cluster (base + combining marks) so each
  // output unit maps back to its source cluster. Typed text is almost always NFC.
  let units: number[] | null = null; // flat [code, origStart, origEnd, ...]
  if (text.normalize('NFC') !== text) {
    units = [];
    NON_NFC_CLUSTER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NON_NFC_CLUSTER.exec(text)) !== null) {
      const os = m.index;
      const oe = os + m[0].length;
      const composed = m[0].normalize('NFC');
      for (let k = 0; k < composed.length; k++) units.push(composed.charCodeAt(k), os, oe);
    }
  }
  const cap = units ? units.length / 3 : text.length;
  const { codes, start, end } = scratchFor(cap);
  let len = 0;
  // Output index of the last space emitted, to collapse runs and drop Khmer inter-word spaces.
  let lastSpace = -1;
  let sawKhmer = false;
  const count = units ? units.length / 3 : text.length;
  // One flat loop with local state: this runs on every keystroke's changed chunk.
  for (let k = 0; k < count; k++) {
    const c0 = units ? units[3 * k]! : text.charCodeAt(k);
    const os = units ? units[3 * k + 1]! : k;
    const oe = units ? units[3 * k + 2]! : k + 1;
    if (c0 > 0x20 && c0 < 0x7f) {
      codes[len] = c0; start[len] = os; end[len] = oe; len++;
      continue;
    }
    if (isSkipped(c0)) continue;
    if (isSpace(c0)) {
      if (len > 0 && lastSpace === len - 1) {
        end[len - 1] = oe; // collapse the run into one space
        continue;
      }
      codes[len] = 0x20; start[len] = os; end[len] = oe; lastSpace = len; len++;
      continue;
    }
    let c = foldPunct(c0);
    if (c === KHMER_DA && len > 0 && codes[len - 1] === COENG) c = KHMER_TA;
    c = KHMER_VARIANT_OF.get(c) ?? c;
    if (isKhmer(c)) {
      sawKhmer = true;
      // Khmer word + space + Khmer word → no space (spaces are optional in Khmer).
      if (len >= 2 && lastSpace === len - 1 && isKhmer(codes[len - 2]!)) {
        len--;
        lastSpace = -1;
      }
    }
    codes[len] = c; start[len] = os; end[len] = oe; len++;
  }

  if (sawKhmer) reorderKhmer(codes, start, end, len);
  const norm = codesToString(codes, len);
  return { norm, folded: foldCase(norm), start: start.subarray(0, len), end: end.subarray(0, len) };
}

/**
 * Two Khmer sequences look the same on screen in either typing order, and both orders are common
 * in typed text (Unicode and the Khmer keyboard layouts do not fix one): NIKAHIT before VOWEL U
 * (ខ្ញំុ for ខ្ញុំ) and COENG RO before another subscript (ស្រ្តី for ស្ត្រី). Both are put in the
 * order Unicode recommends; NFC does not reorder them (all combining class 0). Swaps units in
 * place with their offsets, so lengths and the offset map stay valid.
 */
function reorderKhmer(codes: Uint16Array, start: Int32Array, end: Int32Array, len: number): void {
  for (let i = 0; i + 1 < len; i++) {
    const c = codes[i]!;
    if (c === KHMER_NIKAHIT && codes[i + 1] === KHMER_U) {
      codes[i] = KHMER_U;
      codes[i + 1] = KHMER_NIKAHIT;
      joinRanges(start, end, i, i + 1);
    } else if (c === COENG && codes[i + 1] === KHMER_RO && i + 3 < len && codes[i + 2] === COENG && codes[i + 3] !== KHMER_RO && isKhmer(codes[i + 3]!)) {
      codes[i + 1] = codes[i + 3]!; // ្រ្ត → ្ត្រ: both letters follow a COENG, so exchanging them is enough
      codes[i + 3] = KHMER_RO;
      joinRanges(start, end, i, i + 3);
      i += 3;
    }
  }
}

/** Units `from`…`to` were reordered: each maps to their whole original range, so a match over them maps back whole. */
function joinRanges(start: Int32Array, end: Int32Array, from: number, to: number): void {
  let s = start[from]!, e = end[from]!;
  for (let k = from + 1; k <= to; k++) { s = Math.min(s, start[k]!); e = Math.max(e, end[k]!); }
  for (let k = from; k <= to; k++) { start[k] = s; end[k] = e; }
}

/** Normalise `text`; the result owns its offset arrays. */
export function normalize(text: string): Normalized {
  const n = normalizeScratch(text);
  return { norm: n.norm, folded: n.folded, start: slabCopy(n.start), end: slabCopy(n.end) };
}

// Typed-array allocation costs more than the normalisation itself for short
// chunks, so the hot path reuses module-level buffers (JS is single-threaded).
let scratch = { codes: new Uint16Array(2048), start: new Int32Array(2048), end: new Int32Array(2048) };
function scratchFor(n: number): typeof scratch {
  if (scratch.codes.length < n) {
    const size = Math.max(n, scratch.codes.length * 2);
    scratch = { codes: new Uint16Array(size), start: new Int32Array(size), end: new Int32Array(size) };
  }
  return scratch;
}

function codesToString(codes: Uint16Array, len: number): string {
  let out = '';
  // apply() takes the typed array directly; pieces keep under engine argument limits.
  for (let i = 0; i < len; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + 8192)) as unknown as number[]);
  return out;
}

/** Lower-case without changing length, so `folded` shares `norm`'s offset map. */
export function foldCase(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch; // e.g. İ → i̇ would grow: keep as is
  }
  return out;
}

/** Normalised, case-folded form of a short string (terms, keys, dictionary words). */
export function foldTerm(s: string): string {
  return normalizeScratch(s).folded.trim();
}

/** Map a range in norm units back to the original text. */
export function toOriginal(n: Normalized, s: number, e: number): { start: number; end: number } {
  return { start: n.start[s]!, end: n.end[e - 1]! };
}

const foldTable = new Uint16Array(65536);

/**
 * The case- and variant-insensitive form of one UTF-16 unit (pattern literals and the text they
 * are looked for in; function words): lower(upper(c)), which puts the
 * letters RE2's (?i) treats as one (k, K and U+212A KELVIN SIGN; s, S and ſ; σ, ς and Σ…) on one
 * unit, and Khmer letters written interchangeably on one spelling. Filled lazily: most of the
 * table is never asked.
 */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const known = foldTable[c]!;
  if (known !== 0) return known;
  let f = c;
  if (c < 0xd800 || c > 0xdfff) {
    const ch = String.fromCharCode(c);
    const upper = ch.toUpperCase();
    const lower = (upper.length === 1 ? upper : ch).toLowerCase();
    if (lower.length === 1) f = lower.charCodeAt(0);
  }
  f = KHMER_VARIANT_OF.get(f) ?? f;
  foldTable[c] = f;
  return f;
}

/**
 * foldUnit as the literal filter compares (required-literals.ts): tab, line feed, form feed and
 * carriage return count as a space, so a pattern's [ \t]+ or \s needs one literal, not two.
 */
export function foldLiteralUnit(c: number): number {
  return c === 9 || c === 10 || c === 12 || c === 13 ? 32 : foldUnit(c);
}

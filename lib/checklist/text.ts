/**
 * Small text helpers shared by template selection and the automatic checks.
 *
 * Term matching rules (documented in the template schema):
 * - Latin terms (en/fr) match case-insensitively, ignoring accents, on word
 *   boundaries ("report" does not match "reporter"; "condoleances" matches
 *   "Condoléances"). Spaces inside a term match any run of whitespace, so
 *   "according to" also matches "according\nto" and French "source :" with a
 *   no-break space.
 * - Khmer terms match as substrings (Khmer is written without spaces between
 *   words), after removing zero-width spaces/joiners and unifying the two
 *   interchangeable subscript spellings ្ដ / ្ត (coeng DA / coeng TA).
 */

const KHMER_CHAR = /[\u1780-\u17FF\u19E0-\u19FF]/u;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const LATIN_COMBINING = /[\u0300-\u036F]/gu;
const COENG_DA = /\u17D2\u178A/gu;
const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02BC]/gu;

/** True when `text` contains at least one Khmer character. */
export function hasKhmer(text: string): boolean {
  return KHMER_CHAR.test(text);
}

/**
 * Normalises text for term matching: removes invisible characters, folds Latin
 * accents and case, unifies apostrophes and the ្ដ/្ត subscript spelling.
 * Khmer combining signs are outside U+0300–U+036F and are kept.
 */
export function normaliseForMatch(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(LATIN_COMBINING, '')
    .normalize('NFC')
    .replace(TYPOGRAPHIC_APOSTROPHES, "'")
    .replace(COENG_DA, '\u17D2\u178F')
    .toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type CompiledTerm = { readonly term: string } & (
  | { readonly kind: 'khmer'; readonly needle: string }
  | { readonly kind: 'latin'; readonly pattern: RegExp }
);

const compiledCache = new Map<string, CompiledTerm | null>();
const CACHE_LIMIT = 2000;

function compileTerm(term: string): CompiledTerm | null {
  const cached = compiledCache.get(term);
  if (cached !== undefined) return cached;
  const needle = normaliseForMatch(term).trim();
  let compiled: CompiledTerm | null;
  if (needle === '') {
    compiled = null;
  } else if (hasKhmer(needle)) {
    compiled = { term, kind: 'khmer', needle: needle.replace(/\s+/gu, '') };
  } else {
    const body = needle.split(/\s+/u).map(escapeRegExp).join('\\s+');
    // Boundaries only against Latin letters and digits, so a Latin term written
    // right next to Khmer text (no space) still matches.
    compiled = {
      term,
      kind: 'latin',
      pattern: new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${body}(?![\\p{Script=Latin}\\p{N}])`, 'u'),
    };
  }
  if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
  compiledCache.set(term, compiled);
  return compiled;
}

/** A draft prepared once for matching many terms. */
export interface PreparedText {
  /** Normalised text (for Latin terms). */
  readonly latin: string;
  /** Normalised text without any whitespace (for Khmer substring matching). */
  readonly khmer: string;
}

export function prepareText(text: string): PreparedText {
  const latin = normaliseForMatch(text);
  return { latin, khmer: latin.replace(/\s+/gu, '') };
}

/** Whether `term` occurs in the prepared text under the rules above. */
export function termMatches(prepared: PreparedText, term: string): boolean {
  const compiled = compileTerm(term);
  if (compiled === null) return false;
  if (compiled.kind === 'khmer') return prepared.khmer.includes(compiled.needle);
  return compiled.pattern.test(prepared.latin);
}

/** The terms (from `terms`, in their given order) that occur in `text`. */
export function matchingTerms(text: string | PreparedText, terms: readonly string[]): string[] {
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  return terms.filter((term) => termMatches(prepared, term));
}

const URL_PATTERN =
  /(?:\bhttps?:\/\/[^\s]+|\bwww\.[^\s]+\.[^\s]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|org|com|net|int|edu|info|kh|fr|uk|us|io)(?:\/[^\s]*)?(?![\p{L}\p{N}-]))/iu;

/** Whether the text contains something that reads as a link (http(s)://, www., or a bare domain). */
export function containsUrl(text: string): boolean {
  return URL_PATTERN.test(text);
}

const HASHTAG_PATTERN = /(?:^|[^\p{L}\p{M}\p{N}_&/#])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;

/** Hashtags in the text, without the leading '#', in order of appearance. */
export function extractHashtags(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(HASHTAG_PATTERN)) {
    const tag = match[1];
    // A tag of digits only (#1) is not a hashtag on any supported platform.
    if (tag !== undefined && !/^\d+$/u.test(tag)) tags.push(tag);
  }
  return tags;
}

/** Text with URLs, @mentions and #hashtags removed (for language/script counting). */
export function stripEntities(text: string): string {
  return text
    .replace(/\bhttps?:\/\/[^\s]+/giu, ' ')
    .replace(/\bwww\.[^\s]+/giu, ' ')
    .replace(/[@#＃][\p{L}\p{M}\p{N}_.]+/gu, ' ');
}

/** Counts Khmer letters (consonants and independent vowels) and Latin letters. */
export function countScriptLetters(text: string): { khmer: number; latin: number } {
  let khmer = 0;
  let latin = 0;
  for (const ch of stripEntities(text)) {
    if (/[\u1780-\u17B3]/u.test(ch)) khmer += 1;
    else if (/\p{Script=Latin}/u.test(ch) && /\p{L}/u.test(ch)) latin += 1;
  }
  return { khmer, latin };
}

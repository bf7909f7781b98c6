/**
 * Pack-supplied regular expressions are compiled with re2js only (linear-time
 * automata, no backtracking), with caps on source length and program size, so
 * a pattern cannot hang the page. Look-arounds and back-references are
 * refused with a message a pack author can act on.
 */
import { RE2JS } from 're2js';
import { KHMER_VARIANT_OF } from './normalize';
import { LiteralFilter } from './literal-filter';

export const MAX_PATTERN_LENGTH = 2000;
export const MAX_PROGRAM_SIZE = 20000;
export class PatternError extends Error {}

/** The checks that need no compilation (length, look-arounds, back-references). */
function precheck(source: string): void {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new PatternError(`is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}. Split it into several rules or use a "term" rule.`);
  }
  if (/\(\?<?[=!]/.test(source)) {
    throw new PatternError('uses a look-ahead or look-behind such as "(?=", "(?!", "(?<=" or "(?<!", which Envoy does not allow. Rewrite it without look-arounds, or use "exceptions".');
  }
  if (/(?:^|[^\\])(?:\\\\)*\\[1-9]/.test(source) || /\\k</.test(source)) {
    throw new PatternError('uses a back-reference such as "\\1", which Envoy does not allow. Rewrite it without back-references.');
  }
}

/** Each Khmer letter of KHMER_VARIANT_OF with its variants: ឱ and ឲ → "ឱឲ". */
const KHMER_VARIANT_GROUPS: ReadonlyMap<string, string> = (() => {
  const groups = new Map<string, string>();
  for (const [variant, canonical] of KHMER_VARIANT_OF) {
    const members = String.fromCharCode(canonical) + String.fromCharCode(variant);
    groups.set(String.fromCharCode(canonical), members).set(String.fromCharCode(variant), members);
  }
  return groups;
})();

/**
 * Rewrites a pattern source one unit at a time: an escape (with its braces, as in \x{17B2} or
 * \p{L}) is copied as it is; every other character goes through `rewrite`, told whether it sits
 * inside a character class, which returns its replacement.
 */
function rewriteSource(source: string, rewrite: (ch: string, inClass: boolean) => string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const braced = /^\\[xpP]\{[^}]*\}/.exec(source.slice(i, i + 40));
      const len = braced ? braced[0].length : 2;
      out += source.slice(i, i + len);
      i += len - 1;
      continue;
    }
    out += rewrite(ch, inClass);
    if (!inClass && ch === '[') {
      inClass = true;
      // "[]…]" and "[^]…]": a ] right after the opening is a literal member.
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += source[++i];
    } else if (inClass && ch === ']') inClass = false;
  }
  return out;
}

/**
 * The source with each interchangeable Khmer letter (ឱ/ឲ) matching either spelling, as the
 * normalised text and terms already do: `[ឱឲ]` outside a character class, both letters inside
 * one. Escapes are copied as they are (a letter written as \x{17B2} is not widened).
 */
export function khmerVariantsInPattern(source: string): string {
  if (![...KHMER_VARIANT_GROUPS.keys()].some((ch) => source.includes(ch))) return source;
  return rewriteSource(source, (ch, inClass) => {
    const group = KHMER_VARIANT_GROUPS.get(ch);
    return group ? (inClass ? group : `[${group}]`) : ch;
  });
}

/** Compile or throw a PatternError whose message completes "field "pattern" …". */
export function compileSafePattern(source: string, caseSensitive: boolean): RE2JS {
  precheck(source);
  let re: RE2JS;
  try {
    re = RE2JS.compile(khmerVariantsInPattern(source), caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^error parsing regexp:\s*/, '') : String(err);
    throw new PatternError(`is not a valid regular expression (RE2 syntax): ${detail}.`);
  }
  const size = re.matcher('').programSize();
  if (size > MAX_PROGRAM_SIZE) {
    throw new PatternError(`is too complex (program size ${size}, limit ${MAX_PROGRAM_SIZE}). Simplify it or split it into several rules.`);
  }
  if (re.matcher('').find()) {
    throw new PatternError('can match empty text, so it would flag every position. Make at least one character required.');
  }
  return re;
}

/** Plain-words problem with a pattern, or null when it is acceptable. */
export function checkPattern(source: string, caseSensitive: boolean): string | null {
  try {
    compileSafePattern(source, caseSensitive);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** All non-empty matches (UTF-16 ranges), at most `cap`. */
export function findAll(re: RE2JS, text: string, cap: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  // test() runs without capture bookkeeping: most candidates still have no match.
  if (!re.test(text)) return out;
  const m = re.matcher(text);
  while (out.length < cap && m.find()) {
    const s = m.start();
    const e = m.end();
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/**
 * The patterns run on one form of the text (one bank for pattern rules, on the original lines; one
 * for proximity groups, on the normalised lines), pre-filtered by the literals each requires
 * (LiteralFilter): one pass over a line tells which patterns can match there at all (most match
 * none), and only those run their own matcher. Individual patterns are compiled
 * (with the full safety checks) the first time they are needed.
 */
export class PatternBank {
  private readonly sources: Array<{ source: string; caseSensitive: boolean }> = [];
  private readonly literals = new LiteralFilter();
  private readonly compiled = new Map<number, RE2JS | null>();

  get size(): number {
    return this.sources.length;
  }

  add(source: string, caseSensitive: boolean): number {
    precheck(source);
    this.sources.push({ source, caseSensitive });
    return this.literals.add(source);
  }

  /** Extracts the next patterns' literals (one slice of idle-time work); true while more remain. */
  prepareStep(): boolean {
    return this.literals.prepareStep();
  }

  /** Per pattern id: 0 when the pattern cannot match in `text` (it lacks the pattern's literals), else 1. One pass, kept per chunk. */
  possible(text: string): Uint8Array {
    return this.literals.possible(text);
  }

  /** The compiled pattern, or null when it fails the safety checks (validation reports those). */
  regex(id: number): RE2JS | null {
    let re = this.compiled.get(id);
    if (re === undefined) {
      const { source, caseSensitive } = this.sources[id]!;
      try {
        re = compileSafePattern(source, caseSensitive);
      } catch {
        re = null;
      }
      this.compiled.set(id, re);
    }
    return re;
  }
}

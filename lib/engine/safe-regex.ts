/**
 * Pack-supplied regular expressions are compiled with re2js only (linear-time
 * automata, no backtracking), with caps on source length and program size, so
 * a pattern cannot hang the page. Look-arounds and back-references are
 * refused with a message a pack author can act on.
 */
import { RE2JS, RE2Set } from 're2js';
import { KHMER_VARIANT_OF } from './normalize';

export const MAX_PATTERN_LENGTH = 2000;
export const MAX_PROGRAM_SIZE = 20000;
/**
 * Patterns per RE2Set in the pre-filter (see PatternBank). 16, not 32: with the large proximity
 * patterns of the default packs a set of 32 outgrows re2js's DFA state budget on fresh text and
 * falls back to slow simulation (measured on the 598 real eval texts cut to 280 characters, all
 * default packs: ≈ 21 ms per check with sets of 32, ≈ 4–12 ms with sets of 16).
 */
export const PATTERNS_PER_SET = 16;
/** Source characters per pre-filter set (see PatternBank.build). */
export const SET_SOURCE_CHARS = 9000;

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
 * inside a character class, which returns its replacement and how many more characters it took.
 */
function rewriteSource(source: string, rewrite: (at: number, inClass: boolean) => [string, number]): string {
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
    const [replacement, more] = rewrite(i, inClass);
    out += replacement;
    i += more;
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
  return rewriteSource(source, (at, inClass) => {
    const ch = source[at]!;
    const group = KHMER_VARIANT_GROUPS.get(ch);
    return [group ? (inClass ? group : `[${group}]`) : ch, 0];
  });
}

/** Counted repetitions up to this bound stay as written in the pre-filter (see loosenForPrefilter). */
const LOOSE_REPEAT_ABOVE = 3;

/**
 * The pre-filter's version of a pattern: a counted repetition with a larger upper bound, such as
 * the gap `[^.!?]{0,30}?` between two words, becomes unbounded (`*`, or `+` when at least one is
 * required). Its language is a superset, so the pre-filter still never rules out a real match (the
 * pattern's own matcher decides), while a bounded gap's 30 copies multiply the automaton's states
 * on every fresh text (measured over the real eval texts cut to 280 characters, each pattern alone:
 * the casualty-figure pattern's automaton 2,043 → 385 states, all default patterns 20,795 → 18,088).
 */
export function loosenForPrefilter(source: string): string {
  if (!source.includes('{')) return source;
  return rewriteSource(source, (at, inClass) => {
    const ch = source[at]!;
    if (inClass || ch !== '{') return [ch, 0];
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(at, at + 24));
    if (!m) return [ch, 0];
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (max <= LOOSE_REPEAT_ABOVE) return [ch, 0];
    return [min === 0 ? '*' : '+', m[0].length - 1];
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

/** All non-empty matches (UTF-16 ranges), at most `cap`. `known`: a pre-filter already saw a match. */
export function findAll(re: RE2JS, text: string, cap: number, known = false): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  // test() runs without capture bookkeeping: most drafts have no match.
  if (!known && !re.test(text)) return out;
  const m = re.matcher(text);
  while (out.length < cap && m.find()) {
    const s = m.start();
    const e = m.end();
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/** One text's pre-filter answers, by set: indexes (inside the set) of the patterns that match. */
export type SetAnswers = Map<number, ReadonlySet<number>>;

/**
 * The pre-filter of all pattern rules and proximity groups: RE2Sets of a few
 * patterns each; one linear pass of a pattern's set over a chunk tells which
 * of its patterns match at all (most drafts match none), and only those run
 * their own matcher to locate the matches. Individual patterns are compiled
 * (with the full safety checks) the first time they are needed.
 */
export class PatternBank {
  private readonly sources: Array<{ source: string; caseSensitive: boolean; scope: string }> = [];
  private readonly compiled = new Map<number, RE2JS | null>();
  /** Several small sets (PATTERNS_PER_SET), not one: a set of ~150 patterns outgrows re2js's DFA state budget and
   * falls back to slow simulation (measured: ~80 ms for 5,000 characters instead of ~1 ms).
   * Sets compile in `prepareStep` slices (idle time in the extension; a check
   * finishes what is left before its budget starts): compiling them all inside compilePacks took
   * ~60% of compiling the default packs, one long task at page load. */
  private groups: number[][] = [];
  /** Set of each pattern id, and its index inside that set. */
  private groupOf: number[] = [];
  private indexInGroup: number[] = [];
  private sets: Array<RE2Set | undefined> = [];
  /** A set failed to compile: no pre-filter at all (every pattern runs its own matcher). */
  private broken = false;
  /** Every set compiled (prepareStep has nothing left). */
  private prepared = false;

  /**
   * `scope`: when the rule applies (its scripts, accounts, modes, platforms). Patterns of one scope
   * share sets, so a check whose context rules a scope out never runs those sets.
   */
  add(source: string, caseSensitive: boolean, scope = ''): number {
    precheck(source);
    this.sources.push({ source, caseSensitive, scope });
    return this.sources.length - 1;
  }

  /** Groups the patterns into sets; the sets themselves compile lazily (see prepareStep). */
  build(): void {
    const order = this.sources.map((_, id) => id).sort((a, b) => (this.sources[a]!.scope < this.sources[b]!.scope ? -1 : this.sources[a]!.scope > this.sources[b]!.scope ? 1 : a - b));
    this.groups = [];
    // A set closes at PATTERNS_PER_SET patterns, at a change of scope, or at SET_SOURCE_CHARS of
    // source: a few very large patterns together make one long compile slice and a DFA that overflows.
    let current: number[] = [];
    let chars = 0;
    for (const id of order) {
      const { source, scope } = this.sources[id]!;
      const full = current.length === PATTERNS_PER_SET || (current.length > 0 && (chars + source.length > SET_SOURCE_CHARS || this.sources[current[0]!]!.scope !== scope));
      if (full) {
        this.groups.push(current);
        current = [];
        chars = 0;
      }
      current.push(id);
      chars += source.length;
    }
    if (current.length > 0) this.groups.push(current);
    this.groupOf = [];
    this.indexInGroup = [];
    this.groups.forEach((ids, g) =>
      ids.forEach((id, i) => {
        this.groupOf[id] = g;
        this.indexInGroup[id] = i;
      }),
    );
    this.sets = Array.from({ length: this.groups.length }, (): RE2Set | undefined => undefined);
    this.prepared = false;
  }

  private compileSet(index: number): RE2Set | undefined {
    if (this.broken) return undefined;
    let set = this.sets[index];
    if (set) return set;
    try {
      set = new RE2Set(RE2Set.UNANCHORED, 0);
      for (const id of this.groups[index]!) {
        const { source, caseSensitive } = this.sources[id]!;
        const widened = khmerVariantsInPattern(loosenForPrefilter(source));
        set.add(caseSensitive ? widened : `(?i)${widened}`);
      }
      set.compile();
      this.sets[index] = set;
      return set;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  /** Compiles the next pre-filter set (one slice of idle-time work); true while more remain. */
  prepareStep(): boolean {
    if (this.prepared) return false;
    const next = this.sets.findIndex((s) => s === undefined);
    if (next !== -1) this.compileSet(next);
    this.prepared = this.broken || this.sets.every((s) => s !== undefined);
    return !this.prepared;
  }

  /**
   * Whether pattern `id` can match in `text`: true (its set saw a match of the pattern's pre-filter
   * form, see loosenForPrefilter: it may match), false (it cannot), null
   * (no pre-filter: run the matcher). Only the set holding `id` runs, once per text: `memo` keeps
   * each set's answer for this text (one memo per chunk).
   */
  verdict(text: string, id: number, memo: SetAnswers): boolean | null {
    if (this.broken) return null;
    const g = this.groupOf[id];
    if (g === undefined) return null;
    let hits = memo.get(g);
    if (hits === undefined) {
      const set = this.compileSet(g);
      if (!set) return null;
      try {
        hits = new Set(set.match(text));
      } catch {
        return null;
      }
      memo.set(g, hits);
    }
    return hits.has(this.indexInGroup[id]!);
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

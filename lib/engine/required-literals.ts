/**
 * Required literals of an RE2 pattern (the idea of RE2's FilteredRE2): short strings a match
 * must contain, compared after `foldLiteralUnit`. A draft without them cannot match the pattern,
 * and one Aho–Corasick pass over the draft finds the literals of every pattern at once, so most
 * patterns never run on most drafts.
 *
 * The answer is a list of alternatives (the pattern's top-level branches), each a list of
 * conditions, each a list of literals: a match meets every condition of at least one alternative,
 * and meets a condition by containing one of its literals. The parser reads RE2 syntax
 * conservatively: syntax it does not know for certain (\Q…\E, octal escapes…) makes it give up on
 * the pattern, and what it cannot fold unit by unit (cased letters outside the Basic Multilingual
 * Plane) counts as any character. A pattern with an alternative free of conditions always runs.
 * tests/unit/engine/required-literals.test.ts checks the answers against re2js on the default
 * packs and the eval texts.
 */
import { foldLiteralUnit, isKhmer } from './normalize';

/** A literal of one letter occurs in nearly every draft: a single character filters only when it is a symbol or digit (see filters). */
const MIN_LITERAL = 2;
/** Alternatives kept as an exact set of strings; beyond it they become a condition. */
const MAX_EXACT = 16;
/** Strings kept as what a part starts or ends with, to join with the literals around it ("@" + gmail|yahoo|…). */
const MAX_JOIN = 32;
/** A character class of more characters than this is "any character" to the extractor. */
const MAX_CLASS = 64;
/** Characters outside the BMP are rare in drafts: a class may list more of them as literals. */
const MAX_ASTRAL_CLASS = 256;
/** Literals per condition and alternatives per pattern; beyond them the pattern is unfiltered. */
const MAX_LITERALS = 600;
const MAX_ALTERNATIVES = 64;
/** Conditions kept per alternative (the most selective). */
const MAX_CONDITIONS = 4;
/** Literal pairs compared to find a condition implied by another. */
const MAX_IMPLIES = 1024;

/** Literals of which a match contains one. */
type Condition = Set<string>;
/** Conditions a match meets all of. */
type Alternative = Condition[];

/**
 * What the extractor knows about a piece of pattern: `exact`, every string it can match (when
 * few; "" when it can match empty), else null; `need`, alternatives of which a match meets one
 * (an alternative without conditions: nothing is known).
 */
interface Info {
  exact: Set<string> | null;
  need: Alternative[];
  /** When `exact` is null: non-empty strings one of which every match starts with, if known. */
  prefix?: Set<string> | null;
  /** When `exact` is null: non-empty strings one of which every match ends with, if known. */
  suffix?: Set<string> | null;
}

const ANY: Info = { exact: null, need: [[]] };
const EMPTY: Info = { exact: new Set(['']), need: [[]] };
const exactly = (strings: Iterable<string>): Info => ({ exact: new Set(strings), need: [[]] });

class Unknown extends Error {}

/**
 * Characters common in drafts (Latin and Khmer letters, combining marks, spaces, everyday
 * punctuation): a literal made only of these needs MIN_LITERAL units to filter anything. A single
 * digit, symbol or letter of another block (fullwidth Ａ, ⓐ) is rare enough.
 */
const COMMON_MARKS = /^[\p{M}\s.,;:'"()-]$/u;
const COMMON_LETTERS = /^[\p{L}]$/u;
const isCommon = (ch: string): boolean =>
  COMMON_MARKS.test(ch) || (COMMON_LETTERS.test(ch) && (ch <= '\u024F' || isKhmer(ch.charCodeAt(0))));
const filters = (s: string): boolean => s.length >= MIN_LITERAL || (s.length > 0 && ![...s].some(isCommon));

/** An exact set as a condition, or null when one of its strings is too common to filter. */
function asCondition(exact: Set<string>): Condition | null {
  for (const s of exact) if (!filters(s)) return null;
  return exact;
}

function needOf(info: Info): Alternative[] {
  if (!info.exact) return info.need;
  const c = asCondition(info.exact);
  return [c ? [c] : []];
}

/** Selectivity of a condition: its shortest literal (capped), then fewer literals. */
function rank(c: Condition): number {
  let shortest = 8;
  for (const s of c) shortest = Math.min(shortest, s.length);
  return shortest * 10000 - c.size;
}

const bestOf = (conditions: Condition[]): Condition => conditions.reduce((x, y) => (rank(y) > rank(x) ? y : x));

/**
 * The alternatives as one alternative (for a part inside a concatenation): a match meets one of
 * them, so it contains a literal of the union of their best conditions. Nothing when one of them
 * has no condition.
 */
function collapse(need: Alternative[]): Alternative {
  if (need.length === 1) return need[0]!;
  const union: Condition = new Set();
  for (const alt of need) {
    if (alt.length === 0) return [];
    for (const s of bestOf(alt)) union.add(s);
  }
  return union.size > MAX_LITERALS ? [] : [union];
}

const shortestOf = (c: Condition): number => {
  let shortest = Infinity;
  for (const s of c) shortest = Math.min(shortest, s.length);
  return shortest;
};

/** Whether a text meeting `b` meets `a` (each literal of b contains one of a); false when too costly to tell. */
function implies(b: Condition, a: Condition): boolean {
  // A literal of b shorter than every literal of a contains none of them.
  if (a.size * b.size > MAX_IMPLIES || shortestOf(b) < shortestOf(a)) return false;
  for (const s of b) {
    let found = false;
    for (const t of a) if ((found = s.includes(t))) break;
    if (!found) return false;
  }
  return true;
}

/** The conditions less those another implies ("gmail" after "@gmail"), keeping the first of equal ones. */
const withoutImplied = (conditions: Condition[]): Condition[] =>
  conditions.filter((a, i) => !conditions.some((b, j) => j !== i && implies(b, a) && (j < i || !implies(a, b))));

const mostSelective = (conditions: Condition[]): Condition[] => (conditions.length <= MAX_CONDITIONS ? conditions : [...conditions].sort((a, b) => rank(b) - rank(a)).slice(0, MAX_CONDITIONS));

function product(a: Set<string>, b: Set<string>, limit = MAX_EXACT): Set<string> | null {
  if (a.size * b.size > limit) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** A set of strings as a prefix or suffix: null when one of them is empty (nothing is then known). */
const asPrefix = (strings: Set<string> | null | undefined): Set<string> | null => (strings && !strings.has('') ? strings : null);

function concat(parts: Info[]): Info {
  const must: Condition[] = [];
  // Consecutive exact parts join into longer literals while few enough.
  let run = new Set(['']);
  const flush = () => {
    const c = asCondition(run);
    if (c) must.push(c);
    run = new Set(['']);
  };
  let allExact = true;
  /** What every match starts with: the exact parts from the start, then the first other part's prefix. */
  let prefix: Set<string> | null | undefined;
  for (const p of parts) {
    if (p.exact) {
      const joined = product(run, p.exact);
      if (joined) run = joined;
      else {
        if (allExact) prefix = asPrefix(run);
        allExact = false;
        flush();
        run = p.exact;
      }
    } else {
      if (allExact) prefix = asPrefix(p.prefix ? product(run, p.prefix, MAX_JOIN) : null) ?? asPrefix(run);
      allExact = false;
      // The exact run, then a part that starts with one of a few strings: the match contains their join.
      const joined = p.prefix ? product(run, p.prefix, MAX_JOIN) : null;
      const c = joined && asCondition(joined);
      if (c) must.push(c);
      else flush();
      must.push(...collapse(p.need));
      // A part that ends with one of a few strings, then exact parts: the match contains their join.
      run = p.suffix ?? new Set(['']);
    }
  }
  if (allExact) return { exact: run, need: [[]] };
  const suffix = asPrefix(run);
  flush();
  return { exact: null, need: [mostSelective(must)], prefix: prefix ?? null, suffix };
}

/** The union of a few sets: null when one is unknown or the union too large. */
function unionOf(sets: Array<Set<string> | null>): Set<string> | null {
  const union = new Set<string>();
  for (const set of sets) {
    if (!set || union.size + set.size > MAX_JOIN) return null;
    for (const x of set) union.add(x);
  }
  return union;
}

function alternate(branches: Info[]): Info {
  let strings = 0;
  for (const b of branches) strings += b.exact ? b.exact.size : Infinity;
  if (strings <= MAX_EXACT) {
    const union = new Set<string>();
    for (const b of branches) for (const x of b.exact!) union.add(x);
    return { exact: union, need: [[]] };
  }
  // A match matches one branch, so it starts with one of the branches' prefixes and ends with one of their suffixes.
  const prefix = unionOf(branches.map((b) => asPrefix(b.exact ?? b.prefix)));
  const suffix = unionOf(branches.map((b) => asPrefix(b.exact ?? b.suffix)));
  // And it meets one of the branches' alternatives.
  const need = branches.flatMap(needOf);
  if (need.some((alt) => alt.length === 0)) return { exact: null, need: [[]], prefix, suffix };
  return { exact: null, need: need.length > MAX_ALTERNATIVES ? [collapse(need)] : need, prefix, suffix };
}

/**
 * A repetition as parts of the surrounding concatenation: x{2,5} is x x then "anything", so the
 * copies that must occur still join the literals before them ("my" + [ \t]+ → "my ").
 */
function repeat(child: Info, min: number, max: number): Info[] {
  if (min === 0) {
    if (max === 1 && child.exact) return [exactly(['', ...child.exact])];
    return [ANY];
  }
  if (child.exact && min <= 4) {
    let run: Set<string> | null = new Set(['']);
    for (let i = 0; i < min && run; i++) run = product(run, child.exact);
    // x{2,} is x x x*, and also x* x x: it starts and ends with x x.
    if (run) return max === min ? [exactly(run)] : [{ exact: null, need: needOf(exactly(run)), prefix: asPrefix(run), suffix: asPrefix(run) }];
  }
  // At least one copy: the match contains a match of the child, and starts and ends like one.
  return [{ exact: null, need: [collapse(needOf(child))], prefix: asPrefix(child.exact ?? child.prefix), suffix: asPrefix(child.exact ?? child.suffix) }];
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
const highSurrogate = (cp: number) => 0xd800 + ((cp - 0x10000) >> 10);
/** Scripts outside the BMP with upper and lower case (Deseret … Adlam): foldUnit cannot fold them. */
const CASED_ASTRAL = /[\u{10400}-\u{1044F}\u{104B0}-\u{104FF}\u{10570}-\u{105BF}\u{10C80}-\u{10CFF}\u{118A0}-\u{118FF}\u{16E40}-\u{16E9F}\u{1E900}-\u{1E95F}]/u;

const anyCasedAstral = (lo: number, hi: number): boolean => {
  for (let cp = lo; cp <= hi; cp++) if (CASED_ASTRAL.test(String.fromCodePoint(cp))) return true;
  return false;
};

/** One character as written in the pattern; an unpaired surrogate or a cased astral letter is "any". */
function literal(cp: number): Info {
  if (cp > 0xffff) return CASED_ASTRAL.test(String.fromCodePoint(cp)) ? ANY : exactly([String.fromCodePoint(cp)]);
  return isSurrogate(cp) ? ANY : exactly([String.fromCharCode(foldLiteralUnit(cp))]);
}
/** RE2's \d: ASCII digits only. */
const DIGITS = [...'0123456789'];
/** RE2's \s (ASCII white space only: not \v, not no-break spaces), as foldLiteralUnit folds it. */
const SPACES = [' '];
/** Escapes of a few characters, known exactly. */
const SMALL_CLASS_ESCAPES = new Map([['d', DIGITS], ['s', SPACES]]);
const codes = (chars: string) => new Set([...chars].map((ch) => ch.charCodeAt(0)));
/** Characters with a meaning of their own in RE2 syntax, outside character classes. */
const SYNTAX = codes('\\.+*?()|[]{}^$');
const QUANTIFIERS = codes('*+?{');
const CONTROL_ESCAPES: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
/** Escapes of a set of characters (\d, \w, \p{L}…): "any character" to the extractor. */
const CLASS_ESCAPES = new Set(['D', 'S', 'w', 'W', 'p', 'P', 'C']);

/** A recursive-descent reader of RE2 syntax, computing Info bottom-up. */
class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i !== this.src.length) throw new Unknown();
    return info;
  }

  private alternation(): Info {
    const branches = [this.concatenation()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.concatenation());
    }
    return branches.length === 1 ? branches[0]! : alternate(branches);
  }

  private concatenation(): Info {
    const parts: Info[] = [];
    // Plain characters not followed by a repetition join one literal at once (the common case).
    let plain = '';
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const c = this.src.charCodeAt(this.i);
      if (!SYNTAX.has(c) && !isSurrogate(c) && !QUANTIFIERS.has(this.src.charCodeAt(this.i + 1))) {
        plain += String.fromCharCode(foldLiteralUnit(c));
        this.i++;
        continue;
      }
      if (plain) parts.push(exactly([plain]));
      plain = '';
      const atom = this.atom();
      if (atom) parts.push(...this.quantified(atom));
    }
    if (plain) parts.push(exactly([plain]));
    return parts.length === 1 ? parts[0]! : concat(parts);
  }

  private quantified(atom: Info): Info[] {
    let info = [atom];
    for (;;) {
      const ch = this.src[this.i];
      let min: number;
      let max: number;
      if (ch === '*') [min, max] = [0, Infinity];
      else if (ch === '+') [min, max] = [1, Infinity];
      else if (ch === '?') [min, max] = [0, 1];
      else if (ch === '{') {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i, this.i + 24));
        if (!m) return info; // RE2 reads a "{" that starts no repetition as a literal
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        this.i += m[0].length - 1;
      } else return info;
      this.i++;
      if (this.src[this.i] === '?') this.i++; // non-greedy: the same strings
      info = repeat(info.length === 1 ? info[0]! : concat(info), min, max);
    }
  }

  /** One atom; null for a flag group such as (?i), which matches nothing by itself. */
  private atom(): Info | null {
    const ch = this.src[this.i]!;
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '.':
        this.i++;
        return ANY;
      case '^':
      case '$':
        this.i++;
        return EMPTY;
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new Unknown(); // a repetition of nothing: invalid RE2
      default: {
        const cp = this.src.codePointAt(this.i)!;
        this.i += cp > 0xffff ? 2 : 1;
        return literal(cp);
      }
    }
  }

  private group(): Info | null {
    this.i++; // (
    if (this.src[this.i] === '?') {
      const flags = /^\?([imsU-]*)(:|\))/.exec(this.src.slice(this.i, this.i + 12));
      const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(this.src.slice(this.i, this.i + 80));
      if (flags) {
        this.i += flags[0].length;
        // Case flags do not matter here: literals are compared case-folded in any case.
        if (flags[2] === ')') return null;
      } else if (named) this.i += named[0].length;
      else throw new Unknown();
    }
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Unknown();
    this.i++;
    return inner;
  }

  private escape(): Info {
    const next = this.src[this.i + 1];
    if (next === undefined) throw new Unknown();
    if (next === 'b' || next === 'B' || next === 'A' || next === 'z') {
      this.i += 2;
      return EMPTY;
    }
    const small = SMALL_CLASS_ESCAPES.get(next);
    if (small) {
      this.i += 2;
      return exactly(small);
    }
    if (CLASS_ESCAPES.has(next)) {
      this.skipEscape();
      return ANY;
    }
    return literal(this.escapedChar());
  }

  /** Skips an escape that stands for a set of characters (\d, \pL, \p{Khmer}). */
  private skipEscape(): void {
    const braced = /^\\[pP](\{[^}]*\}|.)/.exec(this.src.slice(this.i, this.i + 40));
    this.i += braced ? braced[0].length : 2;
  }

  /** The code point an escape such as \x{17B2}, \n or \. stands for; throws for others. */
  private escapedChar(): number {
    const rest = this.src.slice(this.i, this.i + 12);
    const hex = /^\\x(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(rest);
    if (hex) {
      const code = parseInt(hex[1] ?? hex[2]!, 16);
      if (code > 0x10ffff) throw new Unknown();
      this.i += hex[0].length;
      return code;
    }
    const next = this.src[this.i + 1]!;
    this.i += 2;
    if (next in CONTROL_ESCAPES) return CONTROL_ESCAPES[next]!;
    // RE2 allows any escaped punctuation as itself; letters and digits mean something else.
    if (/[\p{L}\p{N}]/u.test(next) || isSurrogate(next.charCodeAt(0))) throw new Unknown();
    return next.charCodeAt(0);
  }

  /**
   * A class of a few characters is an exact set; of more, a condition (the match contains one of
   * them); of many, or negated, "any character". Members outside the BMP count whole when few,
   * else by their high surrogates, which every match of them contains (not for cased astral
   * letters: see literal).
   */
  private charClass(): Info {
    this.i++; // [
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    /** Members of one code unit (BMP characters, or high surrogates each standing for 1,024 code points). */
    const units = new Set<string>();
    /** Members outside the BMP, whole: a class of few such characters (🄰–🆉) needs them, not their common high surrogate. */
    const points = new Set<string>();
    let bySurrogate = false;
    let wide = negated;
    let first = true;
    for (;;) {
      const ch = this.src[this.i];
      if (ch === undefined) throw new Unknown();
      if (ch === ']' && !first) break;
      first = false;
      if (ch === '[' && this.src[this.i + 1] === ':') {
        const end = this.src.indexOf(':]', this.i + 2);
        if (end < 0) throw new Unknown();
        this.i = end + 2;
        wide = true;
        continue;
      }
      const small = ch === '\\' ? SMALL_CLASS_ESCAPES.get(this.src[this.i + 1] ?? '') : undefined;
      if (small) {
        this.i += 2;
        for (const c of small) units.add(c);
        continue;
      }
      if (ch === '\\' && CLASS_ESCAPES.has(this.src[this.i + 1] ?? '')) {
        this.skipEscape();
        wide = true;
        continue;
      }
      const lo = this.classChar();
      let hi = lo;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== undefined) {
        this.i++;
        hi = this.classChar();
      }
      if (hi < lo) throw new Unknown();
      if (wide) continue;
      if (lo > 0xffff) {
        if (hi - lo < MAX_ASTRAL_CLASS && !anyCasedAstral(lo, hi)) {
          for (let cp = lo; cp <= hi; cp++) points.add(String.fromCodePoint(cp));
          wide = points.size > MAX_ASTRAL_CLASS;
        } else if (CASED_ASTRAL.test(String.fromCodePoint(lo)) || CASED_ASTRAL.test(String.fromCodePoint(hi)) || (hi >= 0x10400 && lo <= 0x1e95f && hi - lo > 0x1000)) wide = true;
        else {
          bySurrogate = true;
          for (let h = highSurrogate(lo); h <= highSurrogate(hi) && !wide; h++) wide = units.add(String.fromCharCode(h)).size > MAX_CLASS;
        }
      } else if (hi > 0xffff || isSurrogate(lo) || isSurrogate(hi) || hi - lo >= MAX_CLASS) wide = true;
      else for (let c = lo; c <= hi && !wide; c++) wide = units.add(String.fromCharCode(foldLiteralUnit(c))).size > MAX_CLASS;
    }
    this.i++; // ]
    const members = new Set([...units, ...points]);
    if (wide || members.size === 0) return ANY;
    if (!bySurrogate && members.size <= MAX_EXACT) return exactly(members);
    return { exact: null, need: [asCondition(members) ? [members] : []], prefix: members.size <= MAX_EXACT ? members : null };
  }

  /** One member of a class as a code point (astral members make the class "any": see charClass). */
  private classChar(): number {
    const cp = this.src.codePointAt(this.i)!;
    if (cp === 0x5c) return this.escapedChar();
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

/**
 * The alternatives of which every match of `source` meets one: each a list of conditions, each a
 * list of literals (folded with foldLiteralUnit) of which the match contains one. An empty list when
 * nothing is known: the pattern must always run.
 */
export function requiredLiterals(source: string): string[][][] {
  try {
    const need = needOf(new Reader(source).parse());
    return need.some((alt) => alt.length === 0) ? [] : need.map((alt) => withoutImplied(alt).map((c) => [...c]));
  } catch (err) {
    if (err instanceof Unknown) return [];
    throw err;
  }
}

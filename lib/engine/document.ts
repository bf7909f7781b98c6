/**
 * The draft as the rules see it: split into chunks (lines; very long lines
 * are cut at a space), each chunk analysed once (normalisation, literal
 * matching, structure), then assembled into post-level lists in original
 * UTF-16 offsets. Chunk analysis depends only on the chunk text, which is
 * what lets the incremental checker reuse it for unchanged paragraphs.
 */
import { slabBytes } from './typed-slab';
import { isBoundedWordCharAt, isBoundedWordCharBefore, normalize, type Normalized } from './normalize';
import { analyzeStructure, type Structure } from './structure';
import type { Occ, Part, RuleBase, TermRef } from './internal';
import type { Range } from './types';
import type { TermTable } from './terms';

/** Longest chunk analysed in one go; bounds the work between two budget checks. */
export const MAX_CHUNK = 2000;

export interface ChunkRecord extends Structure {
  text: string;
  occ: Map<number, Occ[]>;
  /** Per-rule memo of pattern matches (chunk-relative), filled lazily. */
  patterns: Map<number, Range[]>;
  /** Which patterns can match in this chunk (PatternBank.possible), filled when a pattern rule first asks. */
  possiblePatterns?: Uint8Array;
  /** The chunk normalised with its own offset map (term scan, and rules that match patterns on normalised text). */
  normalized: Normalized;
  /** The same for the normalised chunk (proximity rules' patterns). */
  normalizedPossiblePatterns?: Uint8Array;
  /** The chunk's classifier windows, by n-gram lengths ("3-5"); filled lazily. */
  classifierWindows?: Map<string, ScoredWindow[]>;
  /** Windows each classifier rule (by rule index) flagged in this chunk; filled lazily. */
  classified?: Map<number, WindowVerdict[]>;
}

/**
 * A window classifier rules score (chunk-relative): its normalised text, the feature numbers of
 * its n-grams and shape features that some model has (FeatureIndex), and how many n-grams and
 * shape features it has in all.
 */
export interface ScoredWindow extends Range {
  folded: string;
  features: Int32Array;
  size: number;
}

/** A window a classifier flagged (chunk-relative) and its message values. */
export interface WindowVerdict extends Range {
  vars: Record<string, string>;
}

export interface PlacedChunk {
  offset: number;
  rec: ChunkRecord;
}

/** A chunk's range; `cut` marks the pieces of a line longer than MAX_CHUNK. */
export interface ChunkRange extends Range {
  cut?: true;
}

/** Chunk boundaries: every line, long lines cut at the last space before MAX_CHUNK. Linear in the text. */
export function splitChunks(text: string): ChunkRange[] {
  const out: ChunkRange[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    while (lineEnd - s > MAX_CHUNK) {
      const cut0 = lastSpaceIn(text, s + MAX_CHUNK / 2 + 1, s + MAX_CHUNK);
      let cut = cut0 < 0 ? s + MAX_CHUNK : cut0;
      const c = text.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut--; // never split a surrogate pair
      out.push({ start: s, end: cut, cut: true });
      s = cut;
    }
    if (lineEnd > s) out.push(s > lineStart ? { start: s, end: lineEnd, cut: true } : { start: s, end: lineEnd });
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * Last space in text[from..to] (inclusive), or -1. The search never looks before `from`: a
 * `lastIndexOf` from `to` would walk back to the start of a spaceless line for every chunk,
 * quadratic on a 1 MB line without spaces.
 */
function lastSpaceIn(text: string, from: number, to: number): number {
  for (let i = to; i >= from; i--) if (text.charCodeAt(i) === 0x20) return i;
  return -1;
}

export function analyzeChunk(terms: TermTable, text: string): ChunkRecord {
  // Normalised once: the term scan reads it here, the patterns of proximity rules (run on the
  // normalised text) read it from the record.
  const n = normalize(text);
  const occ = new Map<number, Occ[]>();
  const needsExact = terms.needsExact;
  const matcher = terms.matcher;
  const hits = matcher.collect(n.folded);
  const found = matcher.found;
  for (let k = 0; k < 2 * hits; k += 2) {
    const id = found[k]!;
    const e = found[k + 1]!;
    const s = e - matcher.termLength[id]!;
    const start = n.start[s]!;
    const end = n.end[e - 1]!;
    const o: Occ = { start, end, left: !isBoundedWordCharBefore(text, start), right: !isBoundedWordCharAt(text, end) };
    if (needsExact.has(id)) o.exact = n.norm.slice(s, e);
    const list = occ.get(id);
    if (list) list.push(o);
    else occ.set(id, [o]);
  }
  for (const list of occ.values()) if (list.length > 1) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, occ, patterns: new Map(), normalized: n, ...analyzeStructure(text) };
}

/** Sorted ranges with a prefix maximum of ends: overlap queries in O(log n + hits). */
export class IntervalSet {
  private readonly items: Range[];
  private readonly maxEnd: number[];
  constructor(items: Range[]) {
    this.items = items.slice().sort((a, b) => a.start - b.start);
    this.maxEnd = [];
    let m = -1;
    for (const r of this.items) this.maxEnd.push((m = Math.max(m, r.end)));
  }
  get size(): number {
    return this.items.length;
  }
  /** Any item overlapping [s, e) (optionally ignoring an item with exactly that range). */
  overlaps(s: number, e: number, ignoreExact = false): boolean {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start < e) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && this.maxEnd[j]! > s; j--) {
      const r = this.items[j]!;
      if (r.end > s && !(ignoreExact && r.start === s && r.end === e)) return true;
    }
    return false;
  }
  /** Any item containing [s, e) (optionally ignoring an item with exactly that range). */
  contains(s: number, e: number, ignoreExact = false): boolean {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && this.maxEnd[j]! >= e; j--) {
      const r = this.items[j]!;
      if (r.end >= e && !(ignoreExact && r.start === s && r.end === e)) return true;
    }
    return false;
  }
}

const EMPTY: Occ[] = [];

export class Doc {
  readonly occ = new Map<number, Occ[]>();
  readonly urls: Range[] = [];
  readonly emails: Range[] = [];
  readonly handles: Range[] = [];
  readonly hashtags: Range[] = [];
  readonly quotes: Range[] = [];
  readonly emoji: Range[] = [];
  readonly exclaims: Range[] = [];
  readonly capsWords: Range[] = [];
  readonly sentenceBreaks: number[] = [];
  upper = 0;
  latin = 0;
  scripts = 0;
  /** Set when the budget stopped work early. */
  truncated: boolean;
  private sets: { urls: IntervalSet; emails: IntervalSet; handles: IntervalSet; hashtags: IntervalSet; quotes: IntervalSet } | null = null;
  private vocab: IntervalSet | null = null;
  private readonly exceptionSets = new Map<number, IntervalSet>();
  /** A bit per term id that occurs (hasAny reads it: rules ask about long term lists on every check). */
  private readonly present: Uint8Array;

  constructor(
    readonly text: string,
    readonly chunks: readonly PlacedChunk[],
    private readonly vocabRefs: readonly TermRef[],
    private readonly deadline: number,
    truncated: boolean,
  ) {
    this.truncated = truncated;
    const lists = ['urls', 'emails', 'handles', 'hashtags', 'quotes', 'emoji', 'exclaims', 'capsWords'] as const;
    for (const { offset, rec } of chunks) {
      for (const [id, list] of rec.occ) {
        let dest = this.occ.get(id);
        if (!dest) this.occ.set(id, (dest = []));
        for (const o of list) dest.push(shift(o, offset));
      }
      for (const k of lists) for (const r of rec[k]) this[k].push({ start: r.start + offset, end: r.end + offset });
      for (const b of rec.sentenceBreaks) this.sentenceBreaks.push(b + offset);
      this.sentenceBreaks.push(offset + rec.text.length); // a chunk (line) end also ends a sentence
      this.upper += rec.upper;
      this.latin += rec.latin;
      this.scripts |= rec.scripts;
    }
    let top = -1;
    for (const id of this.occ.keys()) top = Math.max(top, id);
    this.present = slabBytes((top >> 3) + 1);
    for (const id of this.occ.keys()) this.present[id >> 3]! |= 1 << (id & 7);
  }

  overBudget(): boolean {
    return now() > this.deadline;
  }

  /** Occurrences of a term as `base` uses it: boundary and case checks, then suppression unless `raw`. */
  hits(base: RuleBase, ref: TermRef, raw = false): Occ[] {
    const list = this.occ.get(ref.id);
    if (!list) return EMPTY;
    const out: Occ[] = [];
    for (const o of list) {
      if (ref.checkLeft && !o.left) continue;
      if (ref.checkRight && !o.right) continue;
      if (ref.exact !== null && o.exact !== ref.exact) continue;
      if (!raw && this.suppressed(base, o)) continue;
      out.push(o);
    }
    return out;
  }

  /** Whether any of the terms occurs at all (cheap pre-check before evaluating a rule). */
  hasAny(refs: readonly TermRef[]): boolean {
    const present = this.present;
    for (const { id } of refs) if (id >> 3 < present.length && (present[id >> 3]! & (1 << (id & 7))) !== 0) return true;
    return false;
  }

  private spanSets() {
    return (this.sets ??= {
      urls: new IntervalSet(this.urls),
      emails: new IntervalSet(this.emails),
      handles: new IntervalSet(this.handles),
      hashtags: new IntervalSet(this.hashtags),
      quotes: new IntervalSet(this.quotes),
    });
  }

  /** The draft part a range lies in. */
  partOf(r: Range): Part {
    const s = this.spanSets();
    if (s.urls.overlaps(r.start, r.end) || s.emails.overlaps(r.start, r.end)) return 'link';
    if (s.handles.overlaps(r.start, r.end)) return 'mention';
    if (s.hashtags.overlaps(r.start, r.end)) return 'hashtag';
    return 'body';
  }

  /**
   * Whether a hit of `base` at `r` is dropped: inside a link/e-mail/handle the
   * rule does not target, outside the rule's parts, inside a quotation (unless
   * the rule opts out), overlapping one of the rule's exceptions, or
   * overlapping accepted vocabulary (a hit covering exactly an accepted term is
   * the term itself, not "another rule's hit", and is kept).
   * `structural` hits (counted items, hashtags) skip the location checks.
   */
  suppressed(base: RuleBase, r: Range, structural = false): boolean {
    if (!structural) {
      const s = this.spanSets();
      if (s.urls.overlaps(r.start, r.end) && !(base.matchInside.has('url') || base.parts?.has('link'))) return true;
      if (s.emails.overlaps(r.start, r.end) && !base.matchInside.has('email')) return true;
      if (s.handles.overlaps(r.start, r.end) && !(base.matchInside.has('handle') || base.parts?.has('mention'))) return true;
      if (base.parts && !base.parts.has(this.partOf(r))) return true;
    }
    if (base.quotedExempt && this.quotes.length > 0 && this.spanSets().quotes.contains(r.start, r.end)) return true;
    if (base.exceptions.length > 0 && this.exceptionSet(base).overlaps(r.start, r.end)) return true;
    if (this.vocabRefs.length > 0 && this.vocabSet(base).overlaps(r.start, r.end, true)) return true;
    return false;
  }

  private exceptionSet(base: RuleBase): IntervalSet {
    let set = this.exceptionSets.get(base.index);
    if (!set) {
      set = new IntervalSet(base.exceptions.flatMap((ref) => this.hits(base, ref, true)));
      this.exceptionSets.set(base.index, set);
    }
    return set;
  }

  private vocabSet(base: RuleBase): IntervalSet {
    return (this.vocab ??= new IntervalSet(this.vocabRefs.flatMap((ref) => this.hits(base, ref, true))));
  }

  /** Index of the sentence containing `pos`. */
  sentenceOf(pos: number): number {
    const b = this.sentenceBreaks;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function shift(o: Occ, offset: number): Occ {
  if (offset === 0) return o;
  const c: Occ = { start: o.start + offset, end: o.end + offset, left: o.left, right: o.right };
  if (o.exact !== undefined) c.exact = o.exact;
  return c;
}

export function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

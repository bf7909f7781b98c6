/**
 * The pre-filter of pattern rules: the literals each pattern requires (see required-literals.ts)
 * in one Aho–Corasick automaton, so a single pass over a chunk tells which patterns can match
 * there at all. Over the eval's texts eleven (pattern, line) pairs in twelve are ruled out this
 * way, without running any regular-expression automaton.
 */
import { LiteralMatcher } from './matcher';
import { requiredLiterals } from './required-literals';
import { slabBytes } from './typed-slab';

/** Source characters whose literals one prepareStep extracts: a few ms per slice. */
const SOURCE_PER_STEP = 10000;

export class LiteralFilter {
  private readonly sources: string[] = [];
  /** Patterns that require no literal: possible in every text. */
  private readonly unfiltered: number[] = [];
  /** The conditions as registered, in growable lists; flattened into the arrays below once built. */
  private registered: Registered | null = { alternativeOf: [], patternOf: [], conditionsIn: [], conditionsOf: [] };
  /** Per condition: the alternative (a global number) it belongs to. */
  private alternativeOf = new Int32Array(0);
  /** Per alternative: its pattern, and how many conditions it has. */
  private patternOf = new Int32Array(0);
  private conditionsIn = new Uint8Array(0);
  /** Literal l (matcher term id) meets conditions conditionList[conditionStart[l] … conditionStart[l+1]-1]. */
  private conditionStart = new Int32Array(1);
  private conditionList = new Int32Array(0);
  private readonly matcher = new LiteralMatcher();
  /** Patterns whose literals are extracted (in order of id). */
  private extracted = 0;
  /** Every pattern's literals are in the built matcher. */
  private ready = false;
  /**
   * Scratch for possible(), reused (allocating typed arrays costs more than the scan): a literal,
   * condition or alternative counts as seen in this pass when its stamp is the pass number.
   */
  private pass = 0;
  private literalStamp = new Uint32Array(0);
  private conditionStamp = new Uint32Array(0);
  private alternativeStamp = new Uint32Array(0);
  private alternativeMet = new Uint8Array(0);

  add(source: string): number {
    this.sources.push(source);
    return this.sources.length - 1;
  }

  /** Extracts the next patterns' literals (one slice of idle work); true while more remain. */
  prepareStep(): boolean {
    if (this.ready) return false;
    let chars = 0;
    while (this.extracted < this.sources.length && chars < SOURCE_PER_STEP) {
      const id = this.extracted++;
      chars += this.sources[id]!.length;
      this.register(id, requiredLiterals(this.sources[id]!));
    }
    if (this.extracted === this.sources.length) {
      this.matcher.build();
      this.flatten(this.registered!);
      this.registered = null;
      this.literalStamp = new Uint32Array(this.matcher.size);
      this.conditionStamp = new Uint32Array(this.alternativeOf.length);
      this.alternativeStamp = new Uint32Array(this.patternOf.length);
      this.alternativeMet = new Uint8Array(this.patternOf.length);
      this.ready = true;
    }
    return !this.ready;
  }

  /** Finishes what prepareStep has left. */
  prepareAll(): void {
    while (this.prepareStep()) {
      /* next slice */
    }
  }

  /** The registered lists as typed arrays: possible() reads them for every line. */
  private flatten(r: Registered): void {
    const literals = this.matcher.size;
    this.conditionStart = new Int32Array(literals + 1);
    for (let l = 0; l < literals; l++) this.conditionStart[l + 1] = this.conditionStart[l]! + (r.conditionsOf[l]?.length ?? 0);
    this.conditionList = new Int32Array(this.conditionStart[literals]!);
    for (let l = 0; l < literals; l++) this.conditionList.set(r.conditionsOf[l] ?? [], this.conditionStart[l]!);
    this.alternativeOf = Int32Array.from(r.alternativeOf);
    this.patternOf = Int32Array.from(r.patternOf);
    this.conditionsIn = Uint8Array.from(r.conditionsIn);
  }

  private register(id: number, need: string[][][]): void {
    if (need.length === 0) {
      this.unfiltered.push(id);
      return;
    }
    const r = this.registered!;
    for (const alternative of need) {
      const alt = r.patternOf.length;
      r.patternOf.push(id);
      r.conditionsIn.push(alternative.length);
      for (const literals of alternative) {
        const condition = r.alternativeOf.length;
        r.alternativeOf.push(alt);
        for (const literal of literals) (r.conditionsOf[this.matcher.add(literal)] ??= []).push(condition);
      }
    }
  }

  /**
   * Per pattern id, 1 when the pattern may match in `text` (one of its alternatives has all its
   * conditions met, or it requires nothing), 0 when it cannot. Work in proportion to the
   * literals found, not to the number of patterns.
   */
  possible(text: string): Uint8Array {
    this.prepareAll();
    const out = slabBytes(this.sources.length);
    for (const id of this.unfiltered) out[id] = 1;
    const pass = ++this.pass;
    const { literalStamp, conditionStamp, alternativeStamp, alternativeMet, conditionStart, conditionList, alternativeOf, patternOf, conditionsIn } = this;
    const hits = this.matcher.collect(text, true);
    const found = this.matcher.found;
    for (let k = 0; k < 2 * hits; k += 2) {
      const literal = found[k]!;
      // A literal found again (a common word) meets nothing new.
      if (literalStamp[literal] === pass) continue;
      literalStamp[literal] = pass;
      for (let j = conditionStart[literal]!, end = conditionStart[literal + 1]!; j < end; j++) {
        const condition = conditionList[j]!;
        if (conditionStamp[condition] === pass) continue;
        conditionStamp[condition] = pass;
        const alt = alternativeOf[condition]!;
        if (alternativeStamp[alt] !== pass) {
          alternativeStamp[alt] = pass;
          alternativeMet[alt] = 0;
        }
        if (++alternativeMet[alt]! === conditionsIn[alt]) out[patternOf[alt]!] = 1;
      }
    }
    return out;
  }
}

interface Registered {
  alternativeOf: number[];
  patternOf: number[];
  conditionsIn: number[];
  conditionsOf: number[][];
}

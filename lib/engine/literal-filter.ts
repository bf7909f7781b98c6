/**
 * The pre-filter of pattern rules: the literals each pattern requires (see required-literals.ts)
 * in one Aho–Corasick automaton, so a single pass over a chunk tells which patterns can match
 * there at all. Over the eval's texts eleven (pattern, line) pairs in twelve are ruled out this
 * way, without running any regular-expression automaton.
 */
import { LiteralMatcher } from './matcher';
import { requiredLiterals } from './required-literals';

/** Source characters whose literals one prepareStep extracts: a few ms per slice. */
const SOURCE_PER_STEP = 10000;

export class LiteralFilter {
  private readonly sources: string[] = [];
  /** Patterns that require no literal: possible in every text. */
  private readonly unfiltered: number[] = [];
  /** Per condition: the alternative (a global number) it belongs to. */
  private alternativeOf: number[] = [];
  /** Per alternative: its pattern, and how many conditions it has. */
  private patternOf: number[] = [];
  private conditionsIn: number[] = [];
  /** Per literal (matcher term id): the conditions it meets. */
  private conditionsOf: number[][] = [];
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

  private register(id: number, need: string[][][]): void {
    if (need.length === 0) {
      this.unfiltered.push(id);
      return;
    }
    for (const alternative of need) {
      const alt = this.patternOf.length;
      this.patternOf.push(id);
      this.conditionsIn.push(alternative.length);
      for (const literals of alternative) {
        const condition = this.alternativeOf.length;
        this.alternativeOf.push(alt);
        for (const literal of literals) (this.conditionsOf[this.matcher.add(literal)] ??= []).push(condition);
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
    const out = new Uint8Array(this.sources.length);
    for (const id of this.unfiltered) out[id] = 1;
    const pass = ++this.pass;
    const { literalStamp, conditionStamp, alternativeStamp, alternativeMet } = this;
    const hits = this.matcher.collect(text, true);
    const found = this.matcher.found;
    for (let k = 0; k < 2 * hits; k += 2) {
      const literal = found[k]!;
      // A literal found again (a common word) meets nothing new.
      if (literalStamp[literal] === pass) continue;
      literalStamp[literal] = pass;
      for (const condition of this.conditionsOf[literal]!) {
        if (conditionStamp[condition] === pass) continue;
        conditionStamp[condition] = pass;
        const alt = this.alternativeOf[condition]!;
        if (alternativeStamp[alt] !== pass) {
          alternativeStamp[alt] = pass;
          alternativeMet[alt] = 0;
        }
        if (++alternativeMet[alt]! === this.conditionsIn[alt]) out[this.patternOf[alt]!] = 1;
      }
    }
    return out;
  }
}

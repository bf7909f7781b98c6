/**
 * The rule gate. Most rules can find something only when one of their listed terms occurs, or
 * (proximity rules of patterns only) when one group's pattern may match: they say so in
 * `needs`. An index from every term and pattern to the rules it opens marks, once per check, the
 * rules worth calling; the others are not called at all. On a post, most rules stay closed.
 * The gate is an index, not a rule: each rule gives the same findings when called ungated.
 */
import type { ChunkRecord, Doc } from './document';
import type { CompiledRule } from './internal';
import type { PatternBank } from './safe-regex';

/** Which patterns of the normalised-text bank may match in a chunk: one literal pass, kept with the chunk. */
export function normalisedPossible(rec: ChunkRecord, bank: PatternBank): Uint8Array {
  return (rec.normalizedPossiblePatterns ??= bank.possible(rec.normalized.norm));
}

/** `index[key]` lists, flat: key k's entries are list[start[k] … start[k+1]-1]. */
function invert(keyCount: number, pairs: ReadonlyArray<readonly [key: number, value: number]>): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (const [k] of pairs) start[k + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const list = new Int32Array(pairs.length);
  const fill = start.slice(0, keyCount);
  for (const [k, v] of pairs) list[fill[k]!++] = v;
  return { start, list };
}

export class RuleGate {
  /** Per rule index: 1 when the rule declares no needs (called on every check). */
  private readonly always: Uint8Array;
  private readonly byTerm: { start: Int32Array; list: Int32Array };
  private readonly byPattern: { start: Int32Array; list: Int32Array };
  /** Rules some pattern opens: all opened at once when the budget stops the literal passes. */
  private readonly patternGated: Int32Array;
  /** The open rules of the current check, reused (runCheck reads it before the next check). */
  private readonly opened: Uint8Array;

  /**
   * `ungated`: every rule is called on every check (tests show with it that the gate changes
   * no finding).
   */
  constructor(rules: readonly CompiledRule[], termCount: number, private readonly bank: PatternBank, ungated = false) {
    const size = rules.length === 0 ? 0 : rules[rules.length - 1]!.base.index + 1;
    this.always = new Uint8Array(size);
    this.opened = new Uint8Array(size);
    const termPairs: Array<[number, number]> = [];
    const patternPairs: Array<[number, number]> = [];
    for (const { base, evaluate } of rules) {
      const needs = evaluate.needs;
      if (ungated || !needs) {
        this.always[base.index] = 1;
        continue;
      }
      for (const ref of needs.terms ?? []) termPairs.push([ref.id, base.index]);
      for (const id of needs.normalisedPatterns ?? []) patternPairs.push([id, base.index]);
    }
    this.byTerm = invert(termCount, termPairs);
    this.byPattern = invert(bank.size, patternPairs);
    this.patternGated = Int32Array.from(new Set(patternPairs.map(([, rule]) => rule)));
  }

  /** Per rule index, 1 when the rule may find something in `doc`. Valid until the next call. */
  open(doc: Doc): Uint8Array {
    const opened = this.opened;
    opened.set(this.always);
    const { start, list } = this.byTerm;
    for (const id of doc.occ.keys()) for (let j = start[id]!; j < start[id + 1]!; j++) opened[list[j]!] = 1;
    if (this.patternGated.length > 0) this.openByPatterns(doc, opened);
    return opened;
  }

  private openByPatterns(doc: Doc, opened: Uint8Array): void {
    const { start, list } = this.byPattern;
    for (const { rec } of doc.chunks) {
      // Over the time budget the rules are called anyway: they stop at once and mark the check truncated.
      if (rec.normalizedPossiblePatterns === undefined && doc.overBudget()) {
        for (const rule of this.patternGated) opened[rule] = 1;
        return;
      }
      const possible = normalisedPossible(rec, this.bank);
      for (let id = 0; id < possible.length; id++) {
        if (possible[id] === 1) for (let j = start[id]!; j < start[id + 1]!; j++) opened[list[j]!] = 1;
      }
    }
  }
}

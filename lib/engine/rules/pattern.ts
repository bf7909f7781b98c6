/**
 * `pattern`: an RE2 regular expression (re2js), run on each chunk (line) of
 * the original text. The shared PatternBank pre-filters all patterns in one pass.
 */
import { findAll, type PatternBank } from '../safe-regex';
import { ruleFixes } from '../fix';
import type { RuleBase, RuleCompiler } from '../internal';
import type { Doc } from '../document';
import type { Range } from '../types';

/** Matches kept per chunk: enough for any real draft, bounded for hostile input. */
const MAX_MATCHES_PER_CHUNK = 200;

/**
 * Every match of bank pattern `id` in the document (offsets into the original text), memoised per
 * chunk under `memoKey` (a rule's index, or a key of its own for a rule with several patterns).
 * When the time budget runs out the matches found so far are returned and the document is marked truncated.
 */
function patternHits(doc: Doc, bank: PatternBank, id: number, memoKey: number): Range[] {
  const out: Range[] = [];
  for (const { offset, rec } of doc.chunks) {
    let ranges = rec.patterns.get(memoKey);
    if (!ranges) {
      if (doc.overBudget()) {
        doc.truncated = true;
        return out;
      }
      if (rec.patternIds === undefined) rec.patternIds = bank.candidates(rec.text);
      const re = rec.patternIds && !rec.patternIds.has(id) ? null : bank.regex(id);
      ranges = re ? findAll(re, rec.text, MAX_MATCHES_PER_CHUNK) : [];
      rec.patterns.set(memoKey, ranges);
    }
    for (const r of ranges) out.push({ start: r.start + offset, end: r.end + offset });
  }
  return out;
}

export const compilePattern: RuleCompiler<'pattern'> = (rule, base: RuleBase, env) => {
  const bank = env.patterns;
  const id = bank.add(rule.pattern, rule.caseSensitive ?? false);
  return (doc, sink) => {
    for (const range of patternHits(doc, bank, id, base.index)) {
      if (!doc.suppressed(base, range)) sink.finding(base, { range, fixes: ruleFixes(base, doc.text, range) });
    }
  };
};

/**
 * `conditional`: a trigger requires or forbids other terms within a window
 * (post, sentence or N characters), or an acronym must be defined before its
 * first use.
 */
import { ruleFixes } from '../fix';
import { IntervalSet } from '../document';
import { z } from 'zod';
import { gated, type Occ } from '../internal';
import { commonRuleFields, literalFields, phraseList, text } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import type { Doc } from '../document';
import type { Range } from '../types';

/** "Is any of `ranges` within the window of r?" in O(log n) per query (no pairwise scan). */
function windowIndex(doc: Doc, within: 'post' | 'sentence' | number, ranges: readonly Range[]): (r: Range) => boolean {
  if (within === 'post') return () => ranges.length > 0;
  if (within === 'sentence') {
    const sentences = new Set(ranges.map((x) => doc.sentenceOf(x.start)));
    return (r) => sentences.has(doc.sentenceOf(r.start));
  }
  // Widen each range by within + 1 so "overlaps" means a gap of at most `within` characters.
  const widened = new IntervalSet(ranges.map((x) => ({ start: x.start - within - 1, end: x.end + within + 1 })));
  return (r) => widened.overlaps(r.start, r.end);
}

const schema = z.strictObject({
  ...commonRuleFields, ...literalFields, type: z.literal('conditional'),
  if: phraseList.min(1).optional(),
  requires: phraseList.min(1).optional(),
  forbids: phraseList.min(1).optional(),
  acronyms: z.array(z.strictObject({ short: text, long: text })).min(1).optional(),
  within: z.union([z.enum(['post', 'sentence']), z.number().int().min(1)]).optional(),
});

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const within = rule.within ?? 'post';
  const ref = (t: string) => env.terms.ref(t, base);
  const triggers = (rule.if ?? []).map(ref);
  const requires = (rule.requires ?? []).map(ref);
  const forbids = (rule.forbids ?? []).map(ref);
  // Acronyms are matched case-sensitively ("WHO" is not "who"); the long form follows the rule's setting.
  const acronyms = (rule.acronyms ?? []).map((a) => ({
    short: env.terms.ref(a.short, { caseSensitive: true, wholeWord: true }),
    long: ref(a.long),
    longText: a.long,
    shortText: a.short,
  }));

  return gated((doc, sink) => {
    for (const a of acronyms) {
      const first = doc.hits(base, a.short)[0];
      if (!first) continue;
      if (doc.hits(base, a.long, true).some((l) => l.start < first.start)) continue;
      const match = doc.text.slice(first.start, first.end);
      const replacement = `${a.longText} (${match})`;
      sink.finding(base, {
        range: first,
        fixes: [{ label: { en: `Write “${replacement}”`, km: `សរសេរ “${replacement}”`, fr: `Écrire « ${replacement} »` }, replacement, range: { start: first.start, end: first.end } }],
        vars: { short: a.shortText, long: a.longText },
      });
    }
    const trig: Occ[] = triggers.flatMap((r) => doc.hits(base, r));
    if (trig.length === 0) return;
    if (requires.length > 0) {
      const near = windowIndex(doc, within, requires.flatMap((r) => doc.hits(base, r, true)));
      for (const t of trig) {
        if (near(t)) continue;
        sink.finding(base, { range: t, fixes: ruleFixes(base, doc.text, t) });
        if (within === 'post') break; // one finding says it for the whole post
      }
    }
    if (forbids.length > 0 && doc.hasAny(forbids)) {
      const near = windowIndex(doc, within, trig);
      for (const r of forbids) {
        for (const f of doc.hits(base, r)) {
          if (near(f)) sink.finding(base, { range: f, fixes: ruleFixes(base, doc.text, f) });
        }
      }
    }
  }, { terms: [...acronyms.map((a) => a.short), ...triggers] });
};

export const conditional = defineRuleType({
  schema,
  compile,
  ownFix: (rule) => !!rule.acronyms,
  validate: (rule, err) => {
    if (rule.acronyms) {
      if (rule.if || rule.requires || rule.forbids) err('acronyms', 'cannot be combined with "if", "requires" or "forbids"; put acronyms in a rule of their own.');
    } else if (!rule.if) err('if', 'is missing: a conditional rule needs "if" (with "requires" or "forbids") or "acronyms".');
    else if (!!rule.requires === !!rule.forbids) err(rule.requires ? 'forbids' : 'requires', 'needs exactly one of "requires" or "forbids" next to "if".');
  },
  phrases: (rule) => [['if', rule.if], ['requires', rule.requires], ['forbids', rule.forbids]],
  searchTerms: (rule) => [
    ...(rule.if ?? []), ...(rule.requires ?? []), ...(rule.forbids ?? []),
    ...(rule.acronyms ?? []).flatMap((a) => [a.short, a.long]),
  ],
  exampleVars: (rule) => ({
    match: rule.if?.[0] ?? rule.forbids?.[0],
    short: rule.acronyms?.[0]?.short,
    long: rule.acronyms?.[0]?.long,
  }),
});

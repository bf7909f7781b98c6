/**
 * `conditional`: a trigger requires or forbids other terms within a window
 * (post, sentence or N characters), or an acronym must be defined before its
 * first use.
 */
import { ruleFixes } from '../fix';
import { IntervalSet } from '../document';
import type { Occ, RuleCompiler } from '../internal';
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

export const compileConditional: RuleCompiler<'conditional'> = (rule, base, env) => {
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

  return (doc, sink) => {
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
    if (triggers.length === 0 || !doc.hasAny(triggers)) return;
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
  };
};

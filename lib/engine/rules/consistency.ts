/**
 * `consistency`: one variant per post. When several variants occur, the one
 * used most wins (ties: the earlier-listed, i.e. preferred, variant) and every
 * occurrence of the others is flagged with a fix to the winner's first spelling.
 */
import { replaceFixes } from '../fix';
import { z } from 'zod';
import { gated, type Occ } from '../internal';
import { commonRuleFields, literalFields, phraseList } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';

const schema = z.strictObject({
  ...commonRuleFields, ...literalFields, type: z.literal('consistency'), variants: z.array(phraseList.min(1)).min(2),
});

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const variants = rule.variants.map((v) => v.map((t) => env.terms.ref(t, base)));
  const all = variants.flat();
  const caseMode = rule.fix?.action === 'replace' ? (rule.fix.case ?? 'match') : 'match';
  return gated((doc, sink) => {
    const hits: Array<{ o: Occ; v: number }> = [];
    variants.forEach((refs, v) => {
      for (const ref of refs) for (const o of doc.hits(base, ref)) hits.push({ o, v });
    });
    // A shorter variant inside a longer one ("Cambodia" in "Kingdom of Cambodia") is not a separate use.
    hits.sort((a, b) => a.o.start - b.o.start || b.o.end - a.o.end);
    const counts = new Array<number>(variants.length).fill(0);
    const kept: typeof hits = [];
    let maxEnd = -1;
    for (const h of hits) {
      if (h.o.end <= maxEnd) continue;
      maxEnd = h.o.end;
      kept.push(h);
      counts[h.v]!++;
    }
    if (counts.filter((c) => c > 0).length < 2) return;
    let winner = 0;
    counts.forEach((c, i) => {
      if (c > counts[winner]!) winner = i;
    });
    const suggestion = rule.variants[winner]![0]!;
    for (const { o, v } of kept) {
      if (v === winner) continue;
      sink.finding(base, {
        range: o,
        fixes: replaceFixes([suggestion], caseMode, o, doc.text.slice(o.start, o.end)),
        vars: { suggestion },
      });
    }
  }, { terms: all });
};

export const consistency = defineRuleType({
  schema,
  compile,
  ownFix: () => true,
  phrases: (rule) => rule.variants.map((v, i): [string, string[]] => [`variants[${i}]`, v]),
  searchTerms: (rule) => rule.variants.flat(),
  exampleVars: (rule) => ({ match: rule.variants[1]?.[0], suggestion: rule.variants[0]?.[0] }),
});

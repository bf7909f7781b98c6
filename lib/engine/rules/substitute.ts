/** `substitute`: preferred form, with a superset guard (no hit inside an occurrence of a `to` form). */
import { replaceFixes } from '../fix';
import { IntervalSet } from '../document';
import { z } from 'zod';
import { commonRuleFields, literalFields, phraseList } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import { gated } from '../internal';

const schema = z.strictObject({
  ...commonRuleFields, ...literalFields, type: z.literal('substitute'),
  swap: z.array(z.strictObject({ from: phraseList.min(1), to: phraseList.min(1) })).min(1),
});

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const swaps = rule.swap.map((s) => ({
    from: s.from.map((t) => env.terms.ref(t, base)),
    to: s.to.map((t) => env.terms.ref(t, base)),
    suggestions: s.to,
  }));
  const caseMode = rule.fix?.action === 'replace' ? (rule.fix.case ?? 'match') : 'match';
  return gated((doc, sink) => {
    for (const swap of swaps) {
      if (!doc.hasAny(swap.from)) continue;
      const guard = new IntervalSet(swap.to.flatMap((ref) => doc.hits(base, ref, true)));
      for (const ref of swap.from) {
        for (const o of doc.hits(base, ref)) {
          // Inside a longer correct form: fine. Same range: a case-only swap, decided on the exact text.
          if (guard.contains(o.start, o.end, true)) continue;
          const match = doc.text.slice(o.start, o.end);
          if (swap.suggestions.includes(match)) continue;
          sink.finding(base, {
            range: o,
            fixes: replaceFixes(swap.suggestions, caseMode, o, match),
            vars: { suggestion: swap.suggestions[0]! },
          });
        }
      }
    }
  }, { terms: swaps.flatMap((s) => s.from) });
};

export const substitute = defineRuleType({
  schema,
  compile,
  ownFix: () => true,
  phrases: (rule) => rule.swap.flatMap((s, i): Array<[string, string[]]> => [[`swap[${i}].from`, s.from], [`swap[${i}].to`, s.to]]),
  searchTerms: (rule) => rule.swap.flatMap((s) => [...s.from, ...s.to]),
  exampleVars: (rule) => ({ match: rule.swap[0]!.from[0], suggestion: rule.swap[0]!.to[0] }),
});

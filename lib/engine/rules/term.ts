/** `term`: existence of any listed term. */
import { ruleFixes } from '../fix';
import { z } from 'zod';
import { commonRuleFields, literalFields, phraseList } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import { gated } from '../internal';

const schema = z.strictObject({ ...commonRuleFields, ...literalFields, type: z.literal('term'), terms: phraseList.min(1) });

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const refs = rule.terms.map((t) => env.terms.ref(t, base));
  return gated((doc, sink) => {
    for (const ref of refs) {
      for (const o of doc.hits(base, ref)) sink.finding(base, { range: o, fixes: ruleFixes(base, doc.text, o) });
    }
  }, { terms: refs });
};

export const term = defineRuleType({
  schema,
  compile,
  phrases: (rule) => [['terms', rule.terms]],
  searchTerms: (rule) => [...rule.terms],
  exampleVars: (rule) => ({ match: rule.terms[0] }),
});

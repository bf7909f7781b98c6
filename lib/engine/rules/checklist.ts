/** `checklist`: topic words hand a prompt to the pre-publish checklist (never an inline finding). */
import { z } from 'zod';
import { commonRuleFields, literalFields, LocalizedSchema, phraseList, text } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import { gated } from '../internal';

const schema = z.strictObject({
  ...commonRuleFields, ...literalFields, type: z.literal('checklist'), topics: phraseList.min(1), prompt: LocalizedSchema, template: text.optional(),
});

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const refs = rule.topics.map((t) => env.terms.ref(t, base));
  return gated((doc, sink) => {
    let first: { start: number; end: number } | undefined;
    for (const ref of refs) {
      const h = doc.hits(base, ref)[0];
      if (h && (!first || h.start < first.start)) first = h;
    }
    if (first) sink.prompt(base, rule.prompt, rule.template, { start: first.start, end: first.end });
  }, { terms: refs });
};

export const checklist = defineRuleType({
  schema,
  compile,
  output: 'prompt',
  ownFix: () => true,
  validate: (rule, err) => {
    if (rule.severity !== 'suggestion') err('severity', `must be "suggestion" for checklist rules (found "${rule.severity}").`);
  },
  phrases: (rule) => [['topics', rule.topics]],
  searchTerms: (rule) => [...rule.topics],
  exampleVars: (rule) => ({ match: rule.topics[0] }),
});

/** `term`: existence of any listed term. */
import { ruleFixes } from '../fix';
import type { RuleCompiler } from '../internal';

export const compileTerm: RuleCompiler<'term'> = (rule, base, env) => {
  const refs = rule.terms.map((t) => env.terms.ref(t, base));
  return (doc, sink) => {
    if (!doc.hasAny(refs)) return;
    for (const ref of refs) {
      for (const o of doc.hits(base, ref)) sink.finding(base, { range: o, fixes: ruleFixes(base, doc.text, o) });
    }
  };
};

/** `checklist`: topic words hand a prompt to the pre-publish checklist (never an inline finding). */
import type { RuleCompiler } from '../internal';

export const compileChecklist: RuleCompiler<'checklist'> = (rule, base, env) => {
  const refs = rule.topics.map((t) => env.terms.ref(t, base));
  return (doc, sink) => {
    if (!doc.hasAny(refs)) return;
    let first: { start: number; end: number } | undefined;
    for (const ref of refs) {
      const h = doc.hits(base, ref)[0];
      if (h && (!first || h.start < first.start)) first = h;
    }
    if (first) sink.prompt(base, rule.prompt, rule.template, { start: first.start, end: first.end });
  };
};

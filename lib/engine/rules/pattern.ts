/**
 * `pattern`: an RE2 regular expression (re2js), run on each chunk (line) of
 * the original text. The shared PatternBank rules most patterns out by their literals first.
 */
import { z } from 'zod';
import { checkPattern, findAll } from '../safe-regex';
import { ruleFixes } from '../fix';
import { commonRuleFields, text } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';

/** Matches kept per chunk: enough for any real draft, bounded for hostile input. */
const MAX_MATCHES_PER_CHUNK = 200;

const schema = z.strictObject({
  ...commonRuleFields, type: z.literal('pattern'), pattern: text, caseSensitive: z.boolean().optional(),
});

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const bank = env.patterns;
  const id = bank.add(rule.pattern, rule.caseSensitive ?? false);
  return (doc, sink) => {
    for (const { offset, rec } of doc.chunks) {
      let ranges = rec.patterns.get(base.index);
      if (!ranges) {
        if (doc.overBudget()) {
          doc.truncated = true;
          return;
        }
        const re = (rec.possiblePatterns ??= bank.possible(rec.text))[id] === 1 ? bank.regex(id) : null;
        ranges = re ? findAll(re, rec.text, MAX_MATCHES_PER_CHUNK) : [];
        rec.patterns.set(base.index, ranges);
      }
      for (const r of ranges) {
        const range = { start: r.start + offset, end: r.end + offset };
        if (!doc.suppressed(base, range)) sink.finding(base, { range, fixes: ruleFixes(base, doc.text, range) });
      }
    }
  };
};

export const pattern = defineRuleType({
  schema,
  compile,
  compileField: 'pattern',
  validate: (rule, err) => {
    const problem = checkPattern(rule.pattern, rule.caseSensitive ?? false);
    if (problem) err('pattern', problem);
  },
});

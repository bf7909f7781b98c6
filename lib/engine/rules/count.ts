/** `count`: structural counts (hashtags, mentions, emoji, exclamation marks, links, capitals). */
import { ruleFixes } from '../fix';
import { z } from 'zod';
import { commonRuleFields } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import type { Doc } from '../document';
import type { Range } from '../types';

const ITEMS: Record<string, (d: Doc) => Range[]> = {
  hashtags: (d) => d.hashtags,
  mentions: (d) => d.handles,
  emoji: (d) => d.emoji,
  exclamations: (d) => d.exclaims,
  links: (d) => d.urls,
  'caps-words': (d) => d.capsWords,
};

export const COUNT_MEASURES = ['hashtags', 'mentions', 'emoji', 'exclamations', 'links', 'caps-ratio', 'caps-words'] as const;

const schema = z.strictObject({
  ...commonRuleFields, type: z.literal('count'), measure: z.enum(COUNT_MEASURES),
  max: z.number().min(0).optional(), min: z.number().min(0).optional(), minLetters: z.number().int().min(1).optional(),
});

const compile: Compiler<z.infer<typeof schema>> = (rule, base) => {
  const { measure, max, min } = rule;
  const vars = (count: number | string): Record<string, string> => ({
    count: String(count),
    max: max === undefined ? '' : String(max),
    min: min === undefined ? '' : String(min),
  });
  const whole = (doc: Doc): Range => ({ start: 0, end: doc.text.length });

  if (measure === 'caps-ratio') {
    const minLetters = rule.minLetters ?? 20;
    return (doc, sink) => {
      if (doc.latin < minLetters) return;
      const ratio = doc.upper / doc.latin;
      const pct = `${Math.round(ratio * 100)}%`;
      if ((max !== undefined && ratio > max) || (min !== undefined && ratio < min)) {
        sink.finding(base, { range: whole(doc), vars: vars(pct), keyBasis: measure });
      }
    };
  }
  const items = ITEMS[measure]!;
  return (doc, sink) => {
    const list = items(doc).filter((r) => !doc.suppressed(base, r, true));
    if (max !== undefined && list.length > max) {
      const over = list[Math.floor(max)]!;
      sink.finding(base, { range: over, fixes: ruleFixes(base, doc.text, over), vars: vars(list.length) });
    }
    if (min !== undefined && list.length < min) {
      sink.finding(base, { range: whole(doc), vars: vars(list.length), keyBasis: `${measure}<${min}` });
    }
  };
};

export const count = defineRuleType({
  schema,
  compile,
  structural: true,
  validate: (rule, err) => {
    if (rule.max === undefined && rule.min === undefined) err('max', 'is missing: a count rule needs "max", "min" or both.');
    if (rule.max !== undefined && rule.min !== undefined && rule.min > rule.max) err('min', `(${rule.min}) must not be larger than "max" (${rule.max}).`);
    if (rule.measure === 'caps-ratio') {
      for (const k of ['max', 'min'] as const) {
        const v = rule[k];
        if (v !== undefined && v > 1) err(k, `is a share of letters for "caps-ratio" and must be between 0 and 1, e.g. 0.5 (found ${v}).`);
      }
    } else if (rule.minLetters !== undefined) err('minLetters', 'only applies to the "caps-ratio" measure.');
  },
});

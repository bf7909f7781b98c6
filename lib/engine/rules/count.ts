/** `count`: structural counts (hashtags, mentions, emoji, exclamation marks, links, capitals). */
import { ruleFixes } from '../fix';
import type { RuleCompiler } from '../internal';
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

export const compileCount: RuleCompiler<'count'> = (rule, base) => {
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

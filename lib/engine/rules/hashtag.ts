/** `hashtag`: CamelCase for screen readers, banned tags, length. */
import { z } from 'zod';
import { foldTerm } from '../normalize';
import { replaceLabel, ruleFixes } from '../fix';
import { builtinWords } from '../wordlist';
import { commonRuleFields, phraseList } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';

export const HASHTAG_CHECKS = ['camelcase', 'banned', 'length'] as const;

const schema = z.strictObject({
  ...commonRuleFields, type: z.literal('hashtag'), check: z.enum(HASHTAG_CHECKS),
  words: phraseList.optional(), tags: phraseList.optional(), max: z.number().int().min(1).optional(),
});

const MAX_WORD = 24;

/** Per dictionary: the length of the longest word of two letters or more that starts with each pair of letters. */
const longestByStart = new WeakMap<ReadonlySet<string>, ReadonlyMap<string, number>>();
function longestWords(dict: ReadonlySet<string>): ReadonlyMap<string, number> {
  let longest = longestByStart.get(dict);
  if (!longest) {
    const map = new Map<string, number>();
    for (const w of dict) if (w.length >= 2) map.set(w.slice(0, 2), Math.max(map.get(w.slice(0, 2)) ?? 0, w.length));
    longestByStart.set(dict, (longest = map));
  }
  return longest;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Split a lower-case tag body into the fewest known words (digit runs count
 * as words: "cop28"). Returns null when no split into ≥ 2 words exists. `dict` must not change
 * after its first use (its longest words are kept per set).
 */
export function splitWords(body: string, dict: ReadonlySet<string>): string[] | null {
  const n = body.length;
  const longest = longestWords(dict);
  const best: Array<number> = new Array<number>(n + 1).fill(Infinity);
  const prev = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    let digits = i;
    while (digits < n && isDigit(body.charCodeAt(digits))) digits++;
    if (digits > i && best[i]! + 1 < best[digits]!) {
      best[digits] = best[i]! + 1;
      prev[digits] = i;
    }
    // Only as far as the longest word that starts with these two letters: most positions start none.
    const last = Math.min(n, i + Math.min(MAX_WORD, longest.get(body.slice(i, i + 2)) ?? 0));
    for (let j = i + 2; j <= last; j++) {
      if (best[i]! + 1 < best[j]! && dict.has(body.slice(i, j))) {
        best[j] = best[i]! + 1;
        prev[j] = i;
      }
    }
  }
  if (best[n] === Infinity || best[n]! < 2) return null;
  const words: string[] = [];
  for (let j = n; j > 0; j = prev[j]!) words.unshift(body.slice(prev[j]!, j));
  return words;
}

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  if (rule.check === 'camelcase') {
    const dict = new Set<string>(builtinWords());
    for (const w of [...(rule.words ?? []), ...env.vocabWords]) dict.add(foldTerm(w));
    return (doc, sink) => {
      for (const h of doc.hashtags) {
        const body = doc.text.slice(h.start + 1, h.end);
        if (!/^[A-Za-z0-9]+$/.test(body)) continue; // CamelCase only helps Latin tags
        if (body !== body.toLowerCase() && body !== body.toUpperCase()) continue; // already mixed case
        if (doc.suppressed(base, h, true)) continue;
        const words = splitWords(body.toLowerCase(), dict);
        if (!words) continue;
        const replacement = '#' + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
        sink.finding(base, {
          range: h,
          fixes: [{ label: replaceLabel(replacement), replacement, range: { start: h.start, end: h.end } }],
          vars: { suggestion: replacement },
        });
      }
    };
  }
  if (rule.check === 'banned') {
    const banned = new Set((rule.tags ?? []).map((t) => foldTerm(t.replace(/^[#＃]/, ''))));
    return (doc, sink) => {
      for (const h of doc.hashtags) {
        if (!banned.has(foldTerm(doc.text.slice(h.start + 1, h.end)))) continue;
        if (!doc.suppressed(base, h, true)) sink.finding(base, { range: h, fixes: ruleFixes(base, doc.text, h) });
      }
    };
  }
  const max = rule.max ?? 30;
  return (doc, sink) => {
    for (const h of doc.hashtags) {
      const length = [...doc.text.slice(h.start + 1, h.end)].length;
      if (length > max && !doc.suppressed(base, h, true)) {
        sink.finding(base, { range: h, fixes: ruleFixes(base, doc.text, h), vars: { count: String(length), max: String(max) } });
      }
    }
  };
};

export const hashtag = defineRuleType({
  schema,
  compile,
  structural: true,
  ownFix: (rule) => rule.check === 'camelcase',
  validate: (rule, err) => {
    if (rule.check === 'banned' && !rule.tags?.length) err('tags', 'is missing: a "banned" hashtag check needs the list of tags.');
    if (rule.check === 'length' && rule.max === undefined) err('max', 'is missing: a "length" hashtag check needs the maximum length.');
  },
  phrases: (rule) => [['tags', rule.tags], ['words', rule.words]],
  searchTerms: (rule) => [...(rule.tags ?? [])],
  exampleVars: (rule) => ({ match: rule.tags?.[0] }),
});

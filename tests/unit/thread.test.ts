/**
 * Thread splitting (lib/counting/thread.ts): every part within the platform's
 * count, numbering included; the parts give the draft back; cuts at sentence
 * ends first, then between words (Khmer without spaces too), never inside a
 * link, mention or hashtag.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFor } from '@/lib/counting';
import { cutIndex, splitThread, type ThreadPart } from '@/lib/counting/thread';
import { ADAPTERS } from '@/lib/platforms';

const PLATFORMS = (['x', 'bluesky', 'threads'] as const).map((id) => ({ id, ...ADAPTERS[id].composers[0]! }));

const ENGLISH = ['the', 'ambassador', 'met', 'ministers', 'today', 'cooperation', 'on', 'trade', 'and', 'climate', 'délégation', 'l’accord'];
const KHMER = ['សួស្តី', 'ពិភពលោក', 'ឯកអគ្គរដ្ឋទូត', 'បានជួប', 'រដ្ឋមន្ត្រី', 'ការសហប្រតិបត្តិការ', 'ពាណិជ្ជកម្ម', 'និង', 'អាកាសធាតុ'];
const PROTECTED = [
  'https://mfaic.gov.kh/news/2026/11/24/statement-on-cooperation',
  'example.org/a/very/long/path/for/the/statement',
  '@embassy',
  '@embassy@mastodon.social',
  '#Cambodia',
  '#កម្ពុជា',
];
const SEPARATORS = [' ', ' ', ' ', '. ', '! ', '\n', '\n\n', '\u200B', '។ ', ''];

/** A draft made of words, Khmer runs without spaces, links, mentions, hashtags and punctuation. */
const draft = fc
  .array(
    fc.tuple(fc.constantFrom(...ENGLISH, ...KHMER, ...KHMER, ...PROTECTED), fc.constantFrom(...SEPARATORS)),
    { minLength: 1, maxLength: 220 },
  )
  // A protected token glued to the next word would be another token: keep a space after it.
  .map((pairs) => pairs.map(([w, s]) => w + (PROTECTED.includes(w) && !/\s/.test(s) ? ' ' : s)).join(''));

function checkParts(text: string, parts: ThreadPart[], counting: (typeof PLATFORMS)[number]['counting'], limit: number) {
  // Within the limit, as the counter counts it.
  for (const p of parts) expect(countFor(counting, p.text), p.text).toBeLessThanOrEqual(limit);
  // The slices cover the draft exactly, in order; each part is its slice's words plus the number.
  expect(parts.map((p) => text.slice(p.start, p.end)).join('')).toBe(text);
  parts.forEach((p, i) => {
    expect(text.slice(p.start, p.end).trim().replace(/^\u200B+|\u200B+$/g, '')).toBe(p.body);
    if (parts.length > 1) {
      expect(p.label).toBe(`${i + 1}/${parts.length}`);
      expect(p.text).toBe(`${p.body} ${p.label}`);
    } else expect(p.text).toBe(text);
  });
}

describe('thread splitting', () => {
  it('a post that fits is one part, without a number', () => {
    expect(splitThread('Short and sweet.', { counting: 'twitter', limit: 280 })).toEqual([
      { text: 'Short and sweet.', body: 'Short and sweet.', start: 0, end: 16, label: '' },
    ]);
    expect(splitThread('   ', { counting: 'twitter', limit: 280 })).toEqual([]);
  });

  it('cuts at sentence ends before cutting inside a sentence', () => {
    const s1 = 'The ambassador met the minister today to discuss cooperation on trade and climate.';
    const s2 = 'Both sides agreed to meet again next year in Phnom Penh.';
    const parts = splitThread(`${s1} ${s2}`, { counting: 'graphemes', limit: 100 });
    expect(parts.map((p) => p.body)).toEqual([s1, s2]);
    expect(parts.map((p) => p.text)).toEqual([`${s1} 1/2`, `${s2} 2/2`]);
  });

  it('counts a link as 23 on X, as the counter does, and never cuts inside it', () => {
    const url = `https://example.org/${'long-path/'.repeat(30)}`;
    const text = `${'word '.repeat(40)}${url} ${'more '.repeat(30)}`;
    const parts = splitThread(text, { counting: 'twitter', limit: 280 });
    checkParts(text, parts, 'twitter', 280);
    expect(parts.some((p) => p.body.includes(url))).toBe(true);
  });

  it('cuts Khmer written without spaces between words, not inside a word or cluster', () => {
    const text = 'ឯកអគ្គរដ្ឋទូតបានជួបរដ្ឋមន្ត្រីអំពីការសហប្រតិបត្តិការពាណិជ្ជកម្មនិងអាកាសធាតុ'.repeat(6);
    const parts = splitThread(text, { counting: 'twitter', limit: 280 });
    expect(parts.length).toBeGreaterThan(1);
    checkParts(text, parts, 'twitter', 280);
    const words = new Set([...new Intl.Segmenter('km', { granularity: 'word' }).segment(text)].map((s) => s.index));
    for (const p of parts.slice(1)) expect(words.has(p.start), `cut at ${p.start}`).toBe(true);
  });

  it('numbers with the final count even when it reaches two digits', () => {
    const text = 'word '.repeat(700);
    const parts = splitThread(text, { counting: 'twitter', limit: 280 });
    expect(parts.length).toBeGreaterThanOrEqual(10);
    checkParts(text, parts, 'twitter', 280);
  });

  for (const p of PLATFORMS) {
    it(`property (${p.id}, ${p.counting}, ${p.limit}): parts within the limit, give the draft back, tokens whole`, () => {
      fc.assert(
        fc.property(draft, (text) => {
          const parts = splitThread(text, { counting: p.counting, limit: p.limit });
          checkParts(text, parts, p.counting, p.limit);
          for (const token of PROTECTED) {
            if (!text.includes(token)) continue;
            // Every occurrence is whole in one part: count them.
            const inText = text.split(token).length - 1;
            const inParts = parts.reduce((n, part) => n + part.body.split(token).length - 1, 0);
            expect(inParts, token).toBe(inText);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  for (const p of PLATFORMS) {
    it(`cutIndex (${p.id}): the longest start that fits, on a grapheme boundary`, () => {
      const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
      fc.assert(
        fc.property(draft, (text) => {
          const cut = cutIndex(text, { counting: p.counting, limit: p.limit });
          if (countFor(p.counting, text) <= p.limit) {
            expect(cut).toBe(text.length);
            return;
          }
          expect(countFor(p.counting, text.slice(0, cut))).toBeLessThanOrEqual(p.limit);
          const next = [...graphemes.segment(text.slice(cut))][0]!.segment;
          expect(countFor(p.counting, text.slice(0, cut + next.length))).toBeGreaterThan(p.limit);
        }),
        { numRuns: 40 },
      );
    });
  }
});

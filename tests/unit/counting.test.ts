import { describe, expect, it } from 'vitest';
import { blueskyCount, blueskyShortUrl, countFor, mastodonCount, threadsCount, twitterCount } from '@/lib/counting';

describe('platform length counting', () => {
  it('X weighs Latin 1, Khmer 2, URLs 23 and emoji 2', () => {
    expect(twitterCount('Hello')).toBe(5);
    expect(twitterCount('សួស្តី')).toBe(12); // 6 code points × 2
    expect(twitterCount('See https://mfaic.gov.kh/news/2026/11/24/statement')).toBe(4 + 23);
    expect(twitterCount('🇰🇭')).toBe(2);
    expect(twitterCount('👨‍👩‍👧‍👦')).toBe(2);
  });

  it('Bluesky counts graphemes after shortening long links', () => {
    expect(blueskyShortUrl('https://example.com/a/very/long/path/indeed')).toBe('example.com/a/very/long/...');
    expect(blueskyShortUrl('https://example.com/short')).toBe('example.com/short');
    expect(blueskyCount('👨‍👩‍👧‍👦 ok')).toBe(4);
    expect(blueskyCount('https://example.com/a/very/long/path/indeed')).toBe('example.com/a/very/long/...'.length);
    expect(blueskyCount('សម្តេច')).toBe(3); // ស, ម្តេ, ច: Khmer clusters are graphemes
  });

  it('Mastodon counts each URL as 23 and remote mentions as local', () => {
    expect(mastodonCount('Hi @embassy@mastodon.social')).toBe('Hi @embassy'.length);
    expect(mastodonCount('Read https://example.org/' + 'x'.repeat(100))).toBe(5 + 23);
  });

  it('Threads counts emoji as UTF-8 bytes', () => {
    expect(threadsCount('ok')).toBe(2);
    expect(threadsCount('😀')).toBe(4);
    expect(threadsCount('🇰🇭')).toBe(8);
  });

  it('dispatches on the platform rule', () => {
    expect(countFor('utf16', '😀')).toBe(2);
    expect(countFor('graphemes', '😀')).toBe(1);
  });
});

describe('counting large drafts (issue 13)', () => {
  // Flags, ZWJ families, Khmer clusters without spaces, combining accents: clusters straddle every window cut.
  const mixed = 'សម្តេចនាយករដ្ឋមន្ត្រី\u200B🇰🇭👨‍👩‍👧‍👦 café e\u0301te\u0301 https://example.com/x ok\r\n';
  const direct = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

  it('iterates the same graphemes as segmenting the whole text', async () => {
    const { graphemes } = await import('@/lib/counting');
    for (const offset of [0, 3]) {
      const text = 'x'.repeat(offset) + mixed.repeat(160); // ~10k units, dozens of window cuts
      // Each repeat ends with CRLF, so the whole text's graphemes are the repeats' (cheap reference).
      const expected = [...direct('x'.repeat(offset)), ...Array.from({ length: 160 }, () => direct(mixed)).flat()];
      expect([...graphemes(text)]).toEqual(expected);
    }
    // One grapheme longer than the window: 'a' with 10,000 combining accents.
    const zalgo = `b${'a' + '\u0301'.repeat(10_000)}c`.repeat(2);
    expect([...graphemes(zalgo)]).toEqual(direct(zalgo));
  });

  it('counts exactly below the cap and never under the limit above it', async () => {
    const { EXACT_COUNT_CHARS } = await import('@/lib/counting');
    const text = mixed.repeat(200);
    expect(text.length).toBeLessThan(EXACT_COUNT_CHARS);
    expect(countFor('graphemes', text)).toBe(direct(mixed).length * 200);
    const huge = 'សួស្តី '.repeat(40_000); // 280k units, Khmer
    for (const rule of ['twitter', 'bluesky', 'mastodon', 'threads', 'graphemes', 'utf16'] as const) {
      expect(countFor(rule, huge)).toBeGreaterThan(65_536);
    }
  });

  it('counts 200,000 characters of prose (minutes before; the time is a bench case in tests/bench/bad-input.bench.ts)', () => {
    const prose = 'The Ministry welcomes the agreement. ក្រសួងស្វាគមន៍កិច្ចព្រមព្រៀង។ 🇰🇭 '.repeat(3_000).slice(0, 200_000);
    for (const rule of ['twitter', 'bluesky', 'mastodon', 'threads', 'graphemes'] as const) {
      expect(countFor(rule, prose), rule).toBeGreaterThan(100_000);
    }
  });
});

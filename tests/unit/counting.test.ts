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

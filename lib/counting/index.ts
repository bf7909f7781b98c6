import twitterText from 'twitter-text';
import type { CountingRule } from '@/lib/platforms/types';

/**
 * Post length as each platform counts it, so the counter agrees with the
 * platform's own (and a post is never refused at the last moment).
 */

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/giu;
const BARE_DOMAIN = /\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>"']*)?/giu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * Window for segmenting: each step of V8's segment iterator costs in proportion to the length
 * of the segmented string (200k chars took minutes whole); 256 units measured fastest.
 */
const WINDOW = 256;

/**
 * Every grapheme of `text`, in order, in linear time: segments windows of the text and restarts
 * each window at the start of the previous window's last grapheme (which the cut may have split).
 * A break is decided by the text since the previous break, so restarting at one gives the same
 * graphemes as segmenting the whole string. A window holding one grapheme only is doubled.
 */
export function* graphemes(text: string): Generator<string> {
  if (text.length <= WINDOW) {
    for (const { segment } of graphemeSegmenter.segment(text)) yield segment;
    return;
  }
  let start = 0;
  let size = WINDOW;
  while (start < text.length) {
    const end = Math.min(text.length, start + size);
    const window = text.slice(start, end);
    if (end === text.length) {
      for (const { segment } of graphemeSegmenter.segment(window)) yield segment;
      return;
    }
    let last: { segment: string; index: number } | undefined;
    for (const s of graphemeSegmenter.segment(window)) {
      if (last) yield last.segment;
      last = { segment: s.segment, index: s.index };
    }
    if (!last || last.index === 0) {
      size *= 2; // one grapheme fills the window (e.g. thousands of combining marks)
      continue;
    }
    start += last.index;
    size = WINDOW;
  }
}

/**
 * Counting is exact up to this many UTF-16 units, 40 times the longest limit counted in
 * graphemes (Mastodon and Threads, 500; X's 280 is weighed by twitter-text); beyond it each
 * further unit counts 1, so a longer draft is still over the limit and a count of a draft at
 * the message limit takes ~20 ms (Intl.Segmenter is ~1 µs per grapheme).
 */
export const EXACT_COUNT_CHARS = 20_000;

/**
 * Splits a long text at the last whitespace within EXACT_COUNT_CHARS (so no URL or mention is
 * cut): the head is counted exactly, the rest one per UTF-16 unit.
 */
function capped(text: string, exact: (head: string) => number): number {
  if (text.length <= EXACT_COUNT_CHARS) return exact(text);
  let cut = EXACT_COUNT_CHARS;
  while (cut > 0 && !/\s/u.test(text[cut - 1]!)) cut--;
  if (cut === 0) cut = EXACT_COUNT_CHARS;
  return exact(text.slice(0, cut)) + (text.length - cut);
}

function graphemesIn(text: string): number {
  let n = 0;
  for (const _ of graphemes(text)) n++;
  return n;
}

export function graphemeCount(text: string): number {
  return capped(text, graphemesIn);
}

/** X: twitter-text v3 weighted length (Khmer and CJK weigh 2, URLs 23, emoji 2). */
export function twitterCount(text: string): number {
  return capped(text, (head) => twitterText.parseTweet(head).weightedLength);
}

/** Bluesky shortens displayed links to host + 13 path characters + "..." before counting graphemes. */
export function blueskyShortUrl(url: string): string {
  try {
    const u = new URL(url.startsWith('http') ? url : `https://${url}`);
    const path = u.pathname === '/' ? '' : u.pathname;
    const rest = path + u.search + u.hash;
    return rest.length > 15 ? `${u.host}${rest.slice(0, 13)}...` : `${u.host}${rest}`;
  } catch {
    return url;
  }
}

export function blueskyCount(text: string): number {
  return capped(text, (head) => graphemesIn(head.replace(URL_PATTERN, (u) => blueskyShortUrl(u))));
}

/** Mastodon: graphemes; every URL counts 23; a remote mention @user@domain counts as @user. */
export function mastodonCount(text: string, urlLength = 23): number {
  return capped(text, (head) => mastodonExact(head, urlLength));
}

function mastodonExact(text: string, urlLength: number): number {
  const countable = text
    .replace(URL_PATTERN, 'x'.repeat(urlLength))
    .replace(/(^|[^\p{L}\p{N}_])@([\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '$1@$2');
  return graphemesIn(countable);
}

/** Threads: characters, but an emoji counts as its UTF-8 byte length. */
export function threadsCount(text: string): number {
  const encoder = new TextEncoder();
  return capped(text, (head) => {
    let n = 0;
    for (const segment of graphemes(head)) n += EMOJI.test(segment) ? encoder.encode(segment).length : 1;
    return n;
  });
}

export function countFor(rule: CountingRule, text: string): number {
  switch (rule) {
    case 'twitter':
      return twitterCount(text);
    case 'bluesky':
      return blueskyCount(text);
    case 'mastodon':
      return mastodonCount(text);
    case 'threads':
      return threadsCount(text);
    case 'graphemes':
      return graphemeCount(text);
    case 'utf16':
      return text.length;
  }
}

/** Whether a bare domain would be linkified (used by the studio's per-platform preview). */
export function containsLink(text: string): boolean {
  URL_PATTERN.lastIndex = 0;
  BARE_DOMAIN.lastIndex = 0;
  return URL_PATTERN.test(text) || BARE_DOMAIN.test(text);
}

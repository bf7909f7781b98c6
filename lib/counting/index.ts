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

export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of graphemeSegmenter.segment(text)) n++;
  return n;
}

/** X: twitter-text v3 weighted length (Khmer and CJK weigh 2, URLs 23, emoji 2). */
export function twitterCount(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
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
  return graphemeCount(text.replace(URL_PATTERN, (u) => blueskyShortUrl(u)));
}

/** Mastodon: graphemes; every URL counts 23; a remote mention @user@domain counts as @user. */
export function mastodonCount(text: string, urlLength = 23): number {
  const countable = text
    .replace(URL_PATTERN, 'x'.repeat(urlLength))
    .replace(/(^|[^\p{L}\p{N}_])@([\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '$1@$2');
  return graphemeCount(countable);
}

/** Threads: characters, but an emoji counts as its UTF-8 byte length. */
export function threadsCount(text: string): number {
  const encoder = new TextEncoder();
  let n = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) {
    n += EMOJI.test(segment) ? encoder.encode(segment).length : 1;
  }
  return n;
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

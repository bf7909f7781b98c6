import { countFor } from '@/lib/counting';
import type { CountingRule } from '@/lib/platforms/types';

/**
 * Splitting a long post into a numbered thread ("1/3", "2/3", …) for X,
 * Bluesky and Threads. Pure. Every part, numbering included, fits the
 * platform's own count (same counting as the composer counters: a URL weighs
 * 23 on X, Khmer weighs 2, …). Cuts at sentence ends first, then at word
 * boundaries (Intl.Segmenter, so Khmer written without spaces is cut between
 * words, not inside a cluster), and never inside a URL, @mention or #hashtag.
 */

export interface ThreadPart {
  /** What is posted: the part's words plus its number (" 2/5"); no number when the post fits in one. */
  text: string;
  /** The words alone (the slice of the draft, without surrounding whitespace). */
  body: string;
  /** Where the part's slice of the draft starts and ends; the slices cover the draft exactly, in order. */
  start: number;
  end: number;
  /** "2/5", or "" for a single post. */
  label: string;
}

export interface ThreadOptions {
  counting: CountingRule;
  limit: number;
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Tokens that must stay whole: links (with or without scheme), @mentions (incl. @user@server) and #hashtags. */
const PROTECTED =
  /\bhttps?:\/\/[^\s<>"']+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>"']*)?|@[\p{L}\p{M}\p{N}_]+(?:@[\p{L}\p{N}.-]+)?|#[\p{L}\p{M}\p{N}_]+/giu;
/** Space that is dropped at a cut (ZWSP included: Khmer's optional word separator). */
const SPACE = /[\s\u200B]/u;

const label = (i: number, n: number) => `${i}/${n}`;
const withLabel = (body: string, lbl: string) => `${body} ${lbl}`;

function stripSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.test(s[a]!)) a++;
  while (b > a && SPACE.test(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Offsets where a cut is allowed, by preference: sentence ends, word boundaries, grapheme boundaries. */
function boundaries(text: string): { sentence: number[]; word: number[]; grapheme: number[] } {
  const inside = new Uint8Array(text.length + 1);
  PROTECTED.lastIndex = 0;
  for (const m of text.matchAll(PROTECTED)) {
    // Trailing punctuation is not part of a link ("see example.org.").
    const token = m[0].replace(/[.,;:!?)\]»”’។៕]+$/u, '');
    for (let i = m.index + 1; i < m.index + token.length; i++) inside[i] = 1;
  }
  const collect = (seg: Intl.Segmenter) => {
    const out: number[] = [];
    for (const s of seg.segment(text)) if (s.index > 0 && !inside[s.index]) out.push(s.index);
    out.push(text.length);
    return out;
  };
  return { sentence: collect(sentenceSegmenter), word: collect(wordSegmenter), grapheme: collect(graphemeSegmenter) };
}

/** Greedy split with a fixed numbering width; returns [start, end) slices. */
function greedy(text: string, opts: ThreadOptions, n: number): Array<[number, number]> {
  const b = boundaries(text);
  const widest = label(n, n);
  const fits = (start: number, end: number) => {
    const body = stripSpace(text.slice(start, end));
    return body.length > 0 && countFor(opts.counting, withLabel(body, widest)) <= opts.limit;
  };
  // Furthest candidate that fits (counts grow with length, so stop at the first that does not).
  const furthest = (start: number, list: number[]) => {
    let best = -1;
    for (const end of list) {
      if (end <= start) continue;
      if (!stripSpace(text.slice(start, end))) continue;
      if (fits(start, end)) best = end;
      else break;
    }
    return best;
  };
  const slices: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    if (!stripSpace(text.slice(start))) {
      // Only whitespace left: it belongs to the previous part's slice.
      if (slices.length) slices[slices.length - 1]![1] = text.length;
      else slices.push([start, text.length]);
      break;
    }
    let end = furthest(start, b.sentence);
    if (end < 0) end = furthest(start, b.word);
    if (end < 0) end = furthest(start, b.grapheme);
    if (end < 0) end = b.grapheme.find((g) => g > start) ?? text.length; // one grapheme over the limit: cannot do better
    // Whitespace after the cut goes with this part, so the next one starts on a word.
    while (end < text.length && SPACE.test(text[end]!)) end++;
    slices.push([start, end]);
    start = end;
  }
  return slices;
}

/** The post as a thread for a platform; a post that fits is one part without a number. */
export function splitThread(text: string, opts: ThreadOptions): ThreadPart[] {
  if (!stripSpace(text)) return [];
  if (countFor(opts.counting, text) <= opts.limit) {
    return [{ text, body: stripSpace(text), start: 0, end: text.length, label: '' }];
  }
  // The numbering's width depends on the number of parts: n only grows, so the
  // width the parts were fitted with is never narrower than the final numbering.
  // First guess from the whole count, so one round is usually enough.
  let n = Math.max(2, Math.ceil(countFor(opts.counting, text) / opts.limit));
  let slices = greedy(text, opts, n);
  while (slices.length > n) {
    n = slices.length;
    slices = greedy(text, opts, n);
  }
  const total = slices.length;
  return slices.map(([start, end], i) => {
    const body = stripSpace(text.slice(start, end));
    const lbl = label(i + 1, total);
    return { text: withLabel(body, lbl), body, start, end, label: lbl };
  });
}

/** Platforms whose posts can be chained as a thread (and their counting, from the registry). */
export const THREAD_PLATFORMS = ['x', 'bluesky', 'threads'] as const;

/**
 * Where the platform would cut the post: the end (UTF-16 offset) of the
 * longest start of the text, on a grapheme boundary, that fits the limit.
 * text.length when it all fits.
 */
export function cutIndex(text: string, opts: ThreadOptions): number {
  if (countFor(opts.counting, text) <= opts.limit) return text.length;
  const ends = [...graphemeSegmenter.segment(text)].map((s) => s.index + s.segment.length);
  const fits = (i: number) => countFor(opts.counting, text.slice(0, ends[i])) <= opts.limit;
  // Gallop to a prefix that no longer fits (counts grow with length), then binary search below it:
  // only prefixes up to about twice the cut are counted, however long the draft.
  let hi = 1;
  while (hi < ends.length - 1 && fits(hi)) hi *= 2;
  hi = Math.min(hi, ends.length - 1);
  let lo = 0;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) {
      best = ends[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * Protected spans: parts of a post that must come out of machine translation unchanged
 * (@mentions, #hashtags, URLs, e-mail addresses, numbers with units, emoji, names) or replaced by
 * an approved term (glossary).
 *
 * Two encodings:
 * - placeholders `⟦n⟧` for plain-text engines (Chrome Translator, Apertium…). Checked with a real
 *   Apertium APy: `⟦1⟧` passes through untouched even glued to punctuation, whereas `XQ1X`-style
 *   tokens are treated as unknown words (`*XQ1X`).
 * - markup for HTML/XML-capable engines: `<span translate="no">`, `<span class="notranslate">`,
 *   DeepL `<x>` ignore tags.
 *
 * `restore*()` verifies that every span comes back exactly once; when it does not, callers use
 * `translateAroundSpans()`, which translates only the text between spans.
 */
import type { MarkupStyle } from './types';
import { splitOuterWhitespace } from './whitespace';

export type SpanKind = 'url' | 'email' | 'mention' | 'hashtag' | 'number' | 'emoji' | 'glossary' | 'entity' | 'literal';

export interface ProtectedSpan {
  kind: SpanKind;
  /** UTF-16 offsets into the source text. */
  start: number;
  end: number;
  /** Source text of the span. */
  text: string;
  /** What the span becomes in the translation: the source text, or the approved target term. */
  output: string;
  /** Glossary term id, for `kind: 'glossary'`. */
  termId?: string;
}

export type SpanCandidate = Omit<ProtectedSpan, 'output'> & { output?: string };

export interface FindSpansOptions {
  /** Extra spans found elsewhere (glossary hits). Same rules: longest wins on overlap. */
  extra?: SpanCandidate[];
  /** Names kept verbatim (people, places, organisations). Matched case-sensitively on word boundaries. */
  entities?: readonly string[];
  /** Target language: numbers written with Khmer digits are rendered with ASCII digits unless the target is Khmer. */
  to?: string;
  /** Turn off some kinds (e.g. `{ hashtag: false }` when the user wants hashtags translated). */
  kinds?: Partial<Record<SpanKind, boolean>>;
}

// ---------------------------------------------------------------------------------------------
// Patterns

const DIGIT = '[0-9\u17E0-\u17E9]';
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}\\p{M}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}\\p{M}_])';

/** Characters that end a URL in running text (whitespace, Khmer, CJK punctuation, our placeholder brackets). */
const URL_CHAR = '[^\\s<>"`\\u1780-\\u17FF\\u19E0-\\u19FF\\u3000-\\u303F\\uFF00-\\uFF65\\u27E6\\u27E7]';

const PATTERNS: Array<[SpanKind, RegExp]> = [
  ['url', new RegExp(`(?<![\\p{L}\\p{N}@])(?:https?:\\/\\/|www\\.)${URL_CHAR}+`, 'giu')],
  // Bare domains such as mfaic.gov.kh (lower-case only, so "Mr.Li" or "U.S." are not taken).
  [
    'url',
    new RegExp(
      `(?<![\\p{L}\\p{N}\\p{M}@._/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:com|org|net|gov|edu|int|info|asia|news|[a-z]{2})(?![\\p{L}\\p{N}\\p{M}_-])(?:\\/${URL_CHAR}*)?`,
      'gu',
    ),
  ],
  ['email', /(?<![\p{L}\p{N}\p{M}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\p{L}\p{N}\p{M}])/gu],
  // @handle, @user@mastodon.social, @name.bsky.social
  ['mention', /(?<![\p{L}\p{N}\p{M}_@.+-])[@＠][A-Za-z0-9_]{1,50}(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|(?:\.[a-z0-9-]+)+)?(?![\p{L}\p{N}\p{M}_])/gu],
  // #hashtag in any script (Khmer uses combining marks), at least one letter.
  ['hashtag', /(?<![\p{L}\p{N}\p{M}_&#＃])[#＃][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*/gu],
  [
    'number',
    new RegExp(
      `${NOT_WORD_BEFORE}(?<num>(?:(?:US\\$|\\$|€|£|¥|៛)|(?:USD|EUR|KHR|THB|VND|JPY|CNY|GBP|SGD)\\s?)?${DIGIT}+(?:[.,:/\\u202F\\u00A0-]${DIGIT}+)*)(?:\\s?(?:%|‰|°C|°F|°|km²|km2|km|m²|m2|cm|mm|m|kg|g|t|ha|kWh|MWh|MW|kW|GW|USD|EUR|KHR|riels?|€|\\$|៛)${NOT_WORD_AFTER})?${NOT_WORD_AFTER}`,
      'gu',
    ),
  ],
  [
    'emoji',
    /(?:\p{Regional_Indicator}\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*)+/gu,
  ],
  // Our placeholder brackets inside the source are protected too, so they never collide with tokens.
  ['literal', /[\u27E6\u27E7]/gu],
];

/** Sentence punctuation that ends a sentence rather than the URL it follows. */
const URL_TRAILING = new Set([...'.,;:!?\'"»”’…']);
const BRACKETS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Drops trailing sentence punctuation and unbalanced closing brackets: "(see https://x.org/a)."
 * keeps "https://x.org/a". One count of each bracket, then one walk back from the end, so a URL
 * followed by 64,000 ")" costs the same as any 64,000 characters.
 */
function trimUrl(s: string): string {
  const balance: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
  for (const ch of s) {
    if (ch in balance) balance[ch]!++;
    else if (ch in BRACKETS) balance[BRACKETS[ch]!]!--;
  }
  let end = s.length;
  while (end > 0) {
    const ch = s[end - 1]!;
    if (URL_TRAILING.has(ch)) end--;
    else if (ch in BRACKETS && balance[BRACKETS[ch]!]! < 0) {
      balance[BRACKETS[ch]!]!++;
      end--;
    } else break;
  }
  return s.slice(0, end);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toAsciiDigits(s: string): string {
  return s.replace(/[\u17E0-\u17E9]/g, (d) => String(d.charCodeAt(0) - 0x17e0));
}

/** Finds protected spans, non-overlapping, sorted by offset. On overlap the earliest, then longest, wins. */
export function findProtectedSpans(text: string, opts: FindSpansOptions = {}): ProtectedSpan[] {
  const enabled = (k: SpanKind): boolean => opts.kinds?.[k] !== false;
  const candidates: ProtectedSpan[] = [];
  const priority: Record<SpanKind, number> = {
    literal: 0, url: 1, email: 2, mention: 3, hashtag: 4, glossary: 5, entity: 6, emoji: 7, number: 8,
  };

  for (const [kind, re] of PATTERNS) {
    if (!enabled(kind)) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      let s = m[0];
      if (kind === 'url') s = trimUrl(s);
      if (!s) continue;
      const start = m.index;
      candidates.push({ kind, start, end: start + s.length, text: s, output: s });
      // A number with a unit also offers the bare number, used if the unit part overlaps something
      // more important ("0 g.0@aa.kh": the e-mail wins, "0" is still protected).
      const num = m.groups?.num;
      if (kind === 'number' && num && num.length < s.length && !/[\p{L}\p{N}\p{M}_]/u.test(text[start + num.length] ?? '')) {
        candidates.push({ kind, start, end: start + num.length, text: num, output: num });
      }
    }
  }
  if (enabled('entity')) {
    for (const name of opts.entities ?? []) {
      if (!name.trim()) continue;
      const re = new RegExp(`${NOT_WORD_BEFORE}${escapeRegExp(name)}${NOT_WORD_AFTER}`, 'gu');
      for (const m of text.matchAll(re)) {
        candidates.push({ kind: 'entity', start: m.index, end: m.index + m[0].length, text: m[0], output: m[0] });
      }
    }
  }
  if (enabled('glossary')) {
    for (const c of opts.extra ?? []) {
      if (c.end <= c.start || text.slice(c.start, c.end) !== c.text) continue;
      candidates.push({ ...c, output: c.output ?? c.text });
    }
  }

  // Two tiers: structural items first (URLs, e-mails, handles, tags, names), then emoji and numbers
  // in the gaps, so "5 g.0@x.kh" keeps the e-mail whole. Within a tier: earliest, then longest.
  const tier = (k: SpanKind): number => (k === 'number' || k === 'emoji' ? 1 : 0);
  candidates.sort((a, b) => tier(a.kind) - tier(b.kind) || a.start - b.start || b.end - a.end || priority[a.kind] - priority[b.kind]);
  // Accepted spans of each tier are disjoint and taken in start order, so an overlap test is a
  // binary search (tier 0) or a look at the last one taken (same tier): linear overall.
  const taken: ProtectedSpan[][] = [[], []];
  for (const c of candidates) {
    const own = taken[tier(c.kind)]!;
    const last = own[own.length - 1];
    if (last && c.start < last.end) continue;
    if (tier(c.kind) === 1 && overlapsDisjoint(taken[0]!, c.start, c.end)) continue;
    if (c.kind === 'number' && opts.to && !opts.to.toLowerCase().startsWith('km')) c.output = toAsciiDigits(c.output);
    own.push(c);
  }
  return [...taken[0]!, ...taken[1]!].sort((a, b) => a.start - b.start);
}

/** Whether [start, end) overlaps a span of `spans` (disjoint, sorted by start, hence by end too). */
function overlapsDisjoint(spans: readonly ProtectedSpan[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]!.start < end;
}

/** Splits `text` into alternating plain pieces and spans (`spans` must be sorted and non-overlapping). */
export function splitBySpans(text: string, spans: readonly ProtectedSpan[]): Array<{ text: string } | { span: ProtectedSpan }> {
  const parts: Array<{ text: string } | { span: ProtectedSpan }> = [];
  let pos = 0;
  for (const sp of spans) {
    if (sp.start > pos) parts.push({ text: text.slice(pos, sp.start) });
    parts.push({ span: sp });
    pos = sp.end;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos) });
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Placeholders

export interface Masked {
  /** Text sent to the engine. */
  masked: string;
  spans: ProtectedSpan[];
  mode: 'placeholder' | MarkupStyle;
}

export interface RestoreResult {
  /** Every span came back exactly once and nothing unexpected appeared. */
  ok: boolean;
  /** Restored text (best effort when `ok` is false). */
  text: string;
  /** 1-based span numbers that are missing / duplicated in the engine output. */
  missing: number[];
  duplicated: number[];
  /** Tokens or protected elements that match no span. */
  unexpected: string[];
}

export const placeholder = (n: number): string => `\u27E6${n}\u27E7`;
const PLACEHOLDER_RE = /\u27E6\s*(\d{1,4})\s*\u27E7/gu;

export function maskPlaceholders(text: string, spans: readonly ProtectedSpan[]): Masked {
  let masked = '';
  let pos = 0;
  spans.forEach((sp, i) => {
    masked += text.slice(pos, sp.start) + placeholder(i + 1);
    pos = sp.end;
  });
  masked += text.slice(pos);
  return { masked, spans: [...spans], mode: 'placeholder' };
}

export function restorePlaceholders(translated: string, masked: Masked): RestoreResult {
  const counts = new Map<number, number>();
  const unexpected: string[] = [];
  for (const m of translated.matchAll(PLACEHOLDER_RE)) {
    const n = Number(m[1]);
    if (n < 1 || n > masked.spans.length) unexpected.push(m[0]);
    else counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const missing: number[] = [];
  const duplicated: number[] = [];
  for (let n = 1; n <= masked.spans.length; n++) {
    const c = counts.get(n) ?? 0;
    if (c === 0) missing.push(n);
    if (c > 1) duplicated.push(n);
  }
  const text = translated.replace(PLACEHOLDER_RE, (tok, d: string) => masked.spans[Number(d) - 1]?.output ?? tok);
  return { ok: missing.length === 0 && duplicated.length === 0 && unexpected.length === 0, text, missing, duplicated, unexpected };
}

// ---------------------------------------------------------------------------------------------
// Markup

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMarkup(s: string): string {
  return s.replace(/[&<>]/g, (c) => XML_ESCAPES[c]!);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Single-pass entity decoding (so `&amp;lt;` → `&lt;`, never `<`). */
export function unescapeMarkup(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (ent, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ent;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? ent;
  });
}

function wrap(style: MarkupStyle, inner: string): string {
  switch (style) {
    case 'translate-no':
      return `<span translate="no">${inner}</span>`;
    case 'notranslate':
      return `<span class="notranslate" translate="no">${inner}</span>`;
    case 'deepl-xml':
      return `<x>${inner}</x>`;
  }
}

const LINE_BREAK = (style: MarkupStyle): string => (style === 'deepl-xml' ? '<br/>' : '<br>');

export function maskMarkup(text: string, spans: readonly ProtectedSpan[], style: MarkupStyle): Masked {
  const enc = (s: string): string => escapeMarkup(s).replace(/\n/g, LINE_BREAK(style));
  let masked = '';
  for (const part of splitBySpans(text, spans)) {
    masked += 'span' in part ? wrap(style, enc(part.span.output)) : enc(part.text);
  }
  return { masked, spans: [...spans], mode: style };
}

const PROTECTED_ELEMENT: Record<MarkupStyle, RegExp> = {
  'translate-no': /<span\b[^>]*\btranslate\s*=\s*["']?no\b[^>]*>([\s\S]*?)<\/span\s*>/giu,
  notranslate: /<span\b[^>]*\b(?:class\s*=\s*["'][^"']*\bnotranslate\b[^"']*["']|translate\s*=\s*["']?no\b)[^>]*>([\s\S]*?)<\/span\s*>/giu,
  'deepl-xml': /<x\s*>([\s\S]*?)<\/x\s*>/giu,
};

function decodeMarkupText(s: string): string {
  return unescapeMarkup(
    s
      .replace(/\n?<br\s*\/?>\n?/giu, '\n')
      .replace(/<\/?[A-Za-z][^<>]*>/g, ''), // stray tags an engine may add (e.g. RTL style spans)
  );
}

export function restoreMarkup(translated: string, masked: Masked): RestoreResult {
  if (masked.mode === 'placeholder') return restorePlaceholders(translated, masked);
  const style = masked.mode;
  // Expected outputs as a multiset; each returned protected element consumes one.
  const pending = new Map<string, number[]>();
  // First span number of each output, for naming a duplicate without a search per element.
  const first = new Map<string, number>();
  masked.spans.forEach((sp, i) => {
    const list = pending.get(sp.output) ?? [];
    list.push(i + 1);
    pending.set(sp.output, list);
    if (!first.has(sp.output)) first.set(sp.output, i + 1);
  });
  const seen = new Set<number>();
  const duplicated: number[] = [];
  const unexpected: string[] = [];
  const re = new RegExp(PROTECTED_ELEMENT[style].source, PROTECTED_ELEMENT[style].flags);
  let text = '';
  let pos = 0;
  for (const m of translated.matchAll(re)) {
    text += decodeMarkupText(translated.slice(pos, m.index));
    const inner = decodeMarkupText(m[1] ?? '');
    const list = pending.get(inner);
    if (list && list.length > 0) {
      seen.add(list.shift()!);
    } else {
      const n = first.get(inner);
      if (n !== undefined) duplicated.push(n);
      else unexpected.push(inner);
    }
    text += inner;
    pos = m.index + m[0].length;
  }
  text += decodeMarkupText(translated.slice(pos));
  const missing: number[] = [];
  for (let n = 1; n <= masked.spans.length; n++) if (!seen.has(n)) missing.push(n);
  return { ok: missing.length === 0 && duplicated.length === 0 && unexpected.length === 0, text, missing, duplicated, unexpected };
}

export function mask(text: string, spans: readonly ProtectedSpan[], style?: MarkupStyle): Masked {
  return style ? maskMarkup(text, spans, style) : maskPlaceholders(text, spans);
}

export function restore(translated: string, masked: Masked): RestoreResult {
  return masked.mode === 'placeholder' ? restorePlaceholders(translated, masked) : restoreMarkup(translated, masked);
}

// ---------------------------------------------------------------------------------------------
// Fallback

/**
 * Translates only the text between protected spans (each piece on its own, leading/trailing
 * whitespace kept, pieces without letters left as they are) and re-inserts the span outputs.
 * Loses some context but can never drop or duplicate a span.
 */
export async function translateAroundSpans(
  text: string,
  spans: readonly ProtectedSpan[],
  translatePiece: (piece: string) => Promise<string>,
): Promise<string> {
  let out = '';
  for (const part of splitBySpans(text, spans)) {
    if ('span' in part) {
      out += part.span.output;
      continue;
    }
    const { lead, core, trail } = splitOuterWhitespace(part.text);
    if (!/\p{L}/u.test(core)) {
      out += part.text;
      continue;
    }
    out += lead + (await translatePiece(core)).trim() + trail;
  }
  return out;
}

/**
 * Limits on guideline packs, checked before any expensive work (JSON parsing, schema validation,
 * compilation, embedded tests), so a careless or hostile pack is refused in well under two
 * seconds with a short message, and the page that imports it keeps working. The same limits apply
 * to every way a pack arrives: a file imported on the options page, a pack inside a settings file,
 * a pack stored earlier, and an organisation's policy packs. Stated for authors in
 * docs/pack-format.md ("Limits").
 */
import type { PackError } from './validate';

export const PACK_LIMITS = {
  /** File size in bytes (UTF-8). The largest built-in pack is under 100 KB. */
  maxFileBytes: 4 * 1024 * 1024,
  /** Rules in one pack. */
  maxRules: 5000,
  /** Nesting of objects and lists. A pack needs about 6 levels. */
  maxDepth: 32,
  /** Problems listed for one pack; the rest are counted ("… and 37 more problems"). */
  maxErrorsShown: 10,
  /** Characters of one problem's text. */
  maxMessageChars: 300,
  /** Names listed in one message (e.g. the pack's source ids). */
  maxNamesListed: 10,
} as const;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Size in bytes of `text` as UTF-8, without allocating an encoded copy. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** What a JSON file holds, for the limits and the words of a refusal. */
export type JsonFileKind = 'pack' | 'settings';

/** A settings file carries the user's imported packs: it may be as large as storage.local holds. */
export const SETTINGS_FILE_MAX_BYTES = 10 * 1024 * 1024;

const KIND_WORDS: Record<JsonFileKind, string> = { pack: 'a guideline pack', settings: 'a settings file' };
const maxBytesFor = (kind: JsonFileKind) => (kind === 'pack' ? PACK_LIMITS.maxFileBytes : SETTINGS_FILE_MAX_BYTES);
/** A settings file nests packs two levels down. */
const maxDepthFor = (kind: JsonFileKind) => (kind === 'pack' ? PACK_LIMITS.maxDepth : PACK_LIMITS.maxDepth + 2);

function tooBig(file: string, bytes: number | 'over', kind: JsonFileKind = 'pack'): PackError {
  const split = kind === 'pack' ? ' Split it into several packs.' : '';
  const size = bytes === 'over' ? `over ${mib(maxBytesFor(kind))}` : mib(bytes);
  return {
    file,
    field: '(whole file)',
    message: `"${file}" is ${size}; the limit for ${KIND_WORDS[kind]} is ${mib(maxBytesFor(kind))}.${split}`,
  };
}

function tooDeep(file: string, kind: JsonFileKind = 'pack'): PackError {
  return {
    file,
    field: '(whole file)',
    message: `"${file}" has lists and objects nested more than ${maxDepthFor(kind)} levels deep; ${KIND_WORDS[kind]} never needs that many. Check its brackets.`,
  };
}

function tooManyRules(file: string, rules: number): PackError {
  return {
    file,
    field: 'rules',
    message: `Pack: field "rules" has ${rules} rules; the limit is ${PACK_LIMITS.maxRules} per pack. Split it into several packs.`,
  };
}

/**
 * Limits checked on a file's text before it is parsed: size, then nesting (one pass over the
 * text, skipping strings), so neither a huge file nor 10,000 nested brackets reaches JSON.parse.
 */
export function checkJsonText(text: string, file: string, kind: JsonFileKind = 'pack'): PackError | undefined {
  const maxBytes = maxBytesFor(kind);
  const maxDepth = maxDepthFor(kind);
  // The UTF-8 size is at least the UTF-16 length and at most three times it.
  if (text.length > maxBytes) return tooBig(file, utf8Bytes(text), kind);
  if (text.length * 3 > maxBytes) {
    const bytes = utf8Bytes(text);
    if (bytes > maxBytes) return tooBig(file, bytes, kind);
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return tooDeep(file, kind);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/**
 * The same limits on an already parsed value (organisation policy packs, stored packs, packs
 * inside a settings file): nesting and size in one iterative walk that stops as soon as a limit
 * is passed, then the rule count.
 */
export function checkPackValue(json: unknown, file: string): PackError | undefined {
  let size = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: json, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') size += value.length + 3;
    else if (value === null || typeof value !== 'object') size += 8;
    else {
      if (depth + 1 > PACK_LIMITS.maxDepth) return tooDeep(file);
      size += 2;
      if (Array.isArray(value)) {
        for (const item of value) stack.push({ value: item, depth: depth + 1 });
        size += value.length;
      } else {
        for (const [k, item] of Object.entries(value)) {
          size += k.length + 4;
          stack.push({ value: item, depth: depth + 1 });
        }
      }
    }
    if (size > PACK_LIMITS.maxFileBytes) return tooBig(file, 'over');
  }
  const rules = json && typeof json === 'object' ? (json as { rules?: unknown }).rules : undefined;
  if (Array.isArray(rules) && rules.length > PACK_LIMITS.maxRules) return tooManyRules(file, rules.length);
  return undefined;
}

/** One message, cut to the length limit. */
export function boundMessage(message: string): string {
  const max = PACK_LIMITS.maxMessageChars;
  return message.length > max ? `${message.slice(0, max - 1)}…` : message;
}

/** "a, b, c and 12 more" for a list of names in a message. */
export function listNames(names: readonly string[]): string {
  const max = PACK_LIMITS.maxNamesListed;
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/**
 * At most `maxErrorsShown` problems, each cut to `maxMessageChars`, and one more line counting
 * the rest: whatever a pack contains, its refusal stays a few kilobytes.
 */
export function boundErrors(errors: readonly PackError[]): PackError[] {
  const max = PACK_LIMITS.maxErrorsShown;
  const out = errors.slice(0, max).map((e) => ({ ...e, message: boundMessage(e.message) }));
  if (errors.length > max) {
    const rest = errors.length - max;
    out.push({ file: errors[max]!.file, field: '(more)', message: `… and ${rest} more problem${rest === 1 ? '' : 's'} in this pack. Fix the ones above and import it again to see them.` });
  }
  return out;
}

/** Whitespace helpers for drafts up to the message limit: linear, whatever the input. */

/**
 * Leading whitespace, the rest, and trailing whitespace, in one linear pass. The regex
 * `/^(\s*)([\s\S]*?)(\s*)$/u` it replaces is quadratic on a long run of inner spaces
 * ("a" + 64,000 spaces + "b" took 3 s).
 */
export function splitOuterWhitespace(s: string): { lead: string; core: string; trail: string } {
  let start = 0;
  while (start < s.length && isSpace(s[start]!)) start++;
  let end = s.length;
  while (end > start && isSpace(s[end - 1]!)) end--;
  return { lead: s.slice(0, start), core: s.slice(start, end), trail: s.slice(end) };
}

const SPACE = /^\s$/u;
/** The same set as the regex class `\s` (Unicode White_Space plus BOM). */
function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/** The whitespace `s` ends with (all of `s` when it is blank), as `/\s*$/u` found it, in linear time. */
export function trailingWhitespace(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s[end - 1]!)) end--;
  return s.slice(end);
}

/**
 * Bilingual posts, as edits the editor modules can make. Same results as `applyTranslation` in
 * lib/translation/translate.ts (a unit test holds them equal), but this file has no imports so the
 * content script can use it without pulling in the translation library.
 */

export type WriteMode = 'below' | 'replace';

export interface DraftEdit {
  /** Replace [start, end) of the draft with `text`. */
  start: number;
  end: number;
  text: string;
  /** What the draft holds at [start, end) now (the editor refuses the write if it changed). */
  original: string;
  /** The whole draft after the edit. */
  expected: string;
}

/**
 * "Insert below": the original stays untouched and `separator + translation` is inserted after
 * it (before its trailing white space), so the editor only has to insert, never to rewrite.
 * "Replace draft": the translated range is replaced by the translation.
 */
export function bilingualEdit(
  draft: string,
  range: { start: number; end: number },
  translation: string,
  mode: WriteMode,
  separator: string,
): DraftEdit {
  const before = draft.slice(0, range.start);
  const original = draft.slice(range.start, range.end);
  const after = draft.slice(range.end);
  if (mode === 'replace') {
    return { start: range.start, end: range.end, text: translation, original, expected: before + translation + after };
  }
  const trailing = /\s*$/u.exec(original)?.[0] ?? '';
  const at = range.end - trailing.length;
  const text = separator + translation.trim();
  return { start: at, end: at, text, original: '', expected: draft.slice(0, at) + text + draft.slice(at) };
}

/** Separators offered in settings; the default is a blank line. */
export const DEFAULT_SEPARATOR = '\n\n';

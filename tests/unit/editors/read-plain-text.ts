import type { EditorKind } from '@/lib/platforms/types';
import { editorFor } from '@/lib/editors';

/**
 * Reads a composer's draft as plain text with paragraph breaks, through the editor module for its
 * kind (lib/editors/text-map.ts holds the one DOM walker). A test helper: the content script
 * reads drafts through its editor adapters, so this lives with the tests that use it.
 */
export function readPlainText(element: HTMLElement, kind: EditorKind): string {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return element.value;
  return editorFor(kind).read(element);
}

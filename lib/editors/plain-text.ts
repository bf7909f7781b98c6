import type { EditorKind } from '@/lib/platforms/types';

/**
 * Reads a composer's draft as plain text with paragraph breaks, from the DOM
 * the editor framework renders. Never innerText: paragraph margins make it
 * invent blank lines. Never textContent alone: it loses block breaks.
 */

const BLOCK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL']);
const INVISIBLE = /[\u200B\uFEFF]/g;

/** Elements that are framework scaffolding, not text. */
function isScaffoldBreak(el: Element): boolean {
  return (
    el.hasAttribute('data-lexical-managed-linebreak') ||
    el.classList.contains('ProseMirror-trailingBreak')
  );
}

function walkBlock(node: Node, out: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.push(child.nodeValue ?? '');
    } else if (child instanceof HTMLElement) {
      if (child.tagName === 'BR') {
        if (!isScaffoldBreak(child)) out.push('\n');
      } else if (child.tagName === 'IMG') {
        // Emoji images (Telegram Web A, Facebook) carry the emoji in alt.
        out.push(child.getAttribute('alt') ?? '');
      } else if (child.getAttribute('contenteditable') === 'false' && child.hasAttribute('data-placeholder')) {
        // placeholder overlays
      } else {
        walkBlock(child, out);
      }
    }
  }
}

/** Text of a contenteditable root: one line per block element, <br> as newline. */
export function readBlocks(root: HTMLElement): string {
  // Draft.js: blocks are [data-block="true"]; soft breaks are literal \n inside.
  const draftBlocks = root.querySelectorAll('[data-contents="true"] > [data-block="true"], [data-contents="true"] > * > [data-block="true"]');
  if (draftBlocks.length > 0) {
    return [...draftBlocks].map((b) => (b.textContent ?? '').replace(INVISIBLE, '')).join('\n');
  }
  const lines: string[] = [];
  let inline: string[] = [];
  const flushInline = () => {
    if (inline.length) lines.push(inline.join(''));
    inline = [];
  };
  for (const child of root.childNodes) {
    if (child instanceof HTMLElement && BLOCK.has(child.tagName)) {
      flushInline();
      const parts: string[] = [];
      walkBlock(child, parts);
      lines.push(parts.join(''));
    } else if (child instanceof HTMLElement && child.tagName === 'BR') {
      if (!isScaffoldBreak(child)) {
        inline.push('');
        flushInline();
      }
    } else {
      const parts: string[] = [];
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.nodeValue ?? '');
      else walkBlock(child, parts);
      inline.push(parts.join(''));
    }
  }
  flushInline();
  return lines.join('\n').replace(INVISIBLE, '');
}

export function readPlainText(element: HTMLElement, kind: EditorKind): string {
  if (kind === 'textarea' || element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
    return (element as HTMLTextAreaElement).value;
  }
  return readBlocks(element);
}

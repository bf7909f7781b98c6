/**
 * The one DOM walker behind every contenteditable editor module: it reads a composer as plain
 * text (blocks joined by '\n', line breaks as '\n') and maps offsets in that text to DOM points
 * and back. read(), toDomRange() and caret() all come from the same walk, so they always agree.
 *
 * Never innerText (paragraph margins invent blank lines) and never bare textContent (it loses
 * block breaks). Rules (docs/composers.md §5):
 * - Block elements (p, div, li, headings…, Draft's [data-block]) start and end a line; nested
 *   blocks and empty blocks are handled like a browser's line boxes (no doubled breaks).
 * - <br> is '\n', except framework scaffolding that holds an empty line open: Lexical's
 *   br[data-lexical-managed-linebreak], ProseMirror's br.ProseMirror-trailingBreak, Draft's
 *   br[data-text], and any <br> that is the last thing in its block (the browser's placeholder).
 * - In white-space: pre/pre-wrap editors (all framework editors; Telegram), '\n' in a text node is
 *   a line break, and a final '\n' that ends its block only holds the caret line open (Draft
 *   renders one after a trailing soft newline; Chromium does the same in pre-wrap), so it is dropped.
 * - <img alt> (emoji images) is its alt text; ProseMirror's separator image is ignored.
 * - U+FEFF (caret placeholders: Quill's cursor blot, Slate) is dropped everywhere. U+200B is kept
 *   for framework editors (their models keep it, and Khmer uses it between words) and dropped for
 *   custom contenteditables, whose apps strip it.
 */

export interface WalkOptions {
  /** '\n' in text nodes is a line break (white-space: pre*), else it is a space. */
  preserveNewlines: boolean;
  /** Characters that are not text (dropped from the reading, still mapped). */
  invisible: RegExp;
}

export interface DomPoint {
  node: Node;
  offset: number;
}

interface TextSegment {
  kind: 'text';
  node: Text;
  start: number;
  end: number;
  /** DOM offset -> offset relative to `start`; null when linear (nothing dropped). */
  map: number[] | null;
}

interface AtomSegment {
  kind: 'atom';
  node: Element;
  start: number;
  end: number;
}

type Segment = TextSegment | AtomSegment;

export interface TextMap {
  text: string;
  /**
   * DOM point for a text offset. 'forward' prefers the start of the following content (range
   * starts, carets); 'backward' prefers the end of the preceding content (range ends).
   */
  pointAt(offset: number, bias: 'forward' | 'backward'): DomPoint | null;
  /** Text offset of a DOM point inside the root, or null if the point is outside it. */
  offsetAt(node: Node, offset: number): number | null;
  /** DOM Range for [start, end), or null when out of bounds. */
  range(start: number, end: number): Range | null;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName) || el.getAttribute('data-block') === 'true';
}

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el.tagName === 'IMG' && el.classList.contains('ProseMirror-separator')) return true;
  // Placeholder overlays some apps render inside the editable.
  return el.getAttribute('contenteditable') === 'false' && el.hasAttribute('data-placeholder');
}

function isMeaningful(node: Node): boolean {
  if (node.nodeType === 3) return (node.nodeValue ?? '') !== '';
  return isElement(node) && !isSkipped(node);
}

/** True when nothing meaningful follows `node` before the end of its block (or of the root). */
function isLastInBlock(node: Node, root: Node): boolean {
  let current: Node = node;
  for (;;) {
    let next = current.nextSibling;
    while (next && !isMeaningful(next)) next = next.nextSibling;
    if (next) return false;
    const parent = current.parentNode;
    if (!parent || parent === root || (isElement(parent) && isBlock(parent))) return true;
    current = parent;
  }
}

function isScaffoldBreak(br: Element): boolean {
  return (
    br.hasAttribute('data-lexical-managed-linebreak') ||
    br.classList.contains('ProseMirror-trailingBreak') ||
    br.getAttribute('data-text') === 'true' // Draft's empty-block <br data-text="true">
  );
}

export function buildTextMap(root: HTMLElement, options: WalkOptions): TextMap {
  let text = '';
  let pending = false;
  let started = false;
  const segments: Segment[] = [];
  const emit = () => {
    if (pending && started) text += '\n';
    pending = false;
    started = true;
  };

  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value === '') return;
      const raw = options.preserveNewlines ? value : value.replace(/\n/g, ' ');
      let keepUntil = raw.length;
      if (options.preserveNewlines && raw.endsWith('\n') && isLastInBlock(node, root)) keepUntil -= 1;
      const map: number[] = [];
      let kept = '';
      let dropped = false;
      for (let i = 0; i < raw.length; i++) {
        map.push(kept.length);
        const ch = raw[i]!;
        if (i >= keepUntil || options.invisible.test(ch)) {
          dropped = true;
          continue;
        }
        kept += ch;
      }
      map.push(kept.length);
      if (kept === '' && dropped && raw.length > 0 && keepUntil === raw.length) {
        // Only invisible characters: not content, but keep the node mappable.
        segments.push({ kind: 'text', node: node as Text, start: text.length, end: text.length, map });
        return;
      }
      emit();
      segments.push({ kind: 'text', node: node as Text, start: text.length, end: text.length + kept.length, map: dropped ? map : null });
      text += kept;
      return;
    }
    if (!isElement(node) || isSkipped(node)) return;
    if (node.tagName === 'BR') {
      emit();
      const start = text.length;
      if (!isScaffoldBreak(node) && !isLastInBlock(node, root)) text += '\n';
      segments.push({ kind: 'atom', node, start, end: text.length });
      return;
    }
    if (node.tagName === 'IMG') {
      emit();
      const start = text.length;
      text += [...(node.getAttribute('alt') ?? '')].filter((ch) => !options.invisible.test(ch)).join('');
      segments.push({ kind: 'atom', node, start, end: text.length });
      return;
    }
    const block = node !== root && isBlock(node);
    if (block && started) pending = true;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block && started) pending = true;
  };
  walk(root);

  const relOffset = (seg: TextSegment, domOffset: number): number => {
    const max = seg.node.length;
    const i = Math.max(0, Math.min(domOffset, max));
    return seg.map ? seg.map[i]! : i;
  };
  /** Smallest DOM offset in the segment whose text offset is `target` (relative). */
  const domOffsetFor = (seg: TextSegment, rel: number): number => {
    if (!seg.map) return rel;
    for (let i = 0; i < seg.map.length; i++) if (seg.map[i] === rel) return i;
    return seg.map.length - 1;
  };
  const before = (el: Element): DomPoint => {
    const parent = el.parentNode!;
    return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, el) };
  };
  const after = (el: Element): DomPoint => {
    const p = before(el);
    return { node: p.node, offset: p.offset + 1 };
  };
  const texts = segments.filter((s): s is TextSegment => s.kind === 'text' && s.end > s.start);
  const atoms = segments.filter((s): s is AtomSegment => s.kind === 'atom');
  const emptyTexts = segments.filter((s): s is TextSegment => s.kind === 'text' && s.end === s.start);

  const pointAt = (offset: number, bias: 'forward' | 'backward'): DomPoint | null => {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return null;
    const inText = (s: TextSegment) => ({ node: s.node as Node, offset: domOffsetFor(s, offset - s.start) });
    if (bias === 'forward') {
      const inside = texts.find((s) => s.start <= offset && offset < s.end);
      if (inside) return inText(inside);
      const endOf = texts.find((s) => s.end === offset);
      if (endOf) return inText(endOf);
      const atomAt = atoms.find((s) => s.start === offset);
      if (atomAt) return before(atomAt.node);
      const atomEnd = atoms.find((s) => s.end === offset);
      if (atomEnd) return after(atomEnd.node);
      const empty = emptyTexts.find((s) => s.start === offset);
      if (empty) return { node: empty.node, offset: 0 };
    } else {
      const inside = texts.find((s) => s.start < offset && offset <= s.end);
      if (inside) return inText(inside);
      const startOf = texts.find((s) => s.start === offset);
      if (startOf) return inText(startOf);
      const atomEnd = atoms.find((s) => s.end === offset && s.end > s.start);
      if (atomEnd) return after(atomEnd.node);
      const atomAt = atoms.find((s) => s.start === offset);
      if (atomAt) return before(atomAt.node);
      const empty = emptyTexts.find((s) => s.start === offset);
      if (empty) return { node: empty.node, offset: 0 };
    }
    if (offset === 0) return { node: root, offset: 0 };
    if (offset === text.length) return { node: root, offset: root.childNodes.length };
    return null;
  };

  const blockOf = (node: Node): Node => {
    let current: Node | null = isElement(node) ? node : node.parentNode;
    while (current && current !== root) {
      if (isElement(current) && isBlock(current)) return current;
      current = current.parentNode;
    }
    return root;
  };

  const offsetAt = (node: Node, offset: number): number | null => {
    if (node !== root && !root.contains(node)) return null;
    const direct = segments.find((s) => s.node === node);
    if (direct && direct.kind === 'text') return direct.start + relOffset(direct, offset);
    const doc = root.ownerDocument;
    const point = doc.createRange();
    try {
      point.setStart(node, offset);
    } catch {
      return null;
    }
    point.collapse(true);
    // First segment at or after the point, and the last one before it.
    let prev: Segment | undefined;
    let next: Segment | undefined;
    for (const s of segments) {
      const cmp = point.comparePoint(s.node, 0);
      if (cmp >= 0) {
        next = s;
        break;
      }
      prev = s;
    }
    if (prev && blockOf(prev.node) === blockOf(node)) return prev.end;
    if (next) return next.start;
    return prev ? prev.end : 0;
  };

  return {
    text,
    pointAt,
    offsetAt,
    range(start, end) {
      if (start > end) return null;
      const a = pointAt(start, 'forward');
      const b = start === end ? a : pointAt(end, 'backward');
      if (!a || !b) return null;
      const range = root.ownerDocument.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range;
    },
  };
}

/** U+FEFF only (framework editors: their models keep U+200B). */
export const FRAMEWORK_INVISIBLE = /\uFEFF/;
/** U+200B and U+FEFF (custom contenteditables). */
export const CUSTOM_INVISIBLE = /[\u200B\uFEFF]/;

export function frameworkTextMap(root: HTMLElement): TextMap {
  return buildTextMap(root, { preserveNewlines: true, invisible: FRAMEWORK_INVISIBLE });
}

export function customTextMap(root: HTMLElement): TextMap {
  const view = root.ownerDocument.defaultView;
  const ws = view ? view.getComputedStyle(root).whiteSpace : '';
  const preserveNewlines = /^(pre|pre-wrap|pre-line|break-spaces)$/.test(ws);
  return buildTextMap(root, { preserveNewlines, invisible: CUSTOM_INVISIBLE });
}

/**
 * MAIN-world framework access for the editor bridge: read the draft from the framework's own
 * model and replace a range through the framework's API (undoable, caret after the insertion).
 *
 * Page-world code, pure functions of the DOM element: no extension APIs, nothing evaluated, no
 * page objects handed back (only strings and numbers). Offsets are into the same plain text the
 * isolated-world editor modules read (blocks joined by '\n', line breaks '\n'); `replace` refuses
 * to write unless the model's text equals the caller's `before`, so both worlds agree on offsets.
 *
 * - Lexical (`el.__lexicalEditor`): the page's `$` functions are not importable, so this works with
 *   the editor instance and node methods: inside `editor.update()`, nodes come from the editor
 *   state's node map, `node.select()` creates the RangeSelection, `anchor/focus.set()` place it,
 *   `insertRawText()` / `removeText()` edit ('\n' becomes a LineBreakNode). Tag 'history-push'
 *   gives the fix its own undo step; `discrete` commits synchronously.
 * - Quill 1 (`.ql-container.__quill`): one `updateContents` delta with source 'user' between two
 *   history cutoffs (its own undo step), then `setSelection`.
 * - TipTap (`el.editor`): offsets are mapped to ProseMirror positions by walking the document the
 *   way TipTap's `getText({ blockSeparator: '\n' })` does, then one command chain
 *   (`setTextSelection` + `insertContent` of a text node, or `view.pasteText` for multi-line
 *   text so the platform's own paste parser makes the paragraphs).
 * - Draft.js: read only (the DraftEditor instance's latest `editorState`, found through the React
 *   fiber); writes use the synthetic
 *   paste from the isolated world.
 */

export type FrameworkKind = 'lexical' | 'quill1' | 'tiptap' | 'draft';

export interface ModelText {
  kind: FrameworkKind;
  text: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- page objects of unknown version */
type Any = any;

// ---------------------------------------------------------------- detection

function lexicalOf(el: HTMLElement): Any | null {
  const editor = (el as Any).__lexicalEditor;
  return editor && typeof editor.update === 'function' && typeof editor.getEditorState === 'function' ? editor : null;
}

function quillOf(el: HTMLElement): Any | null {
  const container = el.closest('.ql-container') as Any;
  const quill = container?.__quill;
  return quill && typeof quill.updateContents === 'function' && typeof quill.getContents === 'function' ? quill : null;
}

function tiptapOf(el: HTMLElement): Any | null {
  const editor = (el as Any).editor;
  return editor && typeof editor.chain === 'function' && editor.state?.doc ? editor : null;
}

function draftStateOf(el: HTMLElement): Any | null {
  const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
  if (!key) return null;
  let fiber = (el as Any)[key];
  for (let i = 0; fiber && i < 60; i++, fiber = fiber.return) {
    // The DraftEditor instance's latest state (its props lag until the parent re-renders).
    const latest = fiber.stateNode?._latestEditorState;
    if (latest && typeof latest.getCurrentContent === 'function') return latest;
    const state = fiber.memoizedProps?.editorState;
    if (state && typeof state.getCurrentContent === 'function') return state;
  }
  return null;
}

// ---------------------------------------------------------------- Lexical

interface LexItem {
  node: Any;
  /** Text node (offsets inside it) or atom (line break, decorator). */
  text: boolean;
  parent: Any;
  index: number;
  start: number;
  end: number;
}
interface LexBlock {
  node: Any;
  start: number;
  end: number;
  items: LexItem[];
}
interface LexPoint {
  node: Any;
  key: string;
  offset: number;
  type: 'text' | 'element';
}

const isLexText = (n: Any) => typeof n?.spliceText === 'function';
const isLexElement = (n: Any) => typeof n?.getChildren === 'function';

/** Flattens the Lexical tree (must run inside read/update) into lines of inline items. */
function lexFlatten(root: Any): { text: string; blocks: LexBlock[] } {
  const blocks: LexBlock[] = [];
  let text = '';
  const leafBlock = (block: Any) => {
    if (blocks.length > 0) text += '\n';
    const entry: LexBlock = { node: block, start: text.length, end: text.length, items: [] };
    const inline = (parent: Any) => {
      parent.getChildren().forEach((child: Any, index: number) => {
        if (isLexText(child)) {
          const t: string = child.getTextContent();
          entry.items.push({ node: child, text: true, parent, index, start: text.length, end: text.length + t.length });
          text += t;
        } else if (isLexElement(child)) {
          inline(child);
        } else {
          const t: string = child.getType?.() === 'linebreak' ? '\n' : String(child.getTextContent?.() ?? '');
          entry.items.push({ node: child, text: false, parent, index, start: text.length, end: text.length + t.length });
          text += t;
        }
      });
    };
    inline(block);
    entry.end = text.length;
    blocks.push(entry);
  };
  const visit = (node: Any) => {
    const children: Any[] = node.getChildren();
    const hasBlockChild = children.some((c) => isLexElement(c) && !c.isInline());
    if (node !== root && !hasBlockChild) leafBlock(node);
    else children.forEach((c) => (isLexElement(c) && !c.isInline() ? visit(c) : undefined));
  };
  visit(root);
  return { text, blocks };
}

function lexPoint(flat: { blocks: LexBlock[] }, offset: number, bias: 'forward' | 'backward'): LexPoint | null {
  const block = flat.blocks.find((b) => b.start <= offset && offset <= b.end);
  if (!block) return null;
  const texts = block.items.filter((i) => i.text);
  const pick =
    bias === 'forward'
      ? texts.find((i) => i.start <= offset && offset < i.end) ?? texts.find((i) => i.end === offset)
      : texts.find((i) => i.start < offset && offset <= i.end) ?? texts.find((i) => i.start === offset);
  if (pick) return { node: pick.node, key: pick.node.getKey(), offset: offset - pick.start, type: 'text' };
  const next = block.items.find((i) => i.start >= offset);
  if (next) return { node: next.parent, key: next.parent.getKey(), offset: next.index, type: 'element' };
  const last = block.items[block.items.length - 1];
  if (last) return { node: last.parent, key: last.parent.getKey(), offset: last.index + 1, type: 'element' };
  return { node: block.node, key: block.node.getKey(), offset: 0, type: 'element' };
}

function lexRoot(editor: Any): Any {
  const state = editor._pendingEditorState ?? editor.getEditorState();
  const root = state?._nodeMap?.get('root');
  if (!root) throw new Error('lexical: no root node');
  return root.getLatest ? root.getLatest() : root;
}

function lexicalRead(editor: Any): string {
  return editor.getEditorState().read(() => lexFlatten(lexRoot(editor)).text);
}

function lexicalReplace(editor: Any, start: number, end: number, text: string): void {
  let failure: unknown;
  editor.update(
    () => {
      try {
        const flat = lexFlatten(lexRoot(editor));
        const a = lexPoint(flat, start, 'forward');
        const f = start === end ? a : lexPoint(flat, end, 'backward');
        if (!a || !f) throw new Error('lexical: offset outside the document');
        const selection = a.node.select(a.offset, a.offset);
        selection.anchor.set(a.key, a.offset, a.type);
        selection.focus.set(f.key, f.offset, f.type);
        if (text === '') selection.removeText();
        else selection.insertRawText(text);
      } catch (error) {
        // Never throw inside Lexical's update (the page's onError may report or rethrow).
        failure = error;
      }
    },
    { tag: 'history-push', discrete: true },
  );
  if (failure) throw failure;
}

// ---------------------------------------------------------------- Quill 1

/** Plain text of Quill's contents plus the index of each plain offset (embeds take an index, no text). */
function quillFlatten(quill: Any): { text: string; indexOf: (offset: number) => number } {
  const ops: Any[] = quill.getContents().ops ?? [];
  let text = '';
  const embedsBefore: number[] = []; // plain offset -> embeds before it (only when embeds exist)
  let embeds = 0;
  for (const op of ops) {
    if (typeof op.insert === 'string') {
      for (let i = 0; i < op.insert.length; i++) embedsBefore.push(embeds);
      text += op.insert;
    } else if (op.insert != null) {
      embeds += 1;
    }
  }
  embedsBefore.push(embeds);
  // Quill always ends with a '\n' that is not part of the draft.
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return { text, indexOf: (offset) => offset + (embedsBefore[offset] ?? embeds) };
}

function quillReplace(quill: Any, start: number, end: number, text: string): void {
  const flat = quillFlatten(quill);
  const from = flat.indexOf(start);
  const to = flat.indexOf(end);
  const ops: Any[] = [];
  if (from > 0) ops.push({ retain: from });
  if (to > from) ops.push({ delete: to - from });
  if (text !== '') ops.push({ insert: text });
  quill.history?.cutoff?.();
  quill.updateContents(ops, 'user');
  quill.history?.cutoff?.();
  quill.setSelection(from + text.length, 0, 'user');
}

// ---------------------------------------------------------------- TipTap / ProseMirror

interface PmSegment {
  kind: 'text' | 'leaf' | 'sep';
  plainStart: number;
  plainEnd: number;
  /** text/leaf: position of the node; sep: end of the previous textblock's content. */
  from: number;
  /** text/leaf: position after the node; sep: start of the next block's content. */
  to: number;
}

function pmFlatten(editor: Any): { text: string; segments: PmSegment[] } {
  const doc = editor.state.doc;
  const serializers: Record<string, (p: Any) => string> = {};
  for (const [name, type] of Object.entries(editor.schema?.nodes ?? doc.type.schema.nodes) as [string, Any][]) {
    if (typeof type.spec?.toText === 'function') serializers[name] = type.spec.toText;
  }
  const range = { from: 0, to: doc.content.size };
  const segments: PmSegment[] = [];
  let text = '';
  let lastContentEnd = 0;
  doc.nodesBetween(range.from, range.to, (node: Any, pos: number, parent: Any, index: number) => {
    if (node.isBlock && pos > range.from) {
      segments.push({ kind: 'sep', plainStart: text.length, plainEnd: text.length + 1, from: lastContentEnd, to: pos + 1 });
      text += '\n';
    }
    if (node.isTextblock) lastContentEnd = pos + node.nodeSize - 1;
    const serializer = serializers[node.type.name];
    if (serializer) {
      if (parent) {
        const t = String(serializer({ node, pos, parent, index, range }));
        segments.push({ kind: 'leaf', plainStart: text.length, plainEnd: text.length + t.length, from: pos, to: pos + node.nodeSize });
        text += t;
      }
      return false;
    }
    if (node.isText) {
      const t: string = node.text ?? '';
      segments.push({ kind: 'text', plainStart: text.length, plainEnd: text.length + t.length, from: pos, to: pos + t.length });
      text += t;
    }
    return true;
  });
  return { text, segments };
}

function pmPosition(flat: { segments: PmSegment[] }, offset: number, bias: 'forward' | 'backward'): number {
  const { segments } = flat;
  const texts = segments.filter((s) => s.kind === 'text');
  const hit =
    bias === 'forward'
      ? texts.find((s) => s.plainStart <= offset && offset < s.plainEnd) ?? texts.find((s) => s.plainEnd === offset)
      : texts.find((s) => s.plainStart < offset && offset <= s.plainEnd) ?? texts.find((s) => s.plainStart === offset);
  if (hit) return hit.from + (offset - hit.plainStart);
  for (const s of segments) {
    if (s.plainStart === offset) return s.from;
    if (s.plainEnd === offset) return s.to;
  }
  if (offset === 0) return 1; // start of the first textblock
  throw new Error('prosemirror: offset outside the document');
}

function tiptapRead(editor: Any): string {
  return editor.getText({ blockSeparator: '\n' });
}

function tiptapReplace(editor: Any, start: number, end: number, text: string): void {
  const flat = pmFlatten(editor);
  if (flat.text !== tiptapRead(editor)) throw new Error('prosemirror: position map disagrees with getText');
  const from = pmPosition(flat, start, 'forward');
  const to = start === end ? from : pmPosition(flat, end, 'backward');
  const chain = () => editor.chain().focus().setTextSelection({ from, to });
  let ok: boolean;
  if (text === '') {
    ok = chain().deleteSelection().run();
  } else if (!text.includes('\n')) {
    ok = chain().insertContent({ type: 'text', text }).run();
  } else if (typeof editor.view?.pasteText === 'function') {
    ok = chain().run() && editor.view.pasteText(text);
  } else {
    const content: Any[] = [];
    text.split('\n').forEach((line, i) => {
      if (i > 0) content.push({ type: 'hardBreak' });
      if (line) content.push({ type: 'text', text: line });
    });
    ok = chain().insertContent(content).run();
  }
  if (!ok) throw new Error('prosemirror: command did not apply');
}

// ---------------------------------------------------------------- entry points

/** Which framework handles this composer, in the order the bridge prefers. */
function frameworkOf(el: HTMLElement): { kind: FrameworkKind; api: Any } | null {
  const lexical = lexicalOf(el);
  if (lexical) return { kind: 'lexical', api: lexical };
  const tiptap = tiptapOf(el);
  if (tiptap) return { kind: 'tiptap', api: tiptap };
  const quill = quillOf(el);
  if (quill) return { kind: 'quill1', api: quill };
  const draft = draftStateOf(el);
  if (draft) return { kind: 'draft', api: el };
  return null;
}

function readWith(kind: FrameworkKind, api: Any): string {
  switch (kind) {
    case 'lexical':
      return lexicalRead(api);
    case 'tiptap':
      return tiptapRead(api);
    case 'quill1':
      return quillFlatten(api).text;
    case 'draft': {
      const state = draftStateOf(api);
      if (!state) throw new Error('draft: editorState not found');
      return state.getCurrentContent().getPlainText('\n');
    }
  }
}

/** The draft text from the framework's model. */
export function readModel(el: HTMLElement): ModelText {
  const fw = frameworkOf(el);
  if (!fw) throw new Error('no framework editor on the composer');
  return { kind: fw.kind, text: readWith(fw.kind, fw.api) };
}

/**
 * Replaces [start, end) of the model text with `text` through the framework API. Refuses when the
 * model text is not `before` (offsets would not mean the same thing). Returns the new model text.
 */
export function replaceModel(el: HTMLElement, start: number, end: number, text: string, before: string): ModelText {
  const fw = frameworkOf(el);
  if (!fw) throw new Error('no framework editor on the composer');
  const current = readWith(fw.kind, fw.api);
  if (current !== before) throw new Error(`${fw.kind}: model text differs from the composer text`);
  if (start < 0 || end < start || end > current.length) throw new Error('range outside the draft');
  switch (fw.kind) {
    case 'lexical':
      lexicalReplace(fw.api, start, end, text);
      break;
    case 'tiptap':
      tiptapReplace(fw.api, start, end, text);
      break;
    case 'quill1':
      quillReplace(fw.api, start, end, text);
      break;
    case 'draft':
      throw new Error('draft: no bridge write (use the paste path)');
  }
  return { kind: fw.kind, text: readWith(fw.kind, fw.api) };
}

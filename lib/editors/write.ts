/**
 * Shared write machinery for the editor modules (docs/composers.md §7):
 * - DOM selection helpers that work inside open shadow roots (LinkedIn #interop-outlet);
 * - the synthetic events frameworks accept (paste, cut, beforeinput) and execCommand;
 * - `verifiedWrite`: read before, try each method in order, wait for the framework, read after.
 *   Success only when the text equals `before` with [start, end) replaced. If a method changed
 *   nothing, the next one is tried; if it changed something else, we stop and report (never a
 *   second method on top of a first that half-worked: no double insertion).
 *
 * Caret policy: after a successful write the caret is right after the inserted text (so typing
 * continues from the fix, like the browser's own spelling replacement). Every method used here
 * leaves it there; `verifiedWrite` checks and moves it if a framework left it elsewhere.
 */
import type { BridgeLike, ReplaceContext, WriteResult } from '@/lib/editors/types';
import type { DomPoint } from '@/lib/editors/text-map';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The Selection object that can see (and set) a selection inside `root`'s tree. */
export function selectionFor(root: Node): Selection | null {
  const rootNode = root.getRootNode() as (ShadowRoot & { getSelection?: () => Selection | null }) | Document;
  if (typeof ShadowRoot !== 'undefined' && rootNode instanceof ShadowRoot && typeof rootNode.getSelection === 'function') {
    return rootNode.getSelection();
  }
  return (root.ownerDocument ?? document).getSelection();
}

/** Focuses the editable without scrolling the page. */
export function focusRoot(root: HTMLElement): void {
  const active = deepActiveElement(root.ownerDocument);
  if (active !== root && !root.contains(active)) root.focus({ preventScroll: true });
}

export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Resolves on the next selectionchange (frameworks sync their selection from it), or after `capMs`. */
export function nextSelectionChange(doc: Document, capMs = 60): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', done);
      // One more task so the framework's own selectionchange listener has run.
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, capMs);
    doc.addEventListener('selectionchange', done);
  });
}

/**
 * Sets the document selection to `range` and waits until the framework has seen it
 * (docs/composers.md §0.2: a paste dispatched in the same task lands at the old caret).
 */
export async function selectDomRange(root: HTMLElement, range: Range): Promise<void> {
  focusRoot(root);
  const selection = selectionFor(root);
  if (!selection) throw new Error('no selection object');
  const wait = nextSelectionChange(root.ownerDocument);
  selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  await wait;
}

export async function setCaretPoint(root: HTMLElement, point: DomPoint): Promise<void> {
  const selection = selectionFor(root);
  if (!selection) return;
  const wait = nextSelectionChange(root.ownerDocument);
  selection.setBaseAndExtent(point.node, point.offset, point.node, point.offset);
  await wait;
}

/** The node the browser would deliver keyboard/clipboard events to: the selection's editable. */
function eventTarget(root: HTMLElement): HTMLElement {
  return root;
}

/**
 * Synthetic paste carrying only text/plain (Draft and Lexical would parse HTML). The data is set
 * on the event's own clipboardData, the form Firefox also accepts (docs/composers.md §7).
 */
export function dispatchPaste(root: HTMLElement, text: string): boolean {
  const view = root.ownerDocument.defaultView ?? window;
  const event = new view.ClipboardEvent('paste', {
    clipboardData: new view.DataTransfer(),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (!event.clipboardData) throw new Error('ClipboardEvent has no clipboardData');
  event.clipboardData.setData('text/plain', text);
  return eventTarget(root).dispatchEvent(event);
}

/** Synthetic cut (no clipboard access happens: a synthetic event has no default action). */
export function dispatchCut(root: HTMLElement): boolean {
  const view = root.ownerDocument.defaultView ?? window;
  const event = new view.ClipboardEvent('cut', {
    clipboardData: new view.DataTransfer(),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  return eventTarget(root).dispatchEvent(event);
}

/** Synthetic beforeinput insertText with targetRanges = the current selection (Lexical). */
export function dispatchBeforeInput(root: HTMLElement, range: Range, text: string): boolean {
  const view = root.ownerDocument.defaultView ?? window;
  const staticRange = new view.StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
  const event = new view.InputEvent('beforeinput', {
    inputType: text === '' ? 'deleteContentBackward' : 'insertText',
    data: text === '' ? null : text,
    bubbles: true,
    cancelable: true,
    composed: true,
    targetRanges: [staticRange],
  });
  return eventTarget(root).dispatchEvent(event);
}

/**
 * execCommand on the current selection: trusted beforeinput/input events and native undo.
 * Empty text deletes the selection.
 */
export function execInsert(root: HTMLElement, text: string): void {
  const doc = root.ownerDocument;
  const ok = text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  if (!ok) throw new Error('execCommand refused');
}

export interface WriteMethod {
  name: string;
  /** Skip this method for this write (e.g. multi-line text a method is known to mangle). */
  applicable?: boolean;
  run(): Promise<void> | void;
}

export interface VerifiedWriteOptions {
  ctx: ReplaceContext;
  start: number;
  end: number;
  text: string;
  read(): string;
  /** Methods in preference order. */
  methods: WriteMethod[];
  /** Current caret offset (selection focus) in read() text, or null. */
  caret(): number | null;
  /** Moves the caret to an offset of read() text. */
  setCaret(offset: number): Promise<void>;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);

/** Polls read() until it equals `expected`, or until `ms` passed; returns the last reading. */
async function settle(read: () => string, before: string, expected: string, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  await Promise.resolve();
  let current = read();
  if (current === expected) return current;
  let stableSince = Date.now();
  for (;;) {
    await sleep(16);
    const next = read();
    if (next === expected) return next;
    if (next !== current) {
      current = next;
      stableSince = Date.now();
    }
    // Changed, but not as expected, and quiet for a while: the framework is done.
    if (current !== before && Date.now() - stableSince > 150) return current;
    if (Date.now() > deadline) return current;
  }
}

export async function verifiedWrite(options: VerifiedWriteOptions): Promise<WriteResult> {
  const { ctx, start, end, text, read } = options;
  let before: string;
  try {
    before = read();
  } catch (e) {
    return { ok: false, reason: `read failed: ${errorText(e)}` };
  }
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > before.length) {
    return { ok: false, reason: `range [${start}, ${end}) is outside the draft (length ${before.length})` };
  }
  if (ctx.original !== undefined && before.slice(start, end) !== ctx.original) {
    return { ok: false, reason: 'stale: the draft changed since it was checked' };
  }
  const expected = before.slice(0, start) + text + before.slice(end);
  if (expected === before) return { ok: true, method: 'none' };

  const wanted = ctx.methods;
  const methods = wanted
    ? wanted.flatMap((name) => options.methods.filter((m) => m.name === name))
    : options.methods.filter((m) => m.applicable !== false);
  if (methods.length === 0) return { ok: false, reason: 'no write method applies' };

  const tried: string[] = [];
  for (const method of methods) {
    const now = read();
    if (now !== before) return { ok: false, reason: `draft changed during the write (before ${method.name}); ${tried.join('; ')}` };
    let threw: string | undefined;
    try {
      await method.run();
    } catch (e) {
      threw = errorText(e);
    }
    const after = await settle(read, before, expected, ctx.settleMs ?? 600);
    if (after === expected) {
      await ensureCaret(options, start + text.length);
      return { ok: true, method: method.name };
    }
    if (after !== before) {
      return {
        ok: false,
        reason: `${method.name} changed the draft unexpectedly${threw ? ` (${threw})` : ''}; stopped to avoid a double edit`,
      };
    }
    tried.push(`${method.name}: ${threw ?? 'no change'}`);
  }
  return { ok: false, reason: tried.join('; ') };
}

async function ensureCaret(options: VerifiedWriteOptions, offset: number): Promise<void> {
  try {
    if (options.caret() !== offset) await options.setCaret(offset);
  } catch {
    // The text is right; a caret we could not place is not worth failing the fix for.
  }
}

/** A bridge method: asks the MAIN world to write through the framework API. */
export function bridgeMethod(
  ctx: ReplaceContext,
  request: { start: number; end: number; text: string; before: () => string },
  beforeRun?: () => void,
): WriteMethod {
  const bridge: BridgeLike | undefined = ctx.bridge;
  return {
    name: 'bridge',
    applicable: bridge !== undefined && ctx.targetId !== undefined,
    async run() {
      if (!bridge || !ctx.targetId) throw new Error('no bridge');
      beforeRun?.();
      await bridge.request({
        op: 'replace',
        target: ctx.targetId,
        start: request.start,
        end: request.end,
        text: request.text,
        before: request.before(),
      });
    },
  };
}

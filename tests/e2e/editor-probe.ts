/**
 * Test-only page bundle for tests/e2e/editors.spec.ts: exposes Envoy's editor modules and the
 * MAIN-world bridge handler on `window.__envoyEditors`, so the tests can drive them in the page
 * world. The isolated-world paths run here without a bridge (like Firefox); the bridge paths call
 * lib/bridge/main-world.ts `handleMessage` directly (MAIN world = page world), while the real
 * MessageChannel handshake is tested through the loaded extension.
 */
import { editorFor, type BridgeLike, type EditorKind, type WriteResult } from '@/lib/editors';
import { handleMessage } from '@/lib/bridge/main-world';
import { TARGET_ATTRIBUTE } from '@/lib/bridge/protocol';

let nextId = 1;
const localBridge: BridgeLike = {
  async request<T>(request: object) {
    const response = handleMessage(document, { ...request, id: nextId++ });
    if (!response) throw new Error('invalid request');
    if (!response.ok) throw new Error(response.error);
    return response.result as T;
  },
};

function deepQuery(selector: string): HTMLElement | null {
  const direct = document.querySelector<HTMLElement>(selector);
  if (direct) return direct;
  for (const host of document.querySelectorAll('*')) {
    const found = host.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

export interface ProbeReplaceOptions {
  bridge?: boolean;
  methods?: string[];
  original?: string;
}

const api = {
  /** Finds the composer (light DOM or an open shadow root) and marks it for the bridge. */
  mark(selector: string, id = 'probe-1'): boolean {
    const el = deepQuery(selector);
    el?.setAttribute(TARGET_ATTRIBUTE, id);
    return el !== null;
  },
  root(): HTMLElement {
    const el = deepQuery(`[${TARGET_ATTRIBUTE}]`);
    if (!el) throw new Error('composer not marked');
    return el;
  },
  read(kind: EditorKind): string {
    return editorFor(kind).read(api.root());
  },
  caret(kind: EditorKind): number | null {
    return editorFor(kind).caret(api.root());
  },
  rangeText(kind: EditorKind, start: number, end: number): string | null {
    const range = editorFor(kind).toDomRange(api.root(), start, end);
    if (!range) return null;
    return 'startContainer' in range ? range.toString() : (api.root() as HTMLTextAreaElement).value.slice(range.start, range.end);
  },
  replace(kind: EditorKind, start: number, end: number, text: string, options: ProbeReplaceOptions = {}): Promise<WriteResult> {
    const root = api.root();
    return editorFor(kind).replace(
      {
        root,
        bridge: options.bridge ? localBridge : undefined,
        targetId: options.bridge ? root.getAttribute(TARGET_ATTRIBUTE) ?? undefined : undefined,
        methods: options.methods,
        original: options.original,
      },
      start,
      end,
      text,
    );
  },
  bridge(request: object): unknown {
    return handleMessage(document, { ...request, id: nextId++ });
  },
};

declare global {
  interface Window {
    __envoyEditors?: typeof api;
  }
}
window.__envoyEditors = api;

import {
  bridgeRequestSchema,
  handshakeSchema,
  TARGET_ATTRIBUTE,
  type BridgeRequest,
  type BridgeResponse,
  type ProbeResult,
} from '@/lib/bridge/protocol';

/**
 * MAIN-world half of the editor bridge. Page-world code: it can see editor
 * framework objects (expandos such as __lexicalEditor) that the isolated world
 * cannot, and it has no extension APIs.
 */

type Expandos = { __lexicalEditor?: unknown; editor?: unknown };

/** Finds a composer root marked by the isolated world, looking into open shadow roots too. */
export function findTarget(doc: Document, id: string): HTMLElement | null {
  const selector = `[${TARGET_ATTRIBUTE}="${id}"]`;
  const direct = doc.querySelector<HTMLElement>(selector);
  if (direct) return direct;
  for (const host of doc.querySelectorAll('*')) {
    const found = host.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

export function probe(element: HTMLElement): ProbeResult {
  const el = element as HTMLElement & Expandos;
  const container = element.closest('.ql-container') as (Element & { __quill?: unknown }) | null;
  return {
    lexical: typeof el.__lexicalEditor === 'object' && el.__lexicalEditor !== null,
    draft: Object.keys(element).some((k) => k.startsWith('__reactFiber$')) && element.closest('.DraftEditor-root') !== null,
    quill1: typeof container?.__quill === 'object' && container.__quill !== null,
    tiptap: typeof el.editor === 'object' && el.editor !== null && 'commands' in (el.editor as object),
  };
}

export function handleRequest(doc: Document, request: BridgeRequest): BridgeResponse {
  switch (request.op) {
    case 'ping':
      return { id: request.id, ok: true, result: 'pong' };
    case 'probe': {
      const target = findTarget(doc, request.target);
      if (!target) return { id: request.id, ok: false, error: 'composer not found' };
      return { id: request.id, ok: true, result: probe(target) };
    }
  }
}

/**
 * Installs the one-shot handshake listener. Must run before page scripts:
 * the capture listener registered first on window sees the message first and
 * stops it reaching any page listener.
 */
export function acceptHandshake(win: Window): void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win || !handshakeSchema.safeParse(event.data).success) return;
    const port = event.ports[0];
    if (!port) return;
    event.stopImmediatePropagation();
    win.removeEventListener('message', onMessage, true);
    port.onmessage = (e: MessageEvent) => {
      const parsed = bridgeRequestSchema.safeParse(e.data);
      if (!parsed.success) return;
      try {
        port.postMessage(handleRequest(win.document, parsed.data));
      } catch (error) {
        port.postMessage({ id: parsed.data.id, ok: false, error: String(error).slice(0, 500) });
      }
    };
    port.postMessage({ id: 0, ok: true, result: 'ready' });
  };
  win.addEventListener('message', onMessage, true);
}

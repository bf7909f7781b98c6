import {
  bridgeRequestSchema,
  handshakeSchema,
  TARGET_ATTRIBUTE,
  type BridgeRequest,
  type BridgeResponse,
  type ProbeResult,
} from '@/lib/bridge/protocol';
import { readModel, replaceModel } from '@/lib/bridge/frameworks';

/**
 * MAIN-world half of the editor bridge. Page-world code: it can see editor
 * framework objects (expandos such as __lexicalEditor) that the isolated world
 * cannot, and it has no extension APIs.
 */

type Expandos = { __lexicalEditor?: unknown; editor?: unknown };

/**
 * Finds a composer root marked by the isolated world, in the document or in any open shadow
 * root, however deeply nested (a web component that renders another one: Reddit, LinkedIn's
 * outlet inside a modal). Breadth-first over the roots; closed roots are out of reach here too.
 */
export function findTarget(doc: Document, id: string): HTMLElement | null {
  const selector = `[${TARGET_ATTRIBUTE}="${id}"]`;
  const roots: Array<Document | ShadowRoot> = [doc];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]!;
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
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
    case 'read': {
      const target = findTarget(doc, request.target);
      if (!target) return { id: request.id, ok: false, error: 'composer not found' };
      return { id: request.id, ok: true, result: readModel(target) };
    }
    case 'replace': {
      const target = findTarget(doc, request.target);
      if (!target) return { id: request.id, ok: false, error: 'composer not found' };
      if (request.end < request.start) return { id: request.id, ok: false, error: 'invalid range' };
      return {
        id: request.id,
        ok: true,
        result: replaceModel(target, request.start, request.end, request.text, request.before),
      };
    }
  }
}

/**
 * handleRequest for untrusted input: validates, never throws, caps error text. The port handler
 * uses it; tests call it directly in the page world (MAIN world = page world).
 */
export function handleMessage(doc: Document, data: unknown): BridgeResponse | null {
  const parsed = bridgeRequestSchema.safeParse(data);
  if (!parsed.success) return null;
  try {
    return handleRequest(doc, parsed.data);
  } catch (error) {
    return { id: parsed.data.id, ok: false, error: String(error instanceof Error ? error.message : error).slice(0, 500) };
  }
}

/**
 * Installs the one-shot handshake listener. Must run before page scripts:
 * the capture listener registered first on window sees the message first and
 * stops it reaching any page listener.
 *
 * Only a trusted event counts. A page script can dispatch a forged MessageEvent synchronously
 * (from an inline <head> script, before Envoy's real handshake is delivered) carrying its own
 * port; such an event has `isTrusted: false` and is ignored, so the listener stays for Envoy's.
 * A page's real `postMessage` is trusted but is queued after Envoy's, which was posted at
 * document_start before any page script ran; the listener is gone by then.
 */
export function acceptHandshake(win: Window): void {
  const onMessage = (event: MessageEvent) => {
    if (!event.isTrusted || event.source !== win || !handshakeSchema.safeParse(event.data).success) return;
    const port = event.ports[0];
    if (!port) return;
    event.stopImmediatePropagation();
    win.removeEventListener('message', onMessage, true);
    port.onmessage = (e: MessageEvent) => {
      const response = handleMessage(win.document, e.data);
      if (response) port.postMessage(response);
    };
    port.postMessage({ id: 0, ok: true, result: 'ready' });
  };
  win.addEventListener('message', onMessage, true);
}

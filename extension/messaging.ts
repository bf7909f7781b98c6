import { browser } from 'wxt/browser';
import { invalidRequestAnswer, parseRequest, type EnvoyRequest, type ResponseMap } from '@/lib/messages';

type Handler<K extends EnvoyRequest['type']> = (
  request: Extract<EnvoyRequest, { type: K }>,
  sender: { tabId?: number; url?: string },
) => Promise<ResponseMap[K]> | ResponseMap[K];

export type Handlers = { [K in EnvoyRequest['type']]?: Handler<K> };

/**
 * Registers typed handlers. An Envoy message (`envoy:…`) that fails validation is answered
 * with a clear error (`{ ok: false, error: { kind: 'invalid' } }`), never thrown; anything
 * else, and valid messages no handler here answers, are left for other listeners.
 */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: { tab?: { id?: number }; url?: string }) => {
    const request = parseRequest(message);
    if (!request) {
      const refusal = invalidRequestAnswer(message);
      return refusal ? Promise.resolve(refusal) : undefined;
    }
    const handler = handlers[request.type] as Handler<typeof request.type> | undefined;
    if (!handler) return undefined;
    return Promise.resolve(handler(request as never, { tabId: sender.tab?.id, url: sender.url }));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

export function sendToBackground<K extends EnvoyRequest['type']>(
  request: Extract<EnvoyRequest, { type: K }>,
): Promise<ResponseMap[K]> {
  return browser.runtime.sendMessage(request) as Promise<ResponseMap[K]>;
}

export function sendToTab<K extends EnvoyRequest['type']>(
  tabId: number,
  request: Extract<EnvoyRequest, { type: K }>,
): Promise<ResponseMap[K]> {
  return browser.tabs.sendMessage(tabId, request) as Promise<ResponseMap[K]>;
}

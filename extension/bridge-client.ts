import {
  bridgeResponseSchema,
  HANDSHAKE_TYPE,
  type BridgeRequest,
} from '@/lib/bridge/protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };

/** Isolated-world side of the MAIN-world editor bridge. */
export interface BridgeClient {
  /** Resolves true once the bridge answered the handshake; false if it never does (Firefox, or too late). */
  ready: Promise<boolean>;
  request<T = unknown>(request: DistributiveOmit<BridgeRequest, 'id'>, timeoutMs?: number): Promise<T>;
}

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;

/** A bridge that is not there: editor modules use their isolated-world write methods. */
export const NO_BRIDGE: BridgeClient = {
  ready: Promise.resolve(false),
  request: () => Promise.reject(new Error('Editor bridge unavailable')),
};

/**
 * Builds with a MAIN-world bridge (entrypoints/editor-bridge.content.ts is excluded from Firefox
 * and Safari builds). Elsewhere no handshake is posted at all: with no bridge listening, the port
 * would go to whichever page script listens for messages.
 */
export const HAS_MAIN_WORLD_BRIDGE = import.meta.env.BROWSER !== 'firefox' && import.meta.env.BROWSER !== 'safari';

/**
 * Must be called at document_start: the handshake is only accepted before page
 * scripts run (see lib/bridge/main-world.ts).
 */
export function connectBridge(win: Window = window, handshakeTimeoutMs = 3000, mainWorld = HAS_MAIN_WORLD_BRIDGE): BridgeClient {
  if (!mainWorld) return NO_BRIDGE;
  const channel = new MessageChannel();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let markReady: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (markReady = resolve));
  const giveUp = setTimeout(() => markReady(false), handshakeTimeoutMs);

  channel.port1.onmessage = (event: MessageEvent) => {
    const parsed = bridgeResponseSchema.safeParse(event.data);
    if (!parsed.success) return;
    const response = parsed.data;
    if (response.id === 0) {
      clearTimeout(giveUp);
      markReady(true);
      return;
    }
    const entry = pending.get(response.id);
    if (!entry) return;
    pending.delete(response.id);
    clearTimeout(entry.timer);
    if (response.ok) entry.resolve(response.result);
    else entry.reject(new Error(response.error));
  };
  win.postMessage({ type: HANDSHAKE_TYPE, version: 1 }, win.location.origin === 'null' ? '*' : win.location.origin, [
    channel.port2,
  ]);

  return {
    ready,
    async request<T>(request: DistributiveOmit<BridgeRequest, 'id'>, timeoutMs = 2000) {
      if (!(await ready)) throw new Error('Editor bridge unavailable');
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('Editor bridge timed out'));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        channel.port1.postMessage({ ...request, id });
      });
    },
  };
}

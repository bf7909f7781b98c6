/**
 * The MAIN-world bridge takes one handshake, and only a trusted one (lib/bridge/main-world.ts);
 * where there is no MAIN-world bridge, the isolated world posts no port at all
 * (extension/bridge-client.ts). The real-browser race with an inline <head> script is in
 * tests/e2e/bridge-handshake.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptHandshake } from '@/lib/bridge/main-world';
import { connectBridge } from '@/extension/bridge-client';
import { HANDSHAKE_TYPE } from '@/lib/bridge/protocol';
import { asPageScript } from '../trusted-events';

const handshake = { type: HANDSHAKE_TYPE, version: 1 };

function portSpy() {
  const channel = new MessageChannel();
  const seen: unknown[] = [];
  channel.port2.onmessage = (e) => seen.push(e.data);
  return { port: channel.port1, seen, close: () => (channel.port1.close(), channel.port2.close()) };
}

/** Same-window message event carrying a port, as window.postMessage would deliver it. */
function messageEvent(port: MessagePort): MessageEvent {
  return new MessageEvent('message', { data: handshake, source: window, ports: [port] });
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('MAIN-world handshake', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('refuses a forged (untrusted) handshake and still takes the real one after it', async () => {
    acceptHandshake(window);
    const forged = portSpy();
    const real = portSpy();
    cleanups.push(forged.close, real.close);
    window.dispatchEvent(asPageScript(messageEvent(forged.port)));
    await settle();
    expect(forged.seen).toEqual([]);
    window.dispatchEvent(messageEvent(real.port));
    await settle();
    expect(real.seen).toEqual([{ id: 0, ok: true, result: 'ready' }]);
  });
});

describe('isolated-world client', () => {
  it('posts no handshake (and no port) where the build has no MAIN-world bridge', async () => {
    const post = vi.spyOn(window, 'postMessage');
    const bridge = connectBridge(window, 50, false);
    expect(await bridge.ready).toBe(false);
    await expect(bridge.request({ op: 'ping' })).rejects.toThrow(/unavailable/);
    expect(post).not.toHaveBeenCalled();
  });
});

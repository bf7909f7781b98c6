import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALL_PLATFORM_MATCHES } from '@/lib/platforms/hosts';
import { acceptHandshake } from '@/lib/bridge/main-world';

/**
 * MAIN-world editor bridge (Chromium only; Firefox MV2 has no MAIN world, so
 * editor modules fall back to isolated-world write methods there).
 *
 * Runs at document_start, before any page script, and installs a capture
 * listener that takes exactly one handshake carrying a MessagePort from
 * Envoy's isolated world and hides it from the page (stopImmediatePropagation).
 * After that the page cannot talk to the bridge, and the bridge exposes
 * nothing on window.
 */
export default defineContentScript({
  matches: ALL_PLATFORM_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  exclude: ['firefox', 'safari'],
  // No `var editorBridge = …` on the page's window: nothing tells pages Envoy is there.
  globalName: false,
  main() {
    acceptHandshake(window);
  },
});

/**
 * The editor bridge's handshake cannot be raced by the page (real Chromium, built extension,
 * Lexical fixture at facebook.com). An inline <head> script — the earliest a page can run — does
 * what an attacker would: dispatches a forged handshake MessageEvent synchronously with its own
 * port, posts a real one too, and listens (capture phase) for any message carrying a port.
 * Envoy's bridge must answer neither, and no port of Envoy's may reach the page; the fix must
 * still apply through the editor framework.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText, focusComposer, launchBrowser, openFixture, typeKeys, type LaunchedBrowser } from './harness';

const ATTACK = `<script>
  window.__attack = { replies: [], portsSeen: 0 };
  // 'mine' marks the page's own handshakes (the bridge's schema ignores extra fields).
  const handshake = { type: 'envoy:bridge-handshake', version: 1, mine: true };
  // Any other message with a port that reaches the page: Envoy's own handshake, if the bridge let it by.
  window.addEventListener('message', (e) => { if (e.ports && e.ports.length && !(e.data && e.data.mine)) window.__attack.portsSeen++; }, true);
  // 1. A forged, synchronous handshake: untrusted.
  const forged = new MessageChannel();
  forged.port1.onmessage = (e) => window.__attack.replies.push({ via: 'forged', data: e.data });
  window.dispatchEvent(new MessageEvent('message', { data: handshake, source: window, origin: location.origin, ports: [forged.port2] }));
  // 2. A real postMessage handshake: trusted, but queued after Envoy's.
  const posted = new MessageChannel();
  posted.port1.onmessage = (e) => window.__attack.replies.push({ via: 'posted', data: e.data });
  window.postMessage(handshake, location.origin, [posted.port2]);
  for (const port of [forged.port1, posted.port1]) port.postMessage({ id: 1, op: 'ping' });
</script>`;

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser({ extension: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('bridge handshake', () => {
  it('an inline head script cannot take the bridge or see Envoy’s port; fixes still apply', async () => {
    // The facebook fixture with the attacker's script first in <head>.
    const page = await openFixture(browser.context, 'facebook', { transformHtml: (html) => html.replace('<head>', `<head>${ATTACK}`) });
    try {
      await focusComposer(page, 'facebook');
      await typeKeys(page, 'We thank the people of Swaziland for their welcome');
      const apply = page.locator('diplomacy-assistant').getByRole('button', { name: /^Apply “Eswatini”/ });
      await apply.waitFor({ timeout: 10_000 });
      await apply.click();
      await expect.poll(() => fixtureText(page), { timeout: 5000 }).toBe('We thank the people of Eswatini for their welcome');
      const attack = await page.evaluate(() => (window as unknown as { __attack: { replies: unknown[]; portsSeen: number } }).__attack);
      expect(attack.replies).toEqual([]);
      expect(attack.portsSeen).toBe(0);
    } finally {
      await page.close();
    }
  });
});

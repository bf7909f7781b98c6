/**
 * A page cannot detect Envoy by its extension id (real Chromium, built extension, fixture at
 * mastodon.social). The page does what a fingerprinting script does:
 * - an inline <head> script records every window message and listens for WXT's
 *   content-script-started event under Envoy's (public, fixed) id;
 * - it fetches `chrome-extension://<id>/<file>` for EVERY file of the build;
 * - it reads the DOM, including Envoy's open shadow roots, looking for the id.
 * None of it may find Envoy's id. The Khmer font stays usable through its per-session dynamic URL.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, focusComposer, launchBrowser, openFixture, typeKeys, type LaunchedBrowser } from './harness';

let browser: LaunchedBrowser;
let id: string;

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

beforeAll(async () => {
  browser = await launchBrowser({ extension: true });
  id = browser.extensionId!;
});
afterAll(async () => {
  await browser?.close();
});

describe('no fingerprinting by extension id', () => {
  it('no message, event, DOM text or fetchable file gives Envoy’s id away', async () => {
    const watcher = `<script>
      window.__seen = { messages: [], started: 0 };
      window.addEventListener('message', (e) => {
        let data; try { data = JSON.stringify(e.data); } catch { data = String(e.data); }
        window.__seen.messages.push(data);
      }, true);
      document.addEventListener(${JSON.stringify(`${id}:content:wxt:content-script-started`)}, () => window.__seen.started++, true);
    </script>`;
    const page = await openFixture(browser.context, 'mastodon', { transformHtml: (html) => html.replace('<head>', `<head>${watcher}`) });
    try {
      await focusComposer(page, 'mastodon');
      await typeKeys(page, 'សូមអរគុណ We thank the people of Swaziland');
      await page.locator('diplomacy-assistant [data-rule]').first().waitFor({ timeout: 10_000 });

      const seen = await page.evaluate(() => (window as unknown as { __seen: { messages: string[]; started: number } }).__seen);
      expect(seen.messages.filter((m) => m.includes(id) || m.includes('wxt'))).toEqual([]);
      expect(seen.started).toBe(0);

      // Everything a page script can read: the document and every open shadow root.
      const text = await page.evaluate(() => {
        const parts = [document.documentElement.outerHTML];
        for (const el of document.querySelectorAll('*')) if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
        return parts.join('\n');
      });
      expect(text).toContain('diplomacy-assistant'); // the panel is there…
      // …without Envoy's id (leaving out this test's own watcher script, which names it).
      expect(text.replace(/<script>[\s\S]*?<\/script>/g, '')).not.toContain(id);

      // Every file of the build, by the fixed id, from the page: all refused.
      const files = filesUnder(EXTENSION_DIR);
      expect(files.length).toBeGreaterThan(10);
      expect(files).toEqual(expect.arrayContaining(['manifest.json', 'fonts/noto-sans-khmer-khmer-400-normal.woff2', 'content-scripts/content.css']));
      const fetched = await page.evaluate(
        async ({ base, paths }) => {
          const ok: string[] = [];
          await Promise.all(
            paths.map(async (p) => {
              try {
                const r = await fetch(base + p);
                if (r.ok) ok.push(p);
              } catch {
                /* refused: what we want */
              }
            }),
          );
          return ok;
        },
        { base: `chrome-extension://${id}/`, paths: files },
      );
      expect(fetched).toEqual([]);

      // The panel's Khmer font still reaches the page: either declared with its per-session
      // dynamic URL (which loads, and carries no id), or added to document.fonts from its bytes.
      const fontUrls = [...text.matchAll(/url\(['"]?(chrome-extension:\/\/[^'")]+\.woff2)/g)].map((m) => m[1]!);
      for (const url of fontUrls) {
        expect(url).not.toContain(id);
        expect(await page.evaluate(async (u) => (await fetch(u)).status, url)).toBe(200);
      }
      const documentFont = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => /Khmer/.test(f.family) && f.status === 'loaded');
      });
      expect(fontUrls.length > 0 || documentFont).toBe(true);
    } finally {
      await page.close();
    }
  });
});

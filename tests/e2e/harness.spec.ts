/**
 * Harness self-tests: network isolation, fixture routing at real URLs, and extension loading
 * (with a throwaway MV3 extension, so this does not depend on `wxt build`). One browser at a time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, openFixture, type LaunchedBrowser } from './harness';

let current: LaunchedBrowser | undefined;
afterAll(async () => {
  await current?.close();
});

describe('harness', () => {
  it('blocks every request that is not a fixture route', async () => {
    current = await launchBrowser();
    const page = await openFixture(current.context, 'mastodon');
    const external = await page.evaluate(async () => {
      try {
        await fetch('https://mastodon.social/api/v2/instance');
        return 'reached';
      } catch {
        return 'blocked';
      }
    });
    expect(external).toBe('blocked');
    const script = await page.evaluate(async () => (await fetch('/__envoy_fixture__/mastodon.js')).status);
    expect(script).toBe(200);
    // A fixture that was not served on this context is not reachable either.
    const other = await page.goto('https://x.com/home').catch((e: Error) => e);
    expect(other).toBeInstanceOf(Error);
    await current.close();
    current = undefined;
  });

  it('applies the locale option to the browser and page', async () => {
    current = await launchBrowser({ locale: 'km' });
    const page = await openFixture(current.context, 'telegram');
    expect(await page.evaluate(() => navigator.language)).toBe('km');
    await current.close();
    current = undefined;
  });

  it('loads an unpacked extension, reports its id, and content scripts inject on fixture URLs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'envoy-e2e-ext-'));
    try {
      await writeFile(
        path.join(dir, 'manifest.json'),
        JSON.stringify({
          manifest_version: 3,
          name: 'envoy-harness-probe',
          version: '0.0.1',
          background: { service_worker: 'sw.js' },
          content_scripts: [
            { matches: ['https://x.com/*', 'https://www.linkedin.com/*'], js: ['cs.js'], run_at: 'document_idle' },
          ],
        }),
      );
      await writeFile(path.join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
      await writeFile(path.join(dir, 'cs.js'), 'document.documentElement.dataset.probe = location.href;');
      current = await launchBrowser({ extension: dir });
      expect(current.extensionId).toMatch(/^[a-p]{32}$/);
      const page = await openFixture(current.context, 'x');
      await page.waitForFunction(() => document.documentElement.dataset.probe !== undefined);
      expect(await page.evaluate(() => document.documentElement.dataset.probe)).toBe('https://x.com/home');
    } finally {
      await current?.close();
      current = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

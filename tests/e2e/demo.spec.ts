/**
 * `npm run demo`'s launcher (scripts/demo-launcher.mjs), headless: the demo composers are served
 * at their real platform addresses with nothing from the network, and Envoy's panel comes up in
 * the X and Facebook composers as it would on the live sites.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDemo } from '../../scripts/demo-launcher.mjs';
import { composerLocator, EXTENSION_DIR } from './harness';

let demo: Awaited<ReturnType<typeof launchDemo>> | undefined;
let profileDir: string;

beforeAll(async () => {
  profileDir = await mkdtemp(path.join(os.tmpdir(), 'envoy-demo-profile-'));
  demo = await launchDemo({ profileDir, headless: true, fixtures: ['x', 'facebook'], extensionDir: EXTENSION_DIR });
});

afterAll(async () => {
  await demo?.close();
  await rm(profileDir, { recursive: true, force: true });
});

describe('npm run demo launcher', () => {
  it('serves the X composer at https://x.com/home with Envoy’s panel on it', async () => {
    const page = demo!.pages.x!;
    expect(page.url()).toBe('https://x.com/home');
    await page.waitForFunction(() => (window as unknown as { __fixture?: unknown }).__fixture !== undefined, undefined, { timeout: 10_000 });
    await composerLocator(page, 'x').click();
    await page.keyboard.type('We thank Swaziland for its support.');
    const host = page.locator('diplomacy-assistant').first();
    await host.waitFor({ state: 'attached', timeout: 10_000 });
    // The panel is Envoy's: it found the outdated state name in the draft.
    await host.locator('[data-rule]', { hasText: /Eswatini|Swaziland/ }).first().waitFor({ state: 'attached', timeout: 10_000 });
  });

  it('serves Facebook at its address too, and refuses everything else (offline)', async () => {
    expect(demo!.pages.facebook!.url()).toBe('https://www.facebook.com/');
    const page = demo!.pages.facebook!;
    const status = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return 'reached';
      } catch {
        return 'refused';
      }
    });
    expect(status).toBe('refused');
  });
});

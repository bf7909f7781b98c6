/**
 * Organisation policy from the first second, in real Chromium with the built extension and a real
 * managed-policy file (Chromium's policy directory, see harness `policyDir`), on a fresh profile
 * that has never seen policy.
 *
 * Chrome answers `storage.managed` only once its policy service is up (about two seconds after
 * start). A post on X submitted right after the browser starts must still be held by
 * `checklistMode: "hold"`: Envoy holds while the policy is unknown (showing "Checking your
 * organisation's settings…") and keeps holding once the answer says `hold`.
 *
 * A translation server named by policy works for a user who granted nothing: the shipped build
 * (no host permission for loopback) translates through a REAL Apertium APy on loopback
 * (tests/e2e/apertium-server.ts), which allows cross-origin requests, and inserts the Spanish text
 * through the editor framework.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startApertium, type ApertiumServer } from './apertium-server';
import { chooseOption, fixtureSubmissions, fixtureText, launchBrowser, openFixture, submitLocator, typeInto, waitForText, type LaunchedBrowser } from './harness';

const EXTENSION_ID = 'flpjphmmfddifhomkenoglmoblchdlla';
const HOST = 'diplomacy-assistant[data-platform]';

let dir: string | undefined;
let browser: LaunchedBrowser | undefined;

async function policyDir(policy: Record<string, unknown>): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'envoy-policy-'));
  await writeFile(path.join(dir, 'envoy.json'), JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
  return dir;
}

afterEach(async () => {
  await browser?.close();
  browser = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

afterAll(async () => {
  await browser?.close();
});

describe('policy from the first second (fresh profile, managed policy file)', () => {
  it('holds a post on X submitted right after browser start', async () => {
    const policy = await policyDir({ checklistMode: 'hold' });
    const started = Date.now();
    browser = await launchBrowser({ extension: true, policyDir: policy });
    const launchedMs = Date.now() - started;
    const page = await openFixture(browser.context, 'x');
    const draft = 'Meeting with partners today.';
    await typeInto(page, 'x', draft);
    await waitForText(page, draft);
    const submit = submitLocator(page, 'x');
    await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true', await submit.elementHandle());
    await submit.click();
    const clickedAfterMs = Date.now() - started;
    // Whether Envoy still waited for the policy service when the post was held.
    const pendingAtClick = await page.locator(`${HOST} [data-policy-pending]`).count();

    await page.locator(`${HOST} [data-post-held]`).waitFor({ timeout: 5_000 });
    expect(await fixtureSubmissions(page)).toEqual([]);
    // Once the policy is known the post stays held (hold by policy), the waiting note goes away,
    // and pressing Post again is held too.
    await page.locator(`${HOST} [data-policy-pending]`).waitFor({ state: 'detached', timeout: 15_000 });
    console.log(
      `[policy e2e] browser up (service worker) after ${launchedMs} ms; Post clicked after ${clickedAfterMs} ms; ` +
        `policy still unknown then: ${pendingAtClick > 0}; known after ${Date.now() - started} ms`,
    );
    expect(await page.locator(`${HOST} [data-post-held]`).count()).toBe(1);
    await submit.click();
    await page.waitForTimeout(300);
    expect(await fixtureSubmissions(page)).toEqual([]);
    expect(await page.locator(`${HOST} [data-post-held]`).count()).toBe(1);
  });
});

describe('translation server named by policy, no host permission granted', () => {
  let apy: ApertiumServer | undefined;
  afterAll(async () => {
    await apy?.stop();
  });

  it('previews and inserts a Spanish translation through the policy-named Apertium server', async () => {
    apy = await startApertium();
    // APy allows any origin: what lets the extension reach it without a host permission.
    const probe = await fetch(`${apy.endpoint}/listPairs`, { headers: { Origin: 'chrome-extension://flpjphmmfddifhomkenoglmoblchdlla' } });
    expect(probe.headers.get('access-control-allow-origin')).toBe('*');

    browser = await launchBrowser({
      extension: true,
      policyDir: await policyDir({
        allowCloudTranslation: false,
        translationProviders: [{ type: 'apertium', endpoint: apy.endpoint, label: 'Ministry translation server' }],
      }),
    });
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const granted = await ext.evaluate(() =>
      (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).chrome.permissions.getAll(),
    );
    expect((granted.origins ?? []).filter((o) => o.includes('127.0.0.1') || o.startsWith('http://*') || o === '<all_urls>')).toEqual([]);
    // This test is about reaching the server without a permission, not about the first seconds
    // (the test above): let Chrome's policy service deliver the policy first.
    await expect
      .poll(
        () =>
          ext.evaluate(async () => {
            const managed = (globalThis as unknown as { chrome: { storage: { managed: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.managed;
            return Array.isArray((await managed.get('translationProviders')).translationProviders);
          }),
        { timeout: 20_000 },
      )
      .toBe(true);
    await ext.close();

    const page = await openFixture(browser.context, 'mastodon');
    const draft = 'Thank you for the meeting today.';
    await typeInto(page, 'mastodon', draft);
    await waitForText(page, draft);
    await page.getByRole('button', { name: 'Translate', exact: true }).click();
    await chooseOption(page.getByLabel('Target language'), 'es');
    const preview = page.locator('[data-translation-preview]');
    await page.locator('[data-translation-preview], [data-translation-error]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-translation-error]').allTextContents()).toEqual([]);
    const spanish = ((await preview.textContent()) ?? '').trim();
    expect(spanish).toMatch(/Gracias/);
    expect(await page.locator('[data-translation-result]').getAttribute('data-privacy')).toBe('self-hosted');
    expect(await page.locator('[data-translation-error]').count()).toBe(0);

    await page.getByRole('button', { name: 'Insert below' }).click();
    await expect.poll(() => fixtureText(page), { timeout: 5_000 }).toContain(spanish);
    expect(await fixtureText(page)).toMatch(new RegExp(`^${draft.replace('.', '\\.')}\\s+Gracias`));
  });
});

/**
 * Organisation policy from the first second, in real Chromium with the built extension and a real
 * managed-policy file (Chromium's policy directory, see harness `policyDir`), on a fresh profile
 * that has never seen policy.
 *
 * Chrome answers `storage.managed` only once its policy service is up (about two seconds after
 * start). A post on X submitted right after the browser starts must still be held by
 * `checklistMode: "hold"`: Envoy holds while the policy is unknown (showing "Checking your
 * organisation's settings…") and keeps holding once the answer says `hold`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fixtureSubmissions, launchBrowser, openFixture, submitLocator, typeInto, waitForText, type LaunchedBrowser } from './harness';

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
    await page.locator(`${HOST} [data-policy-pending]`).waitFor({ state: 'detached', timeout: 8_000 });
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

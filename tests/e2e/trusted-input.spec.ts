/**
 * A hostile page cannot drive Envoy's in-page UI (real Chromium, built extension, Lexical fixture
 * at facebook.com). The panel's shadow root is open (a public hook), so a page script can find
 * every control; it clicks them all with `element.click()` and changes the selects with a
 * dispatched `change` event, exactly as an attacker would. Nothing happens: no fix applied, no
 * finding ignored, Translate not opened, no text sent to the cloud service, nothing written, no
 * checklist item ticked, no post released. The same controls work with the user's real input
 * (Playwright clicks, which Chromium marks trusted).
 *
 * The cloud service is DeepL's Free API host, routed to a stand-in inside the test browser so the
 * test sees every request the background sends there. The extension copy lists that host as
 * granted (what "Allow access" in Settings leaves behind; headless Chromium cannot answer the
 * permission prompt).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  fixtureSubmissions,
  fixtureText,
  focusComposer,
  launchBrowser,
  openFixture,
  submitViaUi,
  typeKeys,
  type LaunchedBrowser,
} from './harness';

const HOST = 'diplomacy-assistant[data-platform]';
const DRAFT = 'We thank the people of Swaziland for their welcome';
const FIXED = 'We thank the people of Eswatini for their welcome';
const FRENCH = 'Nous remercions le peuple d’Eswatini pour son accueil';
const DEEPL = 'api-free.deepl.com';

let browser: LaunchedBrowser;
let extensionCopy: string;
const deeplRequests: string[] = [];

function extensionWithDeepLGranted(): string {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the extension first: npx wxt build');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envoy-ext-trusted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, `https://${DEEPL}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

beforeAll(async () => {
  extensionCopy = extensionWithDeepLGranted();
  browser = await launchBrowser({ extension: extensionCopy });
  // Registered after the harness's catch-all, so it wins for this host (service worker fetches too).
  await browser.context.route(`https://${DEEPL}/**`, async (route) => {
    deeplRequests.push(route.request().postData() ?? '');
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ translations: [{ text: FRENCH }] }) });
  });
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(async () => {
    const current = ((await chrome.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.sync.set({
      settings: {
        ...current,
        version: 1,
        checklistMode: 'hold',
        targetLanguage: 'fr',
        allowCloudTranslation: true,
        translationProviders: [{ type: 'deepl', apiKey: 'test-key:fx', label: 'DeepL' }],
      },
    });
  });
  await page.close();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
});

/**
 * What a hostile page script does: finds every control in Envoy's open shadow roots and presses
 * it (`click()` on buttons and checkboxes, a dispatched `change` on selects). Runs in the page's
 * own JavaScript world. Returns how many controls it pressed.
 */
function pageScriptPressesEverything(page: Page, only?: string): Promise<number> {
  return page.evaluate((filter) => {
    let pressed = 0;
    for (const host of document.querySelectorAll('diplomacy-assistant')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll<HTMLElement>('button, input, select, textarea')) {
        const name = el.getAttribute('aria-label') ?? el.textContent ?? '';
        if (filter && !name.includes(filter)) continue;
        if (el instanceof HTMLSelectElement) {
          const other = [...el.options].find((o) => o.value !== el.value);
          if (!other) continue;
          el.value = other.value;
          el.dispatchEvent(new Event('change', { bubbles: true }));
        } else if (el instanceof HTMLTextAreaElement) {
          el.value = 'typed by the page';
          el.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
          el.click();
        }
        pressed++;
      }
    }
    return pressed;
  }, only);
}

const panel = (page: Page) => page.locator(HOST);
const applyButton = (page: Page) => panel(page).getByRole('button', { name: /^Apply “Eswatini”/ });
const findingCount = (page: Page) => panel(page).locator('[data-rule]').count();

describe('page scripts cannot drive the in-page UI; real input can', () => {
  it('fix, ignore, translate, cloud confirmation and writes: page clicks do nothing, real clicks work', async () => {
    const page = await openFixture(browser.context, 'facebook');
    try {
      await focusComposer(page, 'facebook');
      await typeKeys(page, DRAFT);
      await applyButton(page).waitFor({ timeout: 10_000 });
      const findingsBefore = await findingCount(page);
      expect(findingsBefore).toBeGreaterThan(0);

      // Every control, pressed by the page (twice: some only appear after another one acted).
      expect(await pageScriptPressesEverything(page)).toBeGreaterThan(5);
      await page.waitForTimeout(500);
      await pageScriptPressesEverything(page);
      await page.waitForTimeout(1000);
      expect(await fixtureText(page)).toBe(DRAFT);
      expect(await findingCount(page)).toBe(findingsBefore);
      expect(await panel(page).getByLabel('Target language').count()).toBe(0);
      expect(await panel(page).locator('[data-checklist] input:checked').count()).toBe(
        await panel(page).locator('[data-checklist] [data-item][data-auto="pass"]').count(),
      );
      expect(deeplRequests).toEqual([]);

      // The user opens Translate: the cloud destination is shown and waits for confirmation.
      await panel(page).getByRole('button', { name: 'Translate', exact: true }).click();
      const confirm = panel(page).getByRole('button', { name: `Send to ${DEEPL}` });
      await confirm.waitFor({ timeout: 10_000 });
      // The page presses the confirmation (and everything else): nothing is sent.
      expect(await pageScriptPressesEverything(page, `Send to ${DEEPL}`)).toBe(1);
      await pageScriptPressesEverything(page);
      await page.waitForTimeout(1500);
      expect(deeplRequests).toEqual([]);
      expect(await panel(page).locator('[data-translation-preview]').count()).toBe(0);
      expect(await fixtureText(page)).toBe(DRAFT);

      // The user confirms: exactly one request, then the preview.
      await confirm.click();
      const preview = panel(page).locator('[data-translation-preview]');
      await preview.waitFor({ timeout: 10_000 });
      expect(deeplRequests).toHaveLength(1);
      expect(await preview.textContent()).toContain('Eswatini');

      // The page presses Insert below / Replace draft: the draft is untouched.
      expect(await pageScriptPressesEverything(page, 'Insert below')).toBe(1);
      expect(await pageScriptPressesEverything(page, 'Replace draft')).toBe(1);
      await page.waitForTimeout(1000);
      expect(await fixtureText(page)).toBe(DRAFT);
      expect(deeplRequests).toHaveLength(1);

      // Real clicks: the fix applies, then "Ignore once" hides a finding.
      await applyButton(page).click();
      await expect.poll(() => fixtureText(page), { timeout: 5000 }).toBe(FIXED);
      await panel(page).getByRole('button', { name: 'Replace draft' }).click();
      await expect.poll(() => panel(page).locator('[data-translation-notice]').getAttribute('data-translation-notice'), { timeout: 5000 }).toBe('stale');
    } finally {
      await page.close();
    }
  });

  it('checklist: page scripts cannot tick items, post now, post anyway or keep editing; the user can', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    try {
      const draft = 'Good morning from the team';
      await focusComposer(page, 'mastodon');
      await typeKeys(page, draft);
      const checklist = panel(page).locator('[data-checklist]');
      await checklist.waitFor({ state: 'visible', timeout: 10_000 });
      await expect.poll(() => checklist.locator('[data-item="no-errors"]').getAttribute('data-auto'), { timeout: 5000 }).toBe('pass');
      const ticked = () => checklist.locator('input:checked').count();
      const tickedBefore = await ticked();

      await pageScriptPressesEverything(page);
      await page.waitForTimeout(500);
      expect(await ticked()).toBe(tickedBefore);

      // The user's post is held; the page presses every control of the held banner.
      await submitViaUi(page, 'mastodon');
      const held = panel(page).locator('[data-post-held]');
      await held.waitFor({ timeout: 5000 });
      await pageScriptPressesEverything(page, 'Post anyway');
      await page.waitForTimeout(300);
      expect(await held.getByLabel('Reason for posting anyway').count()).toBe(0);
      await pageScriptPressesEverything(page, 'Keep editing');
      await pageScriptPressesEverything(page);
      await page.waitForTimeout(800);
      expect(await held.count()).toBe(1);
      expect(await fixtureSubmissions(page)).toEqual([]);
      expect(await ticked()).toBe(tickedBefore);

      // The user overrides with a reason; the page's press on "Confirm and post" does nothing.
      await held.getByRole('button', { name: 'Post anyway…' }).click();
      await held.getByLabel('Reason for posting anyway').fill('Cleared by the ambassador by phone');
      expect(await pageScriptPressesEverything(page, 'Confirm and post')).toBe(1);
      await page.waitForTimeout(800);
      expect(await fixtureSubmissions(page)).toEqual([]);
      await held.getByRole('button', { name: 'Confirm and post' }).click();
      await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([draft]);

      // A real click ticks an item.
      await focusComposer(page, 'mastodon');
      await typeKeys(page, draft);
      await expect.poll(() => checklist.locator('[data-item="no-errors"]').getAttribute('data-auto'), { timeout: 5000 }).toBe('pass');
      const before = await ticked();
      await checklist.locator('input[type=checkbox][data-required]:not(:checked)').first().check();
      expect(await ticked()).toBe(before + 1);
    } finally {
      await page.close();
    }
  });
});

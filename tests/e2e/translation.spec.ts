/**
 * Translation end to end in real Chromium with the built extension and a REAL Apertium APy server
 * started by this test run on loopback (tests/e2e/apertium-server.ts; eng→spa pair).
 *
 * Chain under test: fixture composer (real editor framework at the real URL) → Envoy panel
 * `Translate` → `Target language` = es → background service worker (envoy:translate-plan /
 * envoy:translate) → Chrome's on-device translator through the offscreen document (reports the
 * pack as not downloaded here, so it is skipped with a warning) → Apertium over HTTP →
 * `[data-translation-preview]` → `Insert below` / `Replace draft` → the editor modules →
 * `window.__fixture.getText()` (the framework's own model).
 *
 * Host permission: Envoy asks for a translation server's host when it is added in Settings, from
 * the click. Chromium's permission prompt cannot be answered in headless mode, so this suite loads
 * a copy of the build whose manifest lists `http://127.0.0.1/*` as a granted host, the state after
 * the user allowed it. Settings are written to storage.sync as the options page would.
 *
 * Needs: `npx wxt build && node scripts/build-fixtures.mjs`, Chromium, `apertium-apy` +
 * `apertium-eng-spa`.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApertium, type ApertiumServer } from './apertium-server';
import { chooseOption, extensionWithLoopbackGranted, fixtureText, launchBrowser, openFixture, typeInto, waitForText, type FixtureName, type LaunchedBrowser } from './harness';

const MENTION = '@UNESCO';
const HASHTAG = '#WorldHeritage';
const URL_ = 'https://whc.unesco.org/en/list/668';
const DRAFT = `Thank you ${MENTION} for the meeting today about ${HASHTAG}. Read the report at ${URL_}`;
const SEPARATOR = '\n\n';

let apy: ApertiumServer;
let browser: LaunchedBrowser;
let extensionCopy: string;
const latencies: Array<{ platform: string; uiMs: number; serviceMs: number }> = [];

async function configure(providers: unknown[]): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(async (translationProviders) => {
    const c = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } } }).chrome;
    const current = ((await c.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
    await c.storage.sync.set({
      settings: { ...current, version: 1, translationProviders, allowCloudTranslation: false, targetLanguage: 'km', bilingualSeparator: '\n\n' },
    });
  }, providers);
  await page.close();
}

beforeAll(async () => {
  apy = await startApertium();
}, 60_000);

afterAll(async () => {
  await apy?.stop();
  if (latencies.length) console.log('[translation e2e] latency (ms):', JSON.stringify(latencies));
});

/** Types the draft, opens Translate and chooses Spanish; returns the preview text. */
async function translateToSpanish(page: Page, platform: FixtureName): Promise<string> {
  await typeInto(page, platform, DRAFT);
  await waitForText(page, DRAFT);
  const translate = page.getByRole('button', { name: 'Translate', exact: true });
  await translate.waitFor({ timeout: 10_000 });
  await translate.click();
  const target = page.getByLabel('Target language');
  await target.waitFor();
  const started = Date.now();
  await chooseOption(target, 'es');
  const preview = page.locator('[data-translation-preview]');
  await preview.waitFor({ timeout: 20_000 });
  const uiMs = Date.now() - started;
  const serviceMs = Number(await page.locator('[data-translation-result]').getAttribute('data-elapsed-ms'));
  latencies.push({ platform, uiMs, serviceMs });
  return (await preview.textContent()) ?? '';
}

function expectSpanishWithSpans(text: string): void {
  expect(text).toContain(MENTION);
  expect(text).toContain(HASHTAG);
  expect(text).toContain(URL_);
  expect(text).toMatch(/Gracias/);
  expect(text).toMatch(/reunión|informe/);
  expect(text).not.toContain('Thank you');
}

describe('translation with a real Apertium server', () => {
  beforeAll(async () => {
    extensionCopy = await extensionWithLoopbackGranted();
    browser = await launchBrowser({ extension: extensionCopy });
    // On-device first (as shipped), then the organisation's Apertium server.
    await configure([{ type: 'chrome' }, { type: 'apertium', endpoint: apy.endpoint, label: 'Ministry Apertium' }]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
  });

  for (const platform of ['mastodon', 'facebook', 'x', 'linkedin', 'bluesky', 'telegram'] as const) {
    it(`${platform}: shows where the text goes, previews Spanish with spans verbatim, inserts it below`, async () => {
      const page = await openFixture(browser.context, platform);
      try {
        const preview = await translateToSpanish(page, platform);
        expectSpanishWithSpans(preview);
        // The destination was named on screen: the organisation's server, by host.
        const via = page.locator('[data-translation-result] [data-translation-destination]');
        expect(await via.getAttribute('data-translation-destination')).toBe('self-hosted');
        expect(await via.textContent()).toContain(new URL(apy.endpoint).host);
        // Chrome's on-device pack is not downloaded in the test profile: skipped, said so.
        expect(await page.locator('[data-translation-result]').getAttribute('data-provider')).toMatch(/^apertium:/);
        if (platform === 'mastodon') {
          const warnings = await page.locator('[data-translation-warnings] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-warning')));
          console.log(`[translation e2e] preview: ${JSON.stringify(preview)} warnings: ${JSON.stringify(warnings)}`);
        }

        const counter = page.locator('diplomacy-assistant [data-counter]').first();
        const countBefore = Number(await counter.getAttribute('data-count'));
        await page.getByRole('button', { name: 'Insert below' }).click();
        await waitForText(page, DRAFT + SEPARATOR + preview.trim(), 10_000);
        expect(await fixtureText(page)).toBe(DRAFT + SEPARATOR + preview.trim());
        await expect.poll(() => page.locator('[data-translation-notice]').getAttribute('data-translation-notice')).toBe('written');
        // The platform's count re-ran on the bilingual post.
        await expect.poll(async () => Number(await counter.getAttribute('data-count'))).toBeGreaterThan(countBefore + 40);
      } finally {
        await page.close();
      }
    });
  }

  it('facebook: Replace draft swaps the draft for the translation', async () => {
    const page = await openFixture(browser.context, 'facebook');
    try {
      const preview = await translateToSpanish(page, 'facebook');
      expectSpanishWithSpans(preview);
      await page.getByRole('button', { name: 'Replace draft' }).click();
      await waitForText(page, preview, 10_000);
      expect(await fixtureText(page)).toBe(preview);
    } finally {
      await page.close();
    }
  });

  it('mastodon: translates only the selected sentence and inserts it after the selection', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    try {
      const first = 'Good morning.';
      const second = `Thank you ${MENTION} for the meeting.`;
      const draft = `${first} ${second}`;
      await typeInto(page, 'mastodon', draft);
      await waitForText(page, draft);
      // Select the second sentence in the textarea.
      await page.evaluate(
        ({ start, end }) => {
          const ta = document.querySelector('textarea')!;
          ta.focus();
          ta.setSelectionRange(start, end);
        },
        { start: first.length + 1, end: draft.length },
      );
      await page.getByRole('button', { name: 'Translate', exact: true }).click();
      await chooseOption(page.getByLabel('Target language'), 'es');
      const preview = page.locator('[data-translation-preview]');
      await preview.waitFor({ timeout: 20_000 });
      const translated = ((await preview.textContent()) ?? '').trim();
      expect(translated).toContain(MENTION);
      expect(translated).not.toMatch(/Buenos/); // the first sentence was not part of it
      await page.getByRole('button', { name: 'Insert below' }).click();
      const expected = `${draft}${SEPARATOR}${translated}`;
      await waitForText(page, expected, 10_000);
    } finally {
      await page.close();
    }
  });

  it('x (Draft.js): translates the sentence selected with the keyboard', async () => {
    const page = await openFixture(browser.context, 'x');
    try {
      const first = 'Good morning.';
      const second = `Thank you ${MENTION} for the meeting.`;
      const draft = `${first} ${second}`;
      await typeInto(page, 'x', draft);
      await waitForText(page, draft);
      // Caret at the end; Shift+ArrowLeft over the second sentence (a real selection in the editor).
      for (let i = 0; i < second.length; i++) await page.keyboard.press('Shift+ArrowLeft');
      await page.getByRole('button', { name: 'Translate', exact: true }).click();
      await chooseOption(page.getByLabel('Target language'), 'es');
      const preview = page.locator('[data-translation-preview]');
      await preview.waitFor({ timeout: 20_000 });
      const translated = ((await preview.textContent()) ?? '').trim();
      expect(translated).toContain(MENTION);
      expect(translated).not.toMatch(/Buenos/);
      await page.getByRole('button', { name: 'Insert below' }).click();
      await waitForText(page, `${draft}${SEPARATOR}${translated}`, 10_000);
    } finally {
      await page.close();
    }
  });

  it('compose studio: both versions side by side, the edited translation goes into the draft', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/studio.html`);
      await page.getByLabel('Draft', { exact: true }).fill(DRAFT);
      await page.getByRole('button', { name: 'Translate', exact: true }).click();
      await chooseOption(page.getByLabel('Target language'), 'es');
      const preview = page.locator('textarea[data-translation-preview]');
      await preview.waitFor({ timeout: 20_000 });
      const translated = await preview.inputValue();
      expectSpanishWithSpans(translated);
      const edited = `${translated} ¡Saludos!`;
      await preview.fill(edited);
      await page.getByRole('button', { name: 'Insert below' }).click();
      await expect.poll(() => page.getByLabel('Draft', { exact: true }).inputValue()).toBe(`${DRAFT}${SEPARATOR}${edited}`);
    } finally {
      await page.close();
    }
  });

  // Last: stops the server.
  it('unreachable server: the error is shown and the draft is untouched', async () => {
    await apy.stop();
    const page = await openFixture(browser.context, 'mastodon');
    try {
      await typeInto(page, 'mastodon', DRAFT);
      await waitForText(page, DRAFT);
      await page.getByRole('button', { name: 'Translate', exact: true }).click();
      await chooseOption(page.getByLabel('Target language'), 'es');
      const alert = page.locator('[data-translation-error="unreachable"]');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.textContent()).toMatch(/could not be reached/);
      expect(await page.locator('[data-translation-preview]').count()).toBe(0);
      expect(await fixtureText(page)).toBe(DRAFT);
    } finally {
      await page.close();
    }
  });
});

describe('without the host permission (the build as shipped)', () => {
  beforeAll(async () => {
    browser = await launchBrowser({ extension: true });
    await configure([{ type: 'apertium', endpoint: 'http://127.0.0.1:9', label: 'Ministry Apertium' }]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('names the host and where to allow it; nothing is sent, the draft is untouched', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    try {
      await typeInto(page, 'mastodon', DRAFT);
      await waitForText(page, DRAFT);
      await page.getByRole('button', { name: 'Translate', exact: true }).click();
      await chooseOption(page.getByLabel('Target language'), 'es');
      const alert = page.locator('[data-translation-error="permission"]');
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.textContent()).toContain('Envoy needs permission to reach 127.0.0.1: open Settings → Translation.');
      expect(await fixtureText(page)).toBe(DRAFT);
    } finally {
      await page.close();
    }
  });
});

/**
 * Foundation plumbing in real Chromium with the built extension: it loads with
 * its fixed id, the content script finds each platform's composer (built with
 * the real editor framework at the real URL), the MAIN-world bridge answers,
 * the extension pages render, and settings changed in one context reach a
 * content script without a reload.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  composerLocator,
  fixtureText,
  focusComposer,
  launchBrowser,
  openFixture,
  typeKeys,
  type FixtureName,
  type LaunchedBrowser,
} from './harness';

const EXTENSION_ID = 'flpjphmmfddifhomkenoglmoblchdlla';

let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchBrowser({ extension: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Attributes of Envoy's shadow host for the focused composer, once it is mounted. */
async function assistantHost(page: Page) {
  const host = page.locator('diplomacy-assistant').first();
  await host.waitFor({ state: 'attached', timeout: 10_000 });
  return host;
}

async function extensionPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

describe('extension identity', () => {
  it('loads with the id fixed by the manifest key', () => {
    expect(browser.extensionId).toBe(EXTENSION_ID);
  });

  it('ships no core-js polyfill (twitter-text imports them; the build drops them, see wxt.config.ts)', () => {
    const scripts = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    // The background counts with twitter-text: it must be among the files read.
    expect(scripts).toContain('background.js');
    const polyfilled = scripts.filter((f) => readFileSync(path.join(EXTENSION_DIR, f), 'utf8').includes('__core-js_shared__'));
    expect(polyfilled).toEqual([]);
  });
});

const cases: Array<{ name: FixtureName; editor: string; bridge: string; platform?: string; search?: string }> = [
  { name: 'x', editor: 'draft', bridge: 'draft' },
  { name: 'facebook', editor: 'lexical', bridge: 'lexical' },
  { name: 'linkedin', editor: 'quill1', bridge: 'quill1' },
  { name: 'bluesky', editor: 'prosemirror', bridge: 'tiptap' },
  { name: 'mastodon', editor: 'textarea', bridge: 'none' },
  { name: 'telegram', editor: 'contenteditable', bridge: 'none' },
  { name: 'youtube', editor: 'contenteditable', bridge: 'none' },
  { name: 'reddit', editor: 'lexical', bridge: 'lexical' },
  // Reddit's submit page: Lexical body, Post button inside a web component's shadow root.
  { name: 'reddit-submit', platform: 'reddit', editor: 'lexical', bridge: 'lexical' },
  // Quill 1 in a shadow root inside another shadow root: the MAIN-world bridge still finds it.
  { name: 'linkedin', search: '?nested=1', editor: 'quill1', bridge: 'quill1' },
];

describe('content script finds the composer on each platform', () => {
  for (const { name, editor, bridge, platform, search } of cases) {
    it(`${name}${search ?? ''}: mounts the assistant for the ${editor} composer, bridge sees ${bridge}`, async () => {
      const page = await openFixture(browser.context, name, { search });
      try {
        // Nothing is mounted before a composer takes focus (no work on idle timelines).
        expect(await page.locator('diplomacy-assistant').count()).toBe(0);
        await focusComposer(page, name);
        await typeKeys(page, 'Hello');
        const host = await assistantHost(page);
        expect(await host.getAttribute('data-platform')).toBe(platform ?? name);
        expect(await host.getAttribute('data-editor')).toBe(editor);
        // Open shadow root with the counter hook inside.
        const count = () =>
          page.evaluate(() =>
            document.querySelector('diplomacy-assistant')?.shadowRoot?.querySelector('[data-counter]')?.getAttribute('data-count'),
          );
        await expect.poll(count, { timeout: 5000 }).toBe('5');
        await expect.poll(() => host.getAttribute('data-bridge'), { timeout: 5000 }).toBe(bridge);
        // The editor's own model still has exactly what was typed.
        expect(await fixtureText(page)).toBe('Hello');
      } finally {
        await page.close();
      }
    });
  }
});

describe('extension pages render', () => {
  it('popup has the guideline search box and account switch', async () => {
    const page = await extensionPage('popup.html');
    await expect.poll(() => page.getByLabel('Search guidelines').count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Official account' }).isChecked()).toBe(true);
    await page.close();
  });

  it('options page renders the settings form', async () => {
    const page = await extensionPage('options.html');
    await page.getByRole('heading', { name: 'Envoy settings' }).waitFor();
    expect(await page.getByLabel('Interface language').count()).toBe(1);
    await page.close();
  });

  it('compose studio renders a draft box and per-platform counters', async () => {
    const page = await extensionPage('studio.html');
    await page.getByLabel('Draft').fill('សួស្តី Hello');
    const xCount = page.locator('[data-platform-counter="x"] [data-counter]');
    // X counts Khmer double: 6 Khmer code points × 2 + " Hello" (6) = 18.
    await expect.poll(() => xCount.getAttribute('data-count')).toBe('18');
    await page.close();
  });
});

describe('settings reach content scripts live', () => {
  it('account type chosen in the popup shows up in the open composer session', async () => {
    const page = await openFixture(browser.context, 'facebook');
    await focusComposer(page, 'facebook');
    const host = await assistantHost(page);
    expect(await host.getAttribute('data-account')).toBe('official');

    const popup = await extensionPage('popup.html');
    await popup.getByRole('radio', { name: 'Personal account' }).check();
    await expect.poll(() => host.getAttribute('data-account'), { timeout: 5000 }).toBe('personal');
    await popup.getByRole('radio', { name: 'Official account' }).check();
    await expect.poll(() => host.getAttribute('data-account'), { timeout: 5000 }).toBe('official');
    await popup.close();
    await page.close();
  });

  it('switching a platform off in options removes the assistant without a reload, and back on restores it', async () => {
    const page = await openFixture(browser.context, 'x');
    await focusComposer(page, 'x');
    await assistantHost(page);

    const options = await extensionPage('options.html');
    const xBox = options.getByRole('checkbox', { name: 'X', exact: true });
    await xBox.uncheck();
    await expect.poll(() => page.locator('diplomacy-assistant').count(), { timeout: 5000 }).toBe(0);

    // Focus elsewhere and back: still off.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await focusComposer(page, 'x');
    await page.waitForTimeout(300);
    expect(await page.locator('diplomacy-assistant').count()).toBe(0);

    await xBox.check();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await composerLocator(page, 'x').click();
    await assistantHost(page);
    await options.close();
    await page.close();
  });
});

describe('guideline checks reach the page', () => {
  it('a flagged draft shows findings with the contract hooks; a clean draft shows none', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    await focusComposer(page, 'mastodon');
    await typeKeys(page, 'Cable marked TOP SECRET about the visit to Swaziland.');
    const host = await assistantHost(page);
    const rules = () =>
      page.evaluate(() =>
        [...(document.querySelector('diplomacy-assistant')?.shadowRoot?.querySelectorAll('[data-rule]') ?? [])].map(
          (el) => `${el.getAttribute('data-rule')}:${el.getAttribute('data-severity')}`,
        ),
      );
    await expect.poll(async () => (await rules()).some((r) => r.endsWith(':error')), { timeout: 5000 }).toBe(true);
    const found = await rules();
    expect(found.some((r) => r.startsWith('security.'))).toBe(true);
    expect(await host.getAttribute('data-platform')).toBe('mastodon');

    await page.keyboard.press('Control+A');
    await typeKeys(page, 'We welcome the delegation to Phnom Penh.');
    await expect.poll(rules, { timeout: 5000 }).toEqual([]);
    await page.close();
  });
});

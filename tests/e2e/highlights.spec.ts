/**
 * Finding ranges are underlined without touching the editor's DOM: the CSS
 * Custom Highlight API for composers in the main document, positioned boxes
 * (textareas through a mirror element; shadow-root composers) otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { composerLocator, fixtureText, focusComposer, launchBrowser, openFixture, typeKeys, type LaunchedBrowser } from './harness';

const DRAFT = 'Cable marked TOP SECRET. Mr. Hun Sen met the ambassador of Swaziland today!';
let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchBrowser({ extension: true });
});
afterAll(async () => {
  await browser?.close();
});

async function mode(page: Page) {
  const host = page.locator('diplomacy-assistant').first();
  await host.waitFor({ state: 'attached' });
  return host.getAttribute('data-highlights');
}

function boxes(page: Page) {
  return page.evaluate(() =>
    [...(document.querySelector('diplomacy-assistant')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-highlight]') ?? [])].map((b) => {
      const r = b.getBoundingClientRect();
      return { rule: b.getAttribute('data-highlight'), severity: b.getAttribute('data-severity'), left: r.left, top: r.top, width: r.width };
    }),
  );
}

describe('highlights', () => {
  it('Lexical in the main document: Custom Highlight API ranges cover exactly the flagged text, DOM untouched', async () => {
    const page = await openFixture(browser.context, 'facebook');
    await focusComposer(page, 'facebook');
    await typeKeys(page, DRAFT);
    expect(await mode(page)).toBe('css-highlight-api');
    const read = () =>
      page.evaluate(() => {
        const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        return Object.fromEntries([...reg.entries()].map(([k, v]) => [k, [...v].map((r) => r.toString())]));
      });
    // The first spec of a fresh browser: the first highlight waits for the engine's cold start in the
    // background (packs validated and compiled, the patterns' literals worked out; ≈ 3.5 s measured
    // here with the earlier pattern sets, up to 5 s on a loaded machine). This test checks the ranges,
    // not that latency.
    await expect.poll(read, { timeout: 10_000 }).toEqual({ 'envoy-error': ['TOP SECRET'], 'envoy-warning': ['Mr. Hun Sen', 'Swaziland'] });
    // No foreign nodes inside the editor, and the model is what was typed.
    expect(await composerLocator(page, 'facebook').locator('[data-highlight], diplomacy-assistant').count()).toBe(0);
    expect(await fixtureText(page)).toBe(DRAFT);
    // Fixing the text clears the highlight.
    await page.keyboard.press('Control+A');
    await typeKeys(page, 'Clean text about Eswatini.');
    await expect.poll(read, { timeout: 5000 }).toEqual({});
    await page.close();
  });

  it('textarea (Mastodon): boxes drawn under each flagged span from a mirror, following scroll', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    await page.setViewportSize({ width: 900, height: 400 });
    await page.evaluate(() => (document.body.style.minHeight = '2000px'));
    await focusComposer(page, 'mastodon');
    await typeKeys(page, DRAFT);
    expect(await mode(page)).toBe('boxes');
    await expect.poll(async () => (await boxes(page)).length, { timeout: 5000 }).toBe(3);
    const field = await composerLocator(page, 'mastodon').boundingBox();
    const before = await boxes(page);
    for (const b of before) {
      expect(b.left).toBeGreaterThanOrEqual(field!.x);
      expect(b.left + b.width).toBeLessThanOrEqual(field!.x + field!.width + 1);
      expect(b.top).toBeGreaterThan(field!.y);
      expect(b.top).toBeLessThan(field!.y + field!.height);
    }
    // "TOP SECRET" is left of "Mr. Hun Sen" on the first line.
    const error = before.find((b) => b.severity === 'error')!;
    expect(error.rule).toMatch(/^security\./);
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => (await boxes(page))[0]?.top, { timeout: 3000 }).toBeLessThan(before[0]!.top - 50);
    await page.close();
  });

  it('Quill inside LinkedIn’s shadow root: boxes from Range.getClientRects()', async () => {
    const page = await openFixture(browser.context, 'linkedin');
    await focusComposer(page, 'linkedin');
    await typeKeys(page, DRAFT);
    expect(await mode(page)).toBe('boxes');
    await expect.poll(async () => (await boxes(page)).map((b) => b.severity).sort(), { timeout: 5000 }).toEqual(['error', 'warning', 'warning']);
    await page.close();
  });
});

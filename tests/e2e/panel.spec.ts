/**
 * The in-page panel on the real-editor fixtures: the counter uses each
 * platform's own counting for Latin, Khmer and emoji drafts; "Ignore once"
 * hides one occurrence, "Ignore for this post" the rule; the panel is
 * reachable by keyboard, labelled, and does not take focus from the composer;
 * it is compact (counts by severity, one line per finding), minimises to a
 * badge beside the composer that is remembered per site, and shows the
 * first-run note until it is dismissed.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { composerLocator, focusComposer, launchBrowser, openFixture, submitLocator, typeKeys, type FixtureName, type LaunchedBrowser } from './harness';
import { envoyKhmerFaces, panelKhmerWidths } from './khmer-probe';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser({ extension: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Khmer fonts the system itself has (fontconfig), so the font test says what it proved on this machine. */
function systemKhmerFonts(): string {
  try {
    return execFileSync('fc-list', [':lang=km', 'family'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).join(', ');
  } catch {
    return 'unknown (no fc-list)';
  }
}

const counter = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('diplomacy-assistant')?.shadowRoot?.querySelector('[data-counter]');
    return el ? { count: Number(el.getAttribute('data-count')), limit: Number(el.getAttribute('data-limit')) } : null;
  });

const DRAFT = 'សួស្តី 😀 Hello';
// Hand-checked against each platform's rule:
//  X (twitter-text): 6 Khmer code points × 2 + 1 + emoji 2 + 1 + 5 = 21
//  UTF-16 platforms: 6 + 1 + 2 (surrogate pair) + 1 + 5 = 15
//  Bluesky/Mastodon count grapheme clusters: tested below against the page's Intl.Segmenter
const cases: Array<{ name: FixtureName; count: number; limit: number }> = [
  { name: 'x', count: 21, limit: 280 },
  { name: 'facebook', count: 15, limit: 63206 },
  { name: 'linkedin', count: 15, limit: 3000 },
  { name: 'telegram', count: 15, limit: 4096 },
];

describe('counter', () => {
  for (const { name, count, limit } of cases) {
    it(`${name}: ${count} of ${limit} for a Khmer + emoji + Latin draft`, async () => {
      const page = await openFixture(browser.context, name);
      await focusComposer(page, name);
      await typeKeys(page, DRAFT);
      await expect.poll(() => counter(page), { timeout: 5000 }).toEqual({ count, limit });
      await page.close();
    });
  }

  it('bluesky and mastodon count grapheme clusters (the same as Intl.Segmenter in the page)', async () => {
    for (const name of ['bluesky', 'mastodon'] as const) {
      const page = await openFixture(browser.context, name);
      await focusComposer(page, name);
      await typeKeys(page, DRAFT);
      const expected = await page.evaluate((t) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(t)].length, DRAFT);
      expect(expected).toBeLessThan(15);
      await expect.poll(async () => (await counter(page))?.count, { timeout: 5000 }).toBe(expected);
      await page.close();
    }
  });
});

describe('ignoring findings', () => {
  it('"Ignore once" hides one occurrence; "Ignore for this post" hides the rule', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    await focusComposer(page, 'mastodon');
    await typeKeys(page, 'Swaziland and Burma signed. ');
    const panel = page.locator('diplomacy-assistant');
    const rules = () =>
      page.evaluate(() =>
        [...(document.querySelector('diplomacy-assistant')?.shadowRoot?.querySelectorAll('[data-rule]') ?? [])].map((e) => e.textContent ?? ''),
      );
    await expect.poll(async () => (await rules()).length, { timeout: 5000 }).toBe(2);
    const swazi = panel.locator('[data-rule]', { hasText: 'Eswatini' });
    // Findings are one line each: the ignore actions are under "Why?".
    await swazi.getByRole('button', { name: 'Why?' }).click();
    await swazi.getByRole('button', { name: 'Ignore once' }).click();
    await expect.poll(async () => (await rules()).length).toBe(1);
    // A new occurrence of the same rule shows again.
    await focusComposer(page, 'mastodon');
    await typeKeys(page, 'Swaziland again.');
    await expect.poll(async () => (await rules()).filter((t) => t.includes('Eswatini')).length, { timeout: 5000 }).toBe(1);
    const again = panel.locator('[data-rule]', { hasText: 'Eswatini' });
    await again.getByRole('button', { name: 'Why?' }).click();
    await again.getByRole('button', { name: 'Ignore for this post' }).click();
    await focusComposer(page, 'mastodon');
    await typeKeys(page, ' Swaziland.');
    await page.waitForTimeout(400);
    expect((await rules()).filter((t) => t.includes('Eswatini'))).toEqual([]);
    // Emptying the composer starts a new post: the rule shows again.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(300); // the empty draft is checked (as after a real post)
    await typeKeys(page, 'Welcome to Swaziland.');
    await expect.poll(async () => (await rules()).filter((t) => t.includes('Eswatini')).length, { timeout: 5000 }).toBe(1);
    await page.close();
  });
});

describe('accessibility of the panel', () => {
  it('is a labelled region, does not steal focus while typing, and is reachable by keyboard', async () => {
    const page = await openFixture(browser.context, 'facebook');
    await focusComposer(page, 'facebook');
    await typeKeys(page, 'Cable marked TOP SECRET.');
    const region = page.locator('diplomacy-assistant').getByRole('region', { name: 'Envoy findings' });
    await region.waitFor();
    // Typing went to the editor and focus is still there.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lexical-editor'))).toBe('true');
    // Keyboard: focus the panel's first control and open the explanation with Enter.
    await region.getByRole('button').first().focus();
    await page.keyboard.press('Tab');
    const why = region.getByRole('button', { name: 'Why?' }).first();
    await why.focus();
    await page.keyboard.press('Enter');
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => region.getByText('Sources').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('compact panel, badge and per-site memory', () => {
  const shadow = (page: Page) => page.locator('diplomacy-assistant');
  const boxesOverlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('shows counts by severity and one line per finding, with the fix on the line', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    await focusComposer(page, 'mastodon');
    await typeKeys(page, 'Swaziland and Burma signed. ');
    const region = shadow(page).getByRole('region', { name: 'Envoy findings' });
    await expect.poll(() => region.locator('[data-rule]').count(), { timeout: 5000 }).toBe(2);
    const counts = region.getByRole('list', { name: 'Findings by severity' });
    expect((await counts.innerText()).replace(/\s+/g, ' ')).toMatch(/\d+ (to fix|to check|suggestions?)/);
    // Each closed finding is a single line: its height is about one line of its button row.
    for (const item of await region.locator('[data-rule]').all()) {
      const height = (await item.boundingBox())!.height;
      expect(height).toBeLessThan(44);
      expect(await item.getByRole('button', { name: /^Apply/ }).count()).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('minimises to a badge beside the composer (never over it or the Post button), remembered for the site', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    await focusComposer(page, 'mastodon');
    await typeKeys(page, 'Swaziland and Burma signed. ');
    const region = shadow(page).getByRole('region', { name: 'Envoy findings' });
    await expect.poll(() => region.locator('[data-rule]').count(), { timeout: 5000 }).toBe(2);
    await region.getByRole('button', { name: 'Minimise the Envoy panel' }).click();
    const badge = region.getByRole('button', { name: 'Envoy: 2 issues. Show the panel' });
    await badge.waitFor();
    expect(await badge.innerText()).toContain('2');
    const composer = (await composerLocator(page, 'mastodon').boundingBox())!;
    const submit = (await submitLocator(page, 'mastodon').boundingBox())!;
    const badgeBox = (await badge.boundingBox())!;
    expect(badgeBox.width).toBeLessThan(80);
    expect(boxesOverlap(badgeBox, composer)).toBe(false);
    expect(boxesOverlap(badgeBox, submit)).toBe(false);
    // Beside the composer: within a short distance of it.
    const gap = Math.max(badgeBox.x - (composer.x + composer.width), composer.x - (badgeBox.x + badgeBox.width), badgeBox.y - (composer.y + composer.height), composer.y - (badgeBox.y + badgeBox.height));
    expect(gap).toBeLessThan(80);
    await page.close();

    // Same site, new page: still minimised. Expanding is remembered too.
    const again = await openFixture(browser.context, 'mastodon');
    await focusComposer(again, 'mastodon');
    await typeKeys(again, 'Swaziland and Burma signed. ');
    const region2 = shadow(again).getByRole('region', { name: 'Envoy findings' });
    const badge2 = region2.getByRole('button', { name: /^Envoy: \d+ issues?\. Show the panel$/ });
    await badge2.waitFor({ timeout: 5000 });
    expect(await region2.locator('[data-rule]').count()).toBe(0);
    // Another site is not affected.
    const other = await openFixture(browser.context, 'facebook');
    await focusComposer(other, 'facebook');
    await typeKeys(other, 'Cable marked TOP SECRET.');
    await expect.poll(() => shadow(other).locator('[data-rule]').count(), { timeout: 5000 }).toBeGreaterThan(0);
    await other.close();
    await badge2.click();
    await expect.poll(() => region2.locator('[data-rule]').count(), { timeout: 5000 }).toBe(2);
    await again.close();
    const third = await openFixture(browser.context, 'mastodon');
    await focusComposer(third, 'mastodon');
    await typeKeys(third, 'Swaziland and Burma signed. ');
    await expect.poll(() => shadow(third).locator('[data-rule]').count(), { timeout: 5000 }).toBe(2);
    await third.close();
  });

  it('never covers the composer or the Send button of a chat composer at the bottom of the window (WhatsApp)', async () => {
    const page = await openFixture(browser.context, 'whatsapp');
    await focusComposer(page, 'whatsapp');
    await typeKeys(page, 'Swaziland and Burma signed. Cable marked TOP SECRET.');
    const panel = shadow(page).locator('section.panel');
    await expect.poll(() => shadow(page).locator('[data-rule]').count(), { timeout: 5000 }).toBeGreaterThan(1);
    await page.waitForTimeout(300); // placement follows the panel's size
    const box = (await panel.boundingBox())!;
    const composer = (await composerLocator(page, 'whatsapp').boundingBox())!;
    const submit = (await submitLocator(page, 'whatsapp').boundingBox())!;
    expect(boxesOverlap(box, composer)).toBe(false);
    expect(boxesOverlap(box, submit)).toBe(false);
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await page.close();
  });

  it('moves off a Send button that appears only once there is text, even when the panel keeps its size (WhatsApp)', async () => {
    const page = await openFixture(browser.context, 'whatsapp');
    await focusComposer(page, 'whatsapp');
    const panel = shadow(page).locator('section.panel');
    await panel.waitFor({ timeout: 5000 });
    expect(await submitLocator(page, 'whatsapp').count()).toBe(0); // empty draft: no Send button yet
    await typeKeys(page, 'Good morning');
    await submitLocator(page, 'whatsapp').waitFor({ timeout: 5000 });
    await page.waitForTimeout(800); // the check, its render and the placement after it
    const submit = (await submitLocator(page, 'whatsapp').boundingBox())!;
    expect(boxesOverlap((await panel.boundingBox())!, submit)).toBe(false);
    await page.close();
  });

  it('shows the first-run note (what Envoy checks, where text goes) until it is dismissed, then never again', async () => {
    const fresh = await launchBrowser({ extension: true });
    try {
      const page = await openFixture(fresh.context, 'facebook');
      await focusComposer(page, 'facebook');
      await typeKeys(page, 'Cable marked TOP SECRET.');
      const note = page.locator('diplomacy-assistant').getByRole('complementary', { name: 'About Envoy' });
      await note.waitFor({ timeout: 5000 });
      expect(await note.innerText()).toMatch(/never sent anywhere/);
      // Typing went to the composer, not to the note.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lexical-editor'))).toBe('true');
      await note.getByRole('button', { name: 'Got it' }).click();
      await expect.poll(() => note.count()).toBe(0);
      await page.close();
      const next = await openFixture(fresh.context, 'mastodon');
      await focusComposer(next, 'mastodon');
      await typeKeys(next, 'Swaziland and Burma signed. ');
      await expect.poll(() => next.locator('diplomacy-assistant [data-rule]').count(), { timeout: 5000 }).toBe(2);
      expect(await next.locator('diplomacy-assistant [data-first-run]').count()).toBe(0);
      await next.close();
    } finally {
      await fresh.close();
    }
  });
});

describe('UI language in the page', () => {
  it('switching the interface to Khmer in options turns the open panel Khmer (catalogue fetched from the background)', async () => {
    const page = await openFixture(browser.context, 'facebook');
    await focusComposer(page, 'facebook');
    await typeKeys(page, 'Cable marked TOP SECRET.');
    const region = page.locator('diplomacy-assistant section.panel');
    await expect.poll(() => region.getAttribute('aria-label'), { timeout: 5000 }).toBe('Envoy findings');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Interface language').selectOption('km');
    await expect.poll(() => region.getAttribute('aria-label'), { timeout: 5000 }).toBe('លទ្ធផលរបស់ Envoy');
    const root = page.locator('diplomacy-assistant').locator('.envoy-root').first();
    expect(await root.getAttribute('lang')).toBe('km');
    // Back to English for the other tests.
    await options.getByLabel('ភាសាផ្ទាំងប្រើប្រាស់', { exact: true }).selectOption('en');
    await expect.poll(() => region.getAttribute('aria-label'), { timeout: 5000 }).toBe('Envoy findings');
    await options.close();
    await page.close();
  });

  it('Khmer in the panel renders in the bundled font, registered in the page document (not the shadow root)', async () => {
    // Meaningful only where the system has no Khmer font of its own (CI, this machine: `fc-list :lang=km` is empty):
    // there the fallback draws empty boxes, so a different width proves the bundled glyphs are used.
    const page = await openFixture(browser.context, 'facebook');
    await focusComposer(page, 'facebook');
    await typeKeys(page, 'Cable marked TOP SECRET.');
    const region = page.locator('diplomacy-assistant section.panel');
    await expect.poll(() => region.getAttribute('aria-label'), { timeout: 5000 }).toBe('Envoy findings');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Interface language').selectOption('km');
    await expect.poll(() => region.getAttribute('aria-label'), { timeout: 5000 }).toBe('លទ្ធផលរបស់ Envoy');

    const faces = await page.evaluate(envoyKhmerFaces);
    expect(faces.sort()).toEqual(['400:loaded', '700:loaded']);
    // No <style> or extension URL was added to the page for it.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('noto-sans-khmer'))).toBe(false);

    const widths = await page.evaluate(panelKhmerWidths, 'sans-serif');
    console.info(`Khmer label in the panel: ${widths.panel.toFixed(1)} px; bundled face only: ${widths.bundled.toFixed(1)} px; fallback: ${widths.fallback.toFixed(1)} px; system Khmer fonts: ${systemKhmerFonts() || 'none'}`);
    expect(widths.khmer.length).toBeGreaterThan(5);
    expect(widths.panel).toBeGreaterThan(0);
    // Drawn with the bundled face (same width as with it alone), not with the fallback.
    expect(Math.abs(widths.panel - widths.bundled)).toBeLessThan(0.5);
    expect(Math.abs(widths.panel - widths.fallback)).toBeGreaterThan(2);

    await options.getByLabel('ភាសាផ្ទាំងប្រើប្រាស់', { exact: true }).selectOption('en');
    await expect.poll(() => region.getAttribute('aria-label'), { timeout: 5000 }).toBe('Envoy findings');
    await options.close();
    await page.close();
  });
});

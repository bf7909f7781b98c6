/**
 * Options side navigation and the compose studio workspace in the real browser: a #translation
 * deep link, back/forward between sections with the browser's own history, and a long draft
 * split into an X thread whose posts each fit the X count (twitter-text, as the counters count).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser({ extension: true });
});
afterAll(async () => {
  await browser?.close();
});

async function extensionPage(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
  return page;
}

describe('options side navigation (Chromium)', () => {
  it('opens #translation directly, and back/forward move between sections', async () => {
    const page = await extensionPage('options.html#translation');
    const heading = page.locator('#options-section-title');
    await expect.poll(() => heading.textContent()).toBe('Translation');
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Translation');
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Privacy', exact: true }).click();
    await expect.poll(() => heading.textContent()).toBe('Privacy');
    expect(page.url()).toMatch(/#privacy$/);
    await page.goBack();
    await expect.poll(() => heading.textContent()).toBe('Translation');
    await page.goForward();
    await expect.poll(() => heading.textContent()).toBe('Privacy');
    // Keyboard: focus is on the opened section's heading; Tab goes on into the section.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav') !== null)).toBe(true);
    await page.close();
  });
});

describe('compose studio workspace (Chromium)', () => {
  it('marks a finding in the draft and splits a long post into an X thread within 280 each', async () => {
    const page = await extensionPage('studio.html');
    const draft = page.getByLabel('Draft', { exact: true });
    await draft.fill('We thank Swaziland for its support.');
    await expect.poll(() => page.locator('[data-studio-marks] mark').first().textContent()).toBe('Swaziland');
    // The mark sits under the word: same line, overlapping horizontally with the textarea's text area.
    const mark = await page.locator('[data-studio-marks] mark').first().boundingBox();
    const box = await draft.boundingBox();
    expect(mark!.y).toBeGreaterThan(box!.y);
    expect(mark!.y + mark!.height).toBeLessThan(box!.y + 60);

    const sentence = 'Cambodia and its partners agreed today to deepen cooperation on trade, climate and education. ';
    await draft.fill(`${sentence.repeat(7)}https://www.mfaic.gov.kh/${'news/'.repeat(20)}`);
    const x = page.locator('[data-platform-counter="x"]');
    await expect.poll(() => x.getAttribute('data-over')).toBe('true');
    await x.getByRole('button', { name: 'Split into a thread' }).click();
    const parts = x.locator('[data-thread-part]');
    await expect.poll(() => parts.count()).toBeGreaterThan(1);
    const counts = await parts.locator('[data-counter]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    for (const c of counts) expect(c).toBeLessThanOrEqual(280);
    // The link is whole in one post.
    const texts = await parts.locator('.studio-card-text').allTextContents();
    expect(texts.some((t) => t.includes(`https://www.mfaic.gov.kh/${'news/'.repeat(20)}`))).toBe(true);
    await page.close();
  });
});

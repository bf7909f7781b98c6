/**
 * The whole fix path on every real-editor fixture: a flagged draft shows the
 * finding in Envoy's panel; clicking its "Apply …" button changes the
 * framework's own model to the expected text; typing continues at the caret
 * (right after the fix); the framework's undo restores the draft; the
 * platform's submit sends the corrected text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  fixtureSubmissions,
  fixtureText,
  fixtureUndo,
  focusComposer,
  launchBrowser,
  openFixture,
  submitViaUi,
  typeKeys,
  type FixtureName,
  type LaunchedBrowser,
} from './harness';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser({ extension: true });
});
afterAll(async () => {
  await browser?.close();
});

function applyButton(page: Page, name: RegExp) {
  return page.locator('diplomacy-assistant').getByRole('button', { name });
}

const DRAFT = 'We thank the people of Swaziland for their welcome';
const FIXED = 'We thank the people of Eswatini for their welcome';

const fixtures: FixtureName[] = ['x', 'facebook', 'linkedin', 'bluesky', 'mastodon', 'telegram', 'youtube', 'reddit', 'reddit-submit'];

describe('Apply a fix from the panel', () => {
  for (const name of fixtures) {
    it(`${name}: model updated, caret after the fix, undo restores, submit sends the fixed text`, async () => {
      const page = await openFixture(browser.context, name);
      await focusComposer(page, name);
      await typeKeys(page, DRAFT);
      const apply = applyButton(page, /^Apply “Eswatini”/);
      await apply.waitFor({ timeout: 10_000 });
      // Focus stays in the composer while the panel is clicked.
      await apply.click();
      await expect.poll(() => fixtureText(page), { timeout: 5000 }).toBe(FIXED);
      await expect.poll(() => applyButton(page, /^Apply “Eswatini”/).count(), { timeout: 5000 }).toBe(0);
      // The fix is its own step in the framework's undo history.
      await page.waitForTimeout(1100); // past every framework's undo-merge window
      await fixtureUndo(page);
      await expect.poll(() => fixtureText(page), { timeout: 5000 }).toBe(DRAFT);
      // Apply again, then keep typing: the keystroke lands right after the fix.
      await applyButton(page, /^Apply “Eswatini”/).click();
      await expect.poll(() => fixtureText(page), { timeout: 5000 }).toBe(FIXED);
      await typeKeys(page, '!');
      expect(await fixtureText(page)).toBe('We thank the people of Eswatini! for their welcome');
      // Back to the fixed text, then post it through the platform's own submit.
      await page.mouse.click(2, 2);
      await focusComposer(page, name);
      await page.keyboard.press('Control+A');
      await typeKeys(page, FIXED);
      await submitViaUi(page, name);
      await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([FIXED]);
      await page.close();
    });
  }

  it('linkedin ?nested=1 (Quill 1 two shadow roots deep): Apply goes through the bridge into the model, undo restores', async () => {
    const page = await openFixture(browser.context, 'linkedin', { search: '?nested=1' });
    // The share box really is one shadow root deeper than #interop-outlet's.
    expect(await page.evaluate(() => document.querySelector('#interop-outlet')!.shadowRoot!.querySelector('.ql-editor'))).toBeNull();
    await focusComposer(page, 'linkedin');
    await typeKeys(page, DRAFT);
    const host = page.locator('diplomacy-assistant').first();
    await expect.poll(() => host.getAttribute('data-bridge'), { timeout: 5000 }).toBe('quill1');
    await applyButton(page, /^Apply “Eswatini”/).click();
    await expect.poll(() => fixtureText(page), { timeout: 5000 }).toBe(FIXED);
    await page.waitForTimeout(1100);
    await fixtureUndo(page);
    await expect.poll(() => fixtureText(page), { timeout: 5000 }).toBe(DRAFT);
    await page.close();
  });

  it('a Khmer draft: the title fix lands inside Khmer text (coeng ta/da variant matched)', async () => {
    const page = await openFixture(browser.context, 'facebook');
    await focusComposer(page, 'facebook');
    await typeKeys(page, 'លោក ហ៊ុន សែន បានថ្លែងថា');
    const fix = page.locator('diplomacy-assistant').getByRole('button', { name: /^Apply/ }).first();
    await fix.waitFor({ timeout: 10_000 });
    const before = await fixtureText(page);
    await fix.click();
    await expect.poll(() => fixtureText(page), { timeout: 5000 }).not.toBe(before);
    expect(await fixtureText(page)).toMatch(/^សម្[តដ]េច/);
    await page.close();
  });
});

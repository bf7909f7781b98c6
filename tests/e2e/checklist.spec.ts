/**
 * Pre-publish checklist in real Chromium with the built extension, on the
 * real-editor fixtures. Every assertion about posting is made on
 * `window.__fixture.submissions`, which only the platform's own submit handler
 * writes (and then clears the editor), never on DOM guesses.
 *
 *   hold   → the platform's submit does not run until the required items are
 *            ticked (button, keyboard shortcut, Enter-to-send), `data-post-held`
 *            shows and focus goes to the first open item; then it runs exactly
 *            once with the draft intact (platform button, or "Post now").
 *   remind → one reminder, and the post goes.
 *   off    → no interference; nor when Envoy is off for the site.
 *   override with a reason → exactly one submission; the reason is in the local log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  chooseOption,
  composerLocator,
  fixtureSubmissions,
  focusComposer,
  launchBrowser,
  openFixture,
  submitLocator,
  submitViaUi,
  typeKeys,
  type FixtureName,
  type LaunchedBrowser,
} from './harness';

let browser: LaunchedBrowser;
let extPage: Page;

beforeAll(async () => {
  browser = await launchBrowser({ extension: true });
  extPage = await browser.context.newPage();
  await extPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
});

/** Read-modify-write of the synced settings, as the options page stores them. */
async function setSettings(patch: Record<string, unknown>): Promise<void> {
  await extPage.evaluate(async (p) => {
    const current = ((await chrome.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.sync.set({ settings: { ...current, version: 1, ...p } });
  }, patch);
}

async function overrideLog(): Promise<Array<{ reason: string; platform: string; openItems: string[] }>> {
  return extPage.evaluate(async () => ((await chrome.storage.local.get('checklistOverrideLog')).checklistOverrideLog ?? []) as never);
}

/** Envoy's panel host for the composer session (the one with data-platform). */
const HOST = 'diplomacy-assistant[data-platform]';

function checklist(page: Page) {
  return page.locator(`${HOST} [data-checklist]`);
}

/** Types the draft and waits until the checklist has evaluated it (engine answered, auto items set). */
async function startDraft(page: Page, name: FixtureName, draft: string): Promise<void> {
  await focusComposer(page, name);
  await typeKeys(page, draft);
  await checklist(page).waitFor({ state: 'visible', timeout: 10_000 });
  await expect
    .poll(() => page.locator(`${HOST} [data-checklist] [data-item="no-errors"]`).getAttribute('data-auto'), { timeout: 5000 })
    .toBe('pass');
}

/** What has focus inside Envoy's shadow root. */
async function focusedItem(page: Page) {
  return page.evaluate((host) => {
    const active = document.querySelector(host)?.shadowRoot?.activeElement as HTMLInputElement | null | undefined;
    if (!active) return null;
    return {
      type: active.type,
      required: active.hasAttribute('data-required'),
      checked: active.checked,
      item: active.closest('[data-item]')?.getAttribute('data-item') ?? null,
    };
  }, HOST);
}

async function firstOpenRequired(page: Page): Promise<string | null> {
  return page.evaluate((host) => {
    const root = document.querySelector(host)?.shadowRoot;
    const box = [...(root?.querySelectorAll<HTMLInputElement>('[data-checklist] input[type=checkbox][data-required]') ?? [])].find(
      (b) => !b.checked,
    );
    return box?.closest('[data-item]')?.getAttribute('data-item') ?? null;
  }, HOST);
}

/** Ticks every open required item by hand (real clicks on the native checkboxes). */
async function tickRequired(page: Page): Promise<void> {
  const boxes = page.locator(`${HOST} [data-checklist] input[type=checkbox][data-required]`);
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    if (!(await box.isChecked())) {
      await box.check();
    }
  }
  await expect.poll(() => checklist(page).getAttribute('data-complete'), POLL).toBe('true');
}

/** Gives a (wrongly) released post time to show up. */
async function settle(page: Page, ms = 400): Promise<void> {
  await page.waitForTimeout(ms);
}

const DRAFT = 'Good morning from the team';
/** Generous: the 2-core test machine is shared. */
const POLL = { timeout: 5000 };

interface PlatformCase {
  name: FixtureName;
  /** The platform's posting shortcut, pressed in the composer. */
  shortcut?: 'Control+Enter' | 'Enter';
}

const HOLD_CASES: PlatformCase[] = [
  { name: 'x', shortcut: 'Control+Enter' },
  { name: 'facebook' },
  { name: 'linkedin' },
  { name: 'mastodon', shortcut: 'Control+Enter' },
  { name: 'telegram', shortcut: 'Enter' },
  { name: 'bluesky', shortcut: 'Control+Enter' },
  { name: 'whatsapp', shortcut: 'Enter' },
  { name: 'instagram' },
  { name: 'threads' },
  { name: 'youtube' },
  { name: 'reddit' },
  { name: 'reddit-submit' },
];

describe('hold', () => {
  beforeAll(async () => {
    await setSettings({ checklistMode: 'hold' });
  });

  for (const { name, shortcut } of HOLD_CASES) {
    it(`${name}: holds the Post button${shortcut ? ` and ${shortcut}` : ''} until the required items are ticked, then posts once`, async () => {
      const page = await openFixture(browser.context, name);
      try {
        await startDraft(page, name, DRAFT);
        const required = page.locator(`${HOST} [data-checklist] input[type=checkbox][data-required]`);
        expect(await required.count()).toBeGreaterThan(0);
        // Every item is a native checkbox with a label.
        const unlabelled = await page.evaluate((host) => {
          const root = document.querySelector(host)!.shadowRoot!;
          return [...root.querySelectorAll<HTMLInputElement>('[data-checklist] input[type=checkbox]')].filter((b) => b.labels?.length !== 1).length;
        }, HOST);
        expect(unlabelled).toBe(0);

        // The platform's own Post button: held.
        await submitViaUi(page, name);
        await settle(page);
        expect(await fixtureSubmissions(page)).toEqual([]);
        await expect.poll(() => page.locator(`${HOST} [data-post-held]`).isVisible(), POLL).toBe(true);
        const first = await firstOpenRequired(page);
        expect(first).not.toBeNull();
        await expect.poll(() => focusedItem(page), POLL).toEqual({ type: 'checkbox', required: true, checked: false, item: first });
        // Keyboard users tick it right there.
        await page.keyboard.press('Space');
        await expect.poll(() => focusedItem(page), POLL).toEqual({ type: 'checkbox', required: true, checked: true, item: first });
        expect(await fixtureSubmissions(page)).toEqual([]);

        // The keyboard shortcut for posting: held too.
        if (shortcut) {
          await composerLocator(page, name).click();
          await page.keyboard.press(shortcut);
          await settle(page);
          expect(await fixtureSubmissions(page)).toEqual([]);
          await expect.poll(() => page.locator(`${HOST} [data-post-held]`).isVisible(), POLL).toBe(true);
        }

        // Ticking the last item never posts by itself.
        await tickRequired(page);
        await settle(page);
        expect(await fixtureSubmissions(page)).toEqual([]);

        // The platform's Post button now goes through, exactly once, with the draft intact.
        await submitViaUi(page, name);
        await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([DRAFT]);
        await settle(page, 600);
        expect(await fixtureSubmissions(page)).toEqual([DRAFT]);
        await expect.poll(() => page.locator(`${HOST} [data-post-held]`).count(), POLL).toBe(0);
        // Ticks were cleared after the successful post.
        await expect.poll(() => checklist(page).getAttribute('data-complete'), POLL).toBe('false');
      } finally {
        await page.close();
      }
    });
  }

  const POST_NOW: PlatformCase[] = [
    { name: 'x', shortcut: 'Control+Enter' },
    { name: 'linkedin' },
    { name: 'mastodon' },
    { name: 'telegram', shortcut: 'Enter' },
    { name: 'facebook' },
    { name: 'whatsapp', shortcut: 'Enter' },
    { name: 'youtube' },
    { name: 'reddit' },
    { name: 'reddit-submit' },
  ];
  for (const { name, shortcut } of POST_NOW) {
    it(`${name}: "Post now" re-dispatches the held ${shortcut ?? 'click'} once`, async () => {
      const page = await openFixture(browser.context, name);
      try {
        await startDraft(page, name, DRAFT);
        if (shortcut) {
          await composerLocator(page, name).click();
          await page.keyboard.press(shortcut);
        } else {
          await submitViaUi(page, name);
        }
        await expect.poll(() => page.locator(`${HOST} [data-post-held]`).isVisible(), POLL).toBe(true);
        expect(await fixtureSubmissions(page)).toEqual([]);
        await tickRequired(page);
        await page.locator(`${HOST} [data-post-held]`).getByRole('button', { name: 'Post now' }).click();
        await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([DRAFT]);
        await settle(page, 600);
        expect(await fixtureSubmissions(page)).toEqual([DRAFT]);
      } finally {
        await page.close();
      }
    });
  }

  it('ticks persist while the user edits and the checklist unticks automatic items when the draft changes back', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    try {
      await startDraft(page, 'mastodon', DRAFT);
      await page.locator(`${HOST} [data-item="cleared"] input`).check();
      await typeKeys(page, ' and more');
      await settle(page, 300);
      expect(await page.locator(`${HOST} [data-item="cleared"] input`).isChecked()).toBe(true);
      // Over Mastodon's 500-character limit: the automatic length item unticks itself; back under: ticks itself.
      await page.locator('form.compose-form textarea').fill(`${DRAFT} ${'x'.repeat(520)}`);
      await expect.poll(() => page.locator(`${HOST} [data-item="within-limit"]`).getAttribute('data-auto'), POLL).toBe('fail');
      expect(await page.locator(`${HOST} [data-item="within-limit"] input`).isChecked()).toBe(false);
      await page.locator('form.compose-form textarea').fill(DRAFT);
      await expect.poll(() => page.locator(`${HOST} [data-item="within-limit"]`).getAttribute('data-auto'), POLL).toBe('pass');
      expect(await page.locator(`${HOST} [data-item="within-limit"] input`).isChecked()).toBe(true);
      expect(await page.locator(`${HOST} [data-item="cleared"] input`).isChecked()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('keeps the ticks of a composer across a reload of the tab (storage.session through the background)', async () => {
    const page = await openFixture(browser.context, 'mastodon');
    try {
      await startDraft(page, 'mastodon', DRAFT);
      const cleared = page.locator(`${HOST} [data-item="cleared"] input`);
      await cleared.check();
      await expect.poll(() => cleared.isChecked(), POLL).toBe(true);
      await settle(page, 500);
      await page.reload();
      await page.waitForFunction(() => window.__fixture !== undefined);
      await startDraft(page, 'mastodon', 'Another draft in the same composer');
      await expect.poll(() => page.locator(`${HOST} [data-item="cleared"] input`).isChecked(), POLL).toBe(true);
      expect(await page.locator(`${HOST} [data-item="names-titles"] input`).isChecked()).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('picks the condolence template from the draft and can be switched by hand', async () => {
    const page = await openFixture(browser.context, 'facebook');
    try {
      await focusComposer(page, 'facebook');
      await typeKeys(page, 'Our deepest condolences to the families');
      await expect.poll(() => checklist(page).getAttribute('data-template'), { timeout: 10_000 }).toBe('condolence');
      const select = page.locator(`${HOST} [data-checklist]`).getByLabel('Checklist template');
      await chooseOption(select, 'standard');
      await expect.poll(() => checklist(page).getAttribute('data-template'), POLL).toBe('standard');
      await chooseOption(select, '');
      await expect.poll(() => checklist(page).getAttribute('data-template'), POLL).toBe('condolence');
    } finally {
      await page.close();
    }
  });

  it('override with a reason posts exactly once and records the reason in the local log', async () => {
    const page = await openFixture(browser.context, 'x');
    try {
      const before = (await overrideLog()).length;
      await startDraft(page, 'x', DRAFT);
      await submitViaUi(page, 'x');
      const held = page.locator(`${HOST} [data-post-held]`);
      await expect.poll(() => held.isVisible(), POLL).toBe(true);
      await held.getByRole('button', { name: 'Post anyway…' }).click();
      // A reason is required.
      await held.getByRole('button', { name: 'Confirm and post' }).click();
      await settle(page);
      expect(await fixtureSubmissions(page)).toEqual([]);
      await held.getByLabel('Reason for posting anyway').fill('Head of mission approved by phone');
      await held.getByRole('button', { name: 'Confirm and post' }).click();
      await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([DRAFT]);
      await settle(page, 600);
      expect(await fixtureSubmissions(page)).toEqual([DRAFT]);
      await expect.poll(async () => (await overrideLog()).length, POLL).toBe(before + 1);
      const entry = (await overrideLog()).at(-1)!;
      expect(entry.reason).toBe('Head of mission approved by phone');
      expect(entry.platform).toBe('x');
      expect(entry.openItems.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('remind', () => {
  beforeAll(async () => {
    await setSettings({ checklistMode: 'remind' });
  });

  for (const name of ['x', 'telegram'] as const) {
    it(`${name}: the first Post shows the checklist once and the post goes`, async () => {
      const page = await openFixture(browser.context, name);
      try {
        await startDraft(page, name, DRAFT);
        await submitViaUi(page, name);
        await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([DRAFT]);
        const reminder = page.locator(`${HOST} [data-checklist-reminder]`);
        await expect.poll(() => reminder.isVisible(), POLL).toBe(true);
        expect(await page.locator(`${HOST} [data-post-held]`).count()).toBe(0);

        // Second draft: the reminder of the first goes away, and the next post reminds once again.
        await focusComposer(page, name);
        await typeKeys(page, 'Second draft');
        await expect.poll(() => reminder.count(), POLL).toBe(0);
        await submitViaUi(page, name);
        await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([DRAFT, 'Second draft']);
        await expect.poll(() => reminder.isVisible(), POLL).toBe(true);
        await settle(page);
        expect(await fixtureSubmissions(page)).toEqual([DRAFT, 'Second draft']);
      } finally {
        await page.close();
      }
    });
  }
});

describe('off', () => {
  it('checklist mode off: no checklist, the first click posts', async () => {
    await setSettings({ checklistMode: 'off' });
    const page = await openFixture(browser.context, 'linkedin');
    try {
      await focusComposer(page, 'linkedin');
      await typeKeys(page, DRAFT);
      await page.locator(HOST).waitFor({ state: 'attached' });
      await settle(page, 300);
      expect(await checklist(page).count()).toBe(0);
      await submitViaUi(page, 'linkedin');
      await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([DRAFT]);
    } finally {
      await page.close();
    }
  });

  it('Envoy off for the site: hold mode does not swallow the click or the shortcut', async () => {
    await setSettings({ checklistMode: 'hold', disabledSites: ['x.com'] });
    const page = await openFixture(browser.context, 'x');
    try {
      await focusComposer(page, 'x');
      await typeKeys(page, DRAFT);
      await settle(page, 300);
      expect(await page.locator('diplomacy-assistant').count()).toBe(0);
      await submitViaUi(page, 'x');
      await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([DRAFT]);
      await focusComposer(page, 'x');
      await typeKeys(page, 'Second');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => fixtureSubmissions(page), { timeout: 5000 }).toEqual([DRAFT, 'Second']);
      expect(await submitLocator(page, 'x').count()).toBe(1);
    } finally {
      await page.close();
      await setSettings({ disabledSites: [] });
    }
  });
});

/**
 * Accessibility audit with axe-core in real Chromium: the popup (empty, with result cards, a card
 * opened), the options page, the compose studio, the welcome page, the host-access page and the
 * in-page panel on a platform fixture (its open shadow root, audited through its host; expanded,
 * with a finding opened, and minimised to its badge), in English and Khmer, light and dark.
 * No serious or critical violation is allowed; any found are printed with their elements.
 *
 * axe is evaluated through DevTools (page.evaluate), which extension pages' CSP does not block,
 * and in the platform page's main world, where the panel's open shadow root is reachable.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { focusComposer, launchBrowser, openFixture, typeKeys, type LaunchedBrowser } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe on the page (or only inside `include`) and returns its serious and critical violations. */
async function audit(page: Page, include?: string): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, include ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function report(surface: string, violations: Violation[]): string {
  return violations
    .map((v) => `${surface}: [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`).join('\n')}`)
    .join('\n');
}

async function expectClean(surface: string, page: Page, include?: string): Promise<void> {
  const found = await audit(page, include);
  if (found.length) console.error(report(surface, found));
  expect(found.map((v) => `${v.id} (${v.nodes.length})`), report(surface, found)).toEqual([]);
}

for (const locale of ['en', 'km'] as const) {
  describe(`axe audit (${locale})`, () => {
    let b: LaunchedBrowser;
    beforeAll(async () => {
      b = await launchBrowser({ extension: true, locale });
    });
    afterAll(async () => {
      await b?.close();
    });

    const open = async (file: string) => {
      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/${file}`);
      await page.locator('.envoy-root').first().waitFor();
      // Wait for the language the page should show (the settings load first).
      await expect.poll(() => page.locator('.envoy-root').first().getAttribute('lang'), { timeout: 5000 }).toBe(locale);
      return page;
    };

    for (const scheme of ['light', 'dark'] as const) {
      it(`popup: empty state, result cards, an opened card (${scheme})`, async () => {
        const page = await open('popup.html');
        await page.emulateMedia({ colorScheme: scheme });
        await expectClean(`popup empty ${locale} ${scheme}`, page);
        await page.getByRole('searchbox').fill(locale === 'km' ? 'កម្ពុជា' : 'Cambodia');
        await page.locator('[data-guideline]').first().waitFor();
        await page.locator('[data-guideline] summary').first().click();
        await page.locator('.guideline-body').first().waitFor();
        await expectClean(`popup results ${locale} ${scheme}`, page);
        await page.close();
      });

      it(`in-page panel on a platform page: expanded, a finding opened, minimised (${scheme})`, async () => {
        const page = await openFixture(b.context, 'facebook');
        await page.emulateMedia({ colorScheme: scheme });
        await focusComposer(page, 'facebook');
        await typeKeys(page, 'Swaziland and Burma. Cable marked TOP SECRET.');
        const host = page.locator('diplomacy-assistant');
        await expect.poll(() => host.locator('[data-rule]').count(), { timeout: 5000 }).toBeGreaterThan(1);
        await expect.poll(() => host.locator('.envoy-root').first().getAttribute('lang'), { timeout: 5000 }).toBe(locale);
        await expectClean(`panel ${locale} ${scheme}`, page, 'diplomacy-assistant');
        await host.locator('[data-rule] .finding-why').first().click();
        await expectClean(`panel opened finding ${locale} ${scheme}`, page, 'diplomacy-assistant');
        await host.locator('.panel-minimise').click();
        await host.locator('[data-panel-badge]').waitFor();
        await expectClean(`panel badge ${locale} ${scheme}`, page, 'diplomacy-assistant');
        await host.locator('[data-panel-badge]').click();
        await page.close();
      });
    }

    it('the audit reaches into the panel’s shadow root (a planted nameless button is reported)', async () => {
      const page = await openFixture(b.context, 'mastodon');
      await focusComposer(page, 'mastodon');
      await typeKeys(page, 'Swaziland and Burma signed. ');
      const host = page.locator('diplomacy-assistant');
      await expect.poll(() => host.locator('[data-rule]').count(), { timeout: 5000 }).toBe(2);
      await page.evaluate(() => {
        const panel = document.querySelector('diplomacy-assistant')!.shadowRoot!.querySelector('section.panel')!;
        const bad = document.createElement('button');
        bad.className = 'planted';
        panel.append(bad);
      });
      const found = await audit(page, 'diplomacy-assistant');
      expect(found.map((v) => v.id)).toContain('button-name');
      expect(JSON.stringify(found)).toContain('.planted');
      await page.close();
    });

    it('options page', async () => {
      const page = await open('options.html');
      await expectClean(`options ${locale}`, page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectClean(`options ${locale} dark`, page);
      await page.close();
    });

    it('compose studio with a draft and its findings', async () => {
      const page = await open('studio.html');
      await page.locator('textarea').first().fill('Swaziland and Burma signed. Cable marked TOP SECRET.');
      await page.locator('[data-rule]').first().waitFor({ timeout: 10_000 });
      await expectClean(`studio ${locale}`, page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectClean(`studio ${locale} dark`, page);
      await page.close();
    });

    it('welcome page', async () => {
      const page = await open('welcome.html');
      await expectClean(`welcome ${locale}`, page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectClean(`welcome ${locale} dark`, page);
      await page.close();
    });

    it('host-access page', async () => {
      const page = await open(`access.html?origin=${encodeURIComponent('https://mt.example.org/*')}`);
      await expectClean(`access ${locale}`, page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectClean(`access ${locale} dark`, page);
      await page.close();
    });
  });
}

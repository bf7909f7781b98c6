/**
 * Envoy's own surfaces in the Firefox build (.output/firefox-mv2) at run time in Debian's
 * firefox-esr: the popup lookup cards, the options side navigation and the interface-language
 * switch, the compose studio workspace, the welcome page opened on install in the browser's
 * language, the in-page panel's badge and its Khmer in the bundled font, and an axe-core audit of
 * each page. All input is real (BiDi input actions).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, HOST, focusComposer, launchFirefox, openExtensionPage, openFixture, poll, setSettings, type LaunchedFirefox } from './harness';
import { envoyKhmerFaces, panelKhmerWidths } from '../e2e/khmer-probe';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations of the page, as "rule-id (count)". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.targets.join(', ')})`);
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
const activeAttribute = (page: Page, attribute: string) => page.evaluate((a) => document.activeElement?.getAttribute(a) ?? null, attribute);

/** Width of `sample` drawn in `family` on the page (Khmer without a system Khmer font: boxes, unless the bundled face is used). */
async function drawnWidth(page: Page, sample: string, family: string): Promise<number> {
  return page.evaluate(
    (s, f) => {
      const span = document.createElement('span');
      span.textContent = s;
      span.style.fontFamily = f;
      document.body.append(span);
      const width = span.getBoundingClientRect().width;
      span.remove();
      return width;
    },
    sample,
    family,
  );
}

const setInterfaceLanguage = (extensionPage: Page, lang: string) => setSettings(extensionPage, { uiLanguage: lang });

describe('Firefox ESR: Envoy’s pages', () => {
  let ff: LaunchedFirefox;
  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('popup: lookup cards with a type badge and the answer first, arrow keys between cards, copy, one name per control; axe-clean', async () => {
    const page = await openExtensionPage(ff.browser, 'popup.html');
    try {
      await page.waitForSelector('[data-empty-state]');
      expect(await axeViolations(page)).toEqual([]);
      const box = await page.waitForSelector('::-p-aria(Search guidelines)');
      await box!.click();
      await page.keyboard.type('Ceylan');
      const card = await page.waitForSelector('[data-guideline="state.lk"]', { timeout: 10_000 });
      expect(await page.$eval('[data-guideline]', (e) => e.getAttribute('data-guideline'))).toBe('state.lk');
      expect(await card!.$eval('.type-badge', (e) => e.textContent)).toBe('State or territory');
      expect(await card!.$eval('[data-answer]', (e) => e.textContent)).toContain('Sri Lanka');
      // The search box and the results list have different names.
      expect(await page.$eval('ul.results', (e) => e.getAttribute('aria-label'))).toBe('Matching guidelines');
      // Arrow keys: into the first card, to the next, Escape back to the search box.
      await page.keyboard.press('ArrowDown');
      expect(await activeAttribute(page, 'data-guideline')).toBe('state.lk');
      const count = await page.$$eval('[data-guideline]', (els) => els.length);
      if (count > 1) {
        await page.keyboard.press('ArrowDown');
        expect(await activeAttribute(page, 'data-guideline')).not.toBe('state.lk');
      }
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search guidelines');
      // Copy through the card's own button (a real click: Firefox lets the page write the clipboard).
      const copy = await card!.$('button.copy');
      await copy!.click();
      expect(await poll(async () => (await page.$('.copy-note:not(.error)')) !== null, true)).toBe(true);
      expect(await text(page, '.copy-note')).toMatch(/^Copied “.*Sri Lanka.*”$/);
      expect(await axeViolations(page)).toEqual([]);

      // Khmer query, Khmer-aware.
      await box!.click({ count: 3 });
      await page.keyboard.type('ស្រីលង្កា');
      expect(await poll(() => page.$eval('[data-guideline]', (e) => e.getAttribute('data-guideline')).catch(() => null), 'state.lk')).toBe('state.lk');
    } finally {
      await page.close();
    }
  });

  it('options: side navigation with deep links and history; switching the interface to Khmer draws it in the bundled font; axe-clean', async () => {
    const page = await openExtensionPage(ff.browser, 'options.html#translation');
    try {
      const heading = () => text(page, '#options-section-title').catch(() => '');
      expect(await poll(heading, 'Translation')).toBe('Translation');
      expect(await text(page, 'nav a[aria-current="page"]')).toBe('Translation');
      expect(await axeViolations(page)).toEqual([]);
      const privacy = await page.waitForSelector('nav ::-p-aria(Privacy)');
      await privacy!.click();
      expect(await poll(heading, 'Privacy')).toBe('Privacy');
      expect(await page.evaluate(() => location.hash)).toBe('#privacy');
      await page.evaluate(() => history.back());
      expect(await poll(heading, 'Translation')).toBe('Translation');

      await setInterfaceLanguage(page, 'km');
      expect(await poll(() => text(page, 'h1').catch(() => ''), 'ការកំណត់ Envoy')).toBe('ការកំណត់ Envoy');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');
      const loaded = await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Sans Khmer"', 'ក');
        return document.fonts.check('16px "Noto Sans Khmer"', 'ក');
      });
      expect(loaded).toBe(true);
      const sample = 'ការកំណត់';
      const bundled = await drawnWidth(page, sample, '"Noto Sans Khmer"');
      const fallback = await drawnWidth(page, sample, 'monospace');
      console.info(`Firefox options: Khmer sample ${bundled.toFixed(1)} px in the bundled face, ${fallback.toFixed(1)} px in the fallback`);
      expect(Math.abs(bundled - fallback)).toBeGreaterThan(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await setInterfaceLanguage(page, 'auto').catch(() => undefined);
      await page.close();
    }
  });

  it('studio: marks a finding in the draft, applies its fix, splits a long post into an X thread within 280 each; axe-clean', async () => {
    const page = await openExtensionPage(ff.browser, 'studio.html');
    try {
      const draft = await page.waitForSelector('textarea[data-studio-draft]');
      await draft!.click();
      await page.keyboard.type('We thank Swaziland for its support.');
      expect(await poll(() => text(page, '[data-studio-marks] mark').catch(() => ''), 'Swaziland')).toBe('Swaziland');
      expect(await axeViolations(page)).toEqual([]);
      const apply = await page.waitForSelector('::-p-aria(Apply “Eswatini”)', { timeout: 10_000 });
      await apply!.click();
      const value = () => page.$eval('textarea[data-studio-draft]', (e) => (e as HTMLTextAreaElement).value);
      expect(await poll(value, 'We thank Eswatini for its support.')).toBe('We thank Eswatini for its support.');

      const link = `https://www.mfaic.gov.kh/${'news/'.repeat(20)}`;
      const long = `${'Cambodia and its partners agreed today to deepen cooperation on trade, climate and education. '.repeat(7)}${link}`;
      await draft!.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.type(long);
      expect(await poll(async () => (await value()).length, long.length)).toBe(long.length);
      const x = '[data-platform-counter="x"]';
      expect(await poll(() => page.$eval(x, (e) => e.getAttribute('data-over')), 'true')).toBe('true');
      const split = await page.waitForSelector(`${x} ::-p-aria(Split into a thread)`);
      await split!.click();
      expect(await poll(async () => (await page.$$(`${x} [data-thread-part]`)).length > 1, true)).toBe(true);
      const counts = await page.$$eval(`${x} [data-thread-part] [data-counter]`, (els) => els.map((e) => Number(e.getAttribute('data-count'))));
      expect(counts.length).toBeGreaterThan(1);
      for (const c of counts) expect(c).toBeLessThanOrEqual(280);
      const parts = await page.$$eval(`${x} [data-thread-part] .studio-card-text`, (els) => els.map((e) => e.textContent ?? ''));
      expect(parts.some((p) => p.includes(link))).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('in-page panel: minimises to a badge and back; Khmer in the bundled font registered in the page document', async () => {
    const options = await openExtensionPage(ff.browser, 'options.html');
    const page = await openFixture(ff.browser, 'facebook');
    try {
      await focusComposer(page, 'facebook');
      await page.keyboard.type('Cable marked TOP SECRET.');
      const region = `${HOST} >>> section.panel`;
      await page.waitForSelector(`${region}[aria-label="Envoy findings"]`, { timeout: 10_000 });
      const minimise = await page.waitForSelector(`${HOST} >>> ::-p-aria(Minimise the Envoy panel)`);
      await minimise!.click();
      const badge = await page.waitForSelector(`${HOST} >>> button[data-panel-badge]`, { timeout: 5000 });
      expect(await badge!.evaluate((b) => b.getAttribute('aria-label'))).toMatch(/^Envoy: \d+ issues?\. Show the panel$/);
      expect(await page.$(`${HOST} >>> [data-rule]`)).toBeNull();
      await badge!.click();
      expect(await poll(async () => (await page.$(`${HOST} >>> [data-rule]`)) !== null, true)).toBe(true);

      await setInterfaceLanguage(options, 'km');
      const label = () => page.$eval(region, (e) => e.getAttribute('aria-label')).catch(() => null);
      expect(await poll(label, 'លទ្ធផលរបស់ Envoy')).toBe('លទ្ធផលរបស់ Envoy');
      const faces = await page.evaluate(envoyKhmerFaces);
      expect(faces.sort()).toEqual(['400:loaded', '700:loaded']);
      const widths = await page.evaluate(panelKhmerWidths, 'monospace');
      console.info(`Firefox panel: Khmer label ${widths.panel.toFixed(1)} px; bundled face ${widths.bundled.toFixed(1)} px; fallback ${widths.fallback.toFixed(1)} px`);
      expect(Math.abs(widths.panel - widths.bundled)).toBeLessThan(0.5);
      expect(Math.abs(widths.panel - widths.fallback)).toBeGreaterThan(1);
    } finally {
      await setInterfaceLanguage(options, 'auto').catch(() => undefined);
      await page.close();
      await options.close();
    }
  });
});

describe('Firefox ESR in French: the welcome page opened on install', () => {
  let ff: LaunchedFirefox;
  beforeAll(async () => {
    ff = await launchFirefox({ locale: 'fr' });
  });
  afterAll(async () => {
    await ff?.close();
  });

  /** The tab Envoy opened itself when it was installed (read from the document: puppeteer's page.url() stays about:blank for moz-extension tabs). */
  async function welcomeTab(b: Browser): Promise<Page | undefined> {
    for (const page of await b.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${EXTENSION_ORIGIN}/welcome.html`)) return page;
    }
    return undefined;
  }

  it('opens by itself in the browser’s language (French) and is axe-clean', async () => {
    expect(await poll(async () => (await welcomeTab(ff.browser)) !== undefined, true, 15_000)).toBe(true);
    const page = (await welcomeTab(ff.browser))!;
    const uiLanguage = await page.evaluate(() => (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n.getUILanguage());
    expect(uiLanguage, 'Firefox is not in French: install its language pack (Debian: apt-get install firefox-esr-l10n-fr)').toMatch(/^fr/);
    expect(await poll(() => text(page, 'h1').catch(() => ''), 'Bienvenue dans Envoy')).toBe('Bienvenue dans Envoy');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await axeViolations(page)).toEqual([]);
  });
});

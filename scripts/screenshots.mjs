// `npm run screenshots`: drives the real browser (Chromium, headless, offline) over every surface
// in English, Khmer and French and writes PNGs to docs/images/<surface>-<lang>.png:
// popup (400×600), options, compose studio, welcome page, and the in-page panel on the X and
// Facebook demo composers (served at their real addresses by scripts/demo-launcher.mjs).
//
// Environment: ENVOY_SCREENSHOTS_SKIP_BUILD=1 (use the existing builds),
// ENVOY_SCREENSHOTS_LANGS=en,km (a subset), ENVOY_SCREENSHOTS_SURFACES=studio,popup (a subset).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchDemo } from './demo-launcher.mjs';
import { run, npx } from './run.mjs';

const OUT = path.resolve('docs/images');
const LANGS = process.env.ENVOY_SCREENSHOTS_LANGS?.split(',').filter(Boolean) ?? ['en', 'km', 'fr'];
const VIEWPORT = { width: 1280, height: 860 };

/** Demo drafts written for the screenshots (an outdated state name, a long post to split). */
const DRAFTS = {
  en: {
    short: 'Honoured to welcome the delegation of Swaziland to Phnom Penh today.',
    long:
      'Honoured to welcome the delegation of Swaziland to Phnom Penh today. We discussed trade, education and climate cooperation, ' +
      'and agreed to open a joint working group before the end of the year. Our thanks to everyone who made this visit possible. ' +
      'More at https://www.mfaic.gov.kh/ #Cambodia @MFAICambodia',
  },
  km: {
    short: 'រីករាយស្វាគមន៍គណៈប្រតិភូ Swaziland មកកាន់រាជធានីភ្នំពេញថ្ងៃនេះ។',
    long:
      'រីករាយស្វាគមន៍គណៈប្រតិភូ Swaziland មកកាន់រាជធានីភ្នំពេញថ្ងៃនេះ។ យើងបានពិភាក្សាអំពីកិច្ចសហប្រតិបត្តិការពាណិជ្ជកម្ម អប់រំ និងអាកាសធាតុ ' +
      'ហើយបានឯកភាពបង្កើតក្រុមការងាររួមមួយមុនចុងឆ្នាំនេះ។ សូមអរគុណដល់អស់អ្នកដែលបានធ្វើឱ្យដំណើរទស្សនកិច្ចនេះកើតឡើង។ #កម្ពុជា https://www.mfaic.gov.kh/',
  },
  fr: {
    short: 'Honoré d’accueillir aujourd’hui à Phnom Penh la délégation du Swaziland.',
    long:
      'Honoré d’accueillir aujourd’hui à Phnom Penh la délégation du Swaziland. Nous avons parlé de commerce, d’éducation et de climat, ' +
      'et convenu de créer un groupe de travail conjoint avant la fin de l’année. Merci à toutes celles et tous ceux qui ont rendu cette visite possible. ' +
      'https://www.mfaic.gov.kh/ #Cambodge',
  },
};

/** Composer selectors of the demo composers (tests/e2e/harness.ts COMPOSER_SELECTORS). */
const COMPOSERS = {
  x: '[data-testid="tweetTextarea_0"][contenteditable="true"]',
  facebook: 'div[role="dialog"] div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
};

/**
 * The demo platform pages render the draft with the machine's fonts; a machine without a Khmer
 * system font (CI) would show boxes where a user's machine shows Khmer. The page (not Envoy) is
 * given the bundled Noto Sans Khmer for the picture. Envoy's own panel uses its own font.
 */
const KHMER_PAGE_FONT = `@font-face { font-family: 'Screenshot Khmer'; src: url(data:font/woff2;base64,${readFileSync(
  'public/fonts/noto-sans-khmer-khmer-400-normal.woff2',
).toString('base64')}) format('woff2'); unicode-range: U+1780-17FF, U+19E0-19FF, U+200B-200D; }
html, body, [contenteditable], textarea { font-family: system-ui, sans-serif, 'Screenshot Khmer'; }`;

const SURFACES = {
  async popup(ctx, lang, shot) {
    const page = await ctx.extensionPage('popup.html', { width: 400, height: 600 });
    const search = page.getByRole('searchbox').first();
    await search.waitFor({ timeout: 10_000 }).catch(() => undefined);
    await search.fill(lang === 'km' ? 'ហ៊ុន ម៉ាណែត' : 'Hun Manet').catch(() => undefined);
    await page.waitForTimeout(400);
    await shot(page);
  },
  async options(ctx, lang, shot) {
    const page = await ctx.extensionPage('options.html#general');
    await page.locator('h2').first().waitFor();
    await shot(page);
  },
  async studio(ctx, lang, shot) {
    const page = await ctx.extensionPage('studio.html');
    await page.locator('textarea[data-studio-draft]').fill(DRAFTS[lang].long);
    const split = page.locator('[data-platform-counter="x"] button[aria-expanded]');
    if (await split.count()) await split.click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await shot(page);
  },
  async welcome(ctx, lang, shot) {
    const page = await ctx.extensionPage('welcome.html');
    await page.locator('h1').first().waitFor();
    await shot(page);
  },
  async 'panel-x'(ctx, lang, shot) {
    await ctx.panelShot('x', DRAFTS[lang].short, shot);
  },
  async 'panel-facebook'(ctx, lang, shot) {
    await ctx.panelShot('facebook', DRAFTS[lang].short, shot);
  },
};
const surfaceNames = process.env.ENVOY_SCREENSHOTS_SURFACES?.split(',').filter(Boolean) ?? Object.keys(SURFACES);

if (process.env.ENVOY_SCREENSHOTS_SKIP_BUILD !== '1') {
  for (const [command, args] of [
    [npx, ['wxt', 'build']],
    [process.execPath, ['scripts/build-fixtures.mjs', 'x', 'facebook']],
  ]) {
    const code = await run(command, args);
    if (code !== 0) process.exit(code);
  }
}

mkdirSync(OUT, { recursive: true });
const written = [];
for (const lang of LANGS) {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), `envoy-shots-${lang}-`));
  const demo = await launchDemo({ profileDir, headless: true, fixtures: ['x', 'facebook'], locale: lang, viewport: VIEWPORT, open: false });
  try {
    const origin = `chrome-extension://${demo.extensionId}`;
    // The interface language as a user would choose it (the browser's language is set too).
    const seed = await demo.context.newPage();
    await seed.goto(`${origin}/options.html`);
    await seed.evaluate(async (uiLanguage) => {
      const current = (await chrome.storage.sync.get('settings')).settings ?? {};
      await chrome.storage.sync.set({ settings: { ...current, version: 1, uiLanguage } });
    }, lang);
    await seed.close();
    // The welcome page the extension opened on install is not needed: close it.
    for (const p of demo.context.pages()) if (p.url().includes('/welcome.html')) await p.close();

    const ctx = {
      async extensionPage(file, viewport = VIEWPORT) {
        const page = await demo.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(`${origin}/${file}`);
        await page.waitForLoadState('load');
        await page.evaluate(() => document.fonts.ready);
        return page;
      },
      async panelShot(name, text, shot) {
        const page = await demo.context.newPage();
        await page.setViewportSize(VIEWPORT);
        await page.goto(name === 'x' ? 'https://x.com/home' : 'https://www.facebook.com/');
        await page.waitForFunction(() => window.__fixture !== undefined, undefined, { timeout: 10_000 });
        await page.addStyleTag({ content: KHMER_PAGE_FONT });
        await page.locator(COMPOSERS[name]).first().click();
        await page.keyboard.type(text);
        const host = page.locator('diplomacy-assistant').first();
        await host.waitFor({ state: 'attached', timeout: 10_000 });
        // Wait for the panel to have read the draft and found the outdated name (busy machines are slow).
        await host.locator('[data-rule]').first().waitFor({ state: 'attached', timeout: 15_000 }).catch(() => undefined);
        // A fresh profile waits for Chrome's policy answer (a few seconds): picture the settled panel.
        await host.locator('[data-policy-pending]').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
        await page.waitForTimeout(800);
        await page.evaluate(() => document.fonts.ready);
        await shot(page);
      },
    };
    for (const surface of surfaceNames) {
      const file = path.join(OUT, `${surface}-${lang}.png`);
      try {
        await SURFACES[surface](ctx, lang, async (page) => {
          await page.screenshot({ path: file, animations: 'disabled' });
          await page.close();
        });
        written.push(file);
        console.log(`${path.relative(process.cwd(), file)}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
      } catch (error) {
        console.error(`${surface} (${lang}) failed: ${error.message}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await demo.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
const total = written.reduce((n, f) => n + statSync(f).size, 0);
console.log(`${written.length} screenshots, ${(total / 1024 / 1024).toFixed(2)} MB in ${path.relative(process.cwd(), OUT)}/`);

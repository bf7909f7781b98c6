// `npm start`: builds Envoy and opens Chromium with it loaded. Envoy's own page is
// opened only once the extension's service worker runs: a chrome-extension:// URL
// given on the command line loads before the extension and shows ERR_BLOCKED_BY_CLIENT.
// A fresh profile shows the welcome page (opened by the extension on install);
// when the extension opens nothing itself, the compose studio is opened. Stops when the browser window is closed.
//
// Environment (used by tests/e2e/start.spec.ts): ENVOY_START_SKIP_BUILD=1 (use the
// existing .output/chrome-mv3), ENVOY_PROFILE_DIR, ENVOY_HEADLESS=1,
// ENVOY_CHROMIUM_ARGS (extra flags, space-separated).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';
import { run, npx } from './run.mjs';

if (process.env.ENVOY_START_SKIP_BUILD !== '1') {
  const built = await run(npx, ['wxt', 'build']);
  if (built !== 0) process.exit(built);
}

let executablePath;
try {
  executablePath = findChromium();
} catch (error) {
  console.error(`\n${error.message}`);
  console.error('You can still load .output/chrome-mv3 by hand: chrome://extensions → Developer mode → Load unpacked.');
  process.exit(1);
}

const extension = path.resolve('.output/chrome-mv3');
const profile = path.resolve(process.env.ENVOY_PROFILE_DIR || '.output/chromium-profile');
// A profile Chromium never used installs Envoy afresh, and the extension then opens its welcome page.
const freshProfile = !existsSync(path.join(profile, 'Default'));
mkdirSync(profile, { recursive: true });
console.log(`\nOpening ${executablePath} with Envoy loaded (profile: ${profile}).`);
if (/google-chrome|Google Chrome|chrome\.exe/.test(executablePath)) {
  console.log('Note: branded Google Chrome 137+ ignores --load-extension. If Envoy is missing, load .output/chrome-mv3 via chrome://extensions → Load unpacked.');
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: process.env.ENVOY_HEADLESS === '1',
  viewport: null,
  // No "controlled by automated software" bar: this is the developer's own browser window.
  ignoreDefaultArgs: ['--enable-automation'],
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--no-default-browser-check',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(process.env.ENVOY_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
  ],
});
context.on('close', () => process.exit(0));

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
// (URL.origin is 'null' for chrome-extension: URLs in Node.)
const origin = `chrome-extension://${new URL(worker.url()).host}`;
// On install the extension opens its welcome page itself; give it time to appear (longer on a
// fresh profile, where it is expected; a busy machine can take seconds).
const envoyPage = () => context.pages().find((p) => p.url().startsWith(origin));
const welcomeWait = freshProfile ? 10_000 : 1500;
for (let waited = 0; !envoyPage() && waited < welcomeWait; waited += 100) await new Promise((r) => setTimeout(r, 100));
let page = envoyPage();
if (!page) {
  page = context.pages().find((p) => p.url() === 'about:blank' || p.url().startsWith('chrome://newtab')) ?? (await context.newPage());
  await page.goto(`${origin}/studio.html`);
}
await page.bringToFront();
console.log(`Envoy is ready: ${page.url()}`);

/**
 * Firefox harness for Envoy's browser tests: Debian's `firefox-esr` driven over WebDriver BiDi
 * by puppeteer-core (Playwright's Firefox needs Playwright's own patched build, which cannot be
 * used with a distribution Firefox).
 *
 *   npx wxt build -b firefox && node scripts/build-fixtures.mjs && npx vitest run -c vitest.firefox.config.ts
 *
 * - Browser: `FIREFOX_PATH`, else /usr/bin/firefox-esr or /usr/bin/firefox; headless, a fresh
 *   temporary profile per launch (puppeteer creates and removes it).
 * - Extension: `.output/firefox-mv2` (or `ENVOY_FIREFOX_EXTENSION_DIR`) installed as a temporary
 *   add-on over BiDi `webExtension.install`. Its moz-extension UUID is fixed through the
 *   `extensions.webextensions.uuids` pref so tests can open the options page.
 * - Fixture pages: served at the platform's REAL URLs by BiDi request interception
 *   (`network.addIntercept` + `network.provideResponse`); every other http(s) request of the page
 *   is aborted. `MOZ_DISABLE_NONLOCAL_CONNECTIONS=1` keeps the rest of the browser (background
 *   page, Firefox services) off the network.
 * - Organisation policy: `policies.json` handed to Firefox's enterprise-policy engine through the
 *   `browser.policies.alternatePath` pref, which Firefox honours only "in automation"
 *   (`MOZ_DISABLE_NONLOCAL_CONNECTIONS=1` plus the
 *   `security.turn_off_all_security_so_that_viruses_can_take_over_this_computer` pref, the pair
 *   Mozilla's own test harnesses use). This is the same file an administrator deploys to
 *   /etc/firefox/policies/policies.json, without touching the system copy.
 * - `--remote-allow-system-access` lets BiDi navigate a tab to the extension's moz-extension pages.
 * 2-core machine: one browser at a time.
 */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, COMPOSER_SELECTORS, fixtureFiles, type FixtureName } from '../e2e/harness';

export { COMPOSER_SELECTORS, type FixtureName };

/** Gecko id of the Firefox build (wxt.config.ts browser_specific_settings). */
export const GECKO_ID = 'envoy@envoy-extension';
/** Fixed moz-extension UUID for the test profile. */
export const EXTENSION_UUID = '5b0e3f6a-8d1c-4f2e-9a7b-e11c0a7e5e01';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export const FIREFOX_EXTENSION_DIR = process.env.ENVOY_FIREFOX_EXTENSION_DIR
  ? path.resolve(process.env.ENVOY_FIREFOX_EXTENSION_DIR)
  : path.join(REPO_ROOT, '.output/firefox-mv2');

export function findFirefox(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean).find((p) => existsSync(p!));
  if (!found) {
    throw new Error('No Firefox found. Install it (Debian: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.');
  }
  return found!;
}

export interface FirefoxLaunchOptions {
  /** Value of `policies` in policies.json (e.g. `{ "3rdparty": { Extensions: { [GECKO_ID]: {…} } } }`). */
  policies?: Record<string, unknown>;
  /**
   * Firefox's interface language (`intl.locale.requested`), e.g. 'km' or 'fr'. Firefox uses it
   * only when its language pack is installed (Debian: firefox-esr-l10n-km / -fr, which .ci/run
   * installs); the pages' language and `navigator.language` follow it.
   */
  locale?: string;
}

export interface LaunchedFirefox {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
  if (!existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\` first.`);
  }
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'envoy-ff-'));
  const policyFile = path.join(workDir, 'policies.json');
  // An empty policy file when none is wanted: a system-wide one must not leak into the test.
  await writeFile(policyFile, JSON.stringify({ policies: options.policies ?? {} }));
  const cleanup = () => rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'browser.policies.alternatePath': policyFile,
        'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        // Every host name resolves to loopback: a request that escapes interception fails
        // instead of reaching (or crashing on) the network.
        'network.dns.native-is-localhost': true,
        ...(options.locale ? { 'intl.locale.requested': options.locale, 'intl.accept_languages': options.locale } : {}),
      },
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`Installed add-on id ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close().catch(() => undefined);
    await cleanup();
    throw error;
  }
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await cleanup();
    },
  };
}

/** Serves the fixture (page + script) at its real platform URL for this page; aborts other http(s). */
async function serveFixture(page: Page, name: FixtureName): Promise<string> {
  const fixture = fixtureFiles(name);
  // Keyed without query or hash, as requests are looked up below (YouTube's URL has `?v=…`).
  const bare = (u: string) => {
    const x = new URL(u);
    x.hash = '';
    x.search = '';
    return x.toString();
  };
  const files = new Map(fixture.files.map((f) => [bare(f.url), f]));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    if (!/^https?:$/.test(url.protocol)) {
      void request.continue();
      return;
    }
    const entry = files.get(bare(url.toString()));
    if (!entry) {
      void request.abort('blockedbyclient');
      return;
    }
    void request.respond({ status: 200, contentType: entry.contentType, body: readFileSync(entry.file), headers: { 'cache-control': 'no-store' } });
  });
  return fixture.url;
}

/** Opens a new tab on the fixture's real URL and waits for `window.__fixture`. */
export async function openFixture(browser: Browser, name: FixtureName): Promise<Page> {
  const page = await browser.newPage();
  const url = await serveFixture(page, name);
  await page.goto(url);
  await page.waitForFunction(() => window.__fixture !== undefined, { timeout: 10_000 });
  return page;
}

/**
 * Opens one of the extension's pages (e.g. 'options.html'). Puppeteer does not see the load of a
 * moz-extension document complete (the tab switches process), so the navigation is not awaited:
 * the document itself is polled instead.
 */
export async function openExtensionPage(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${file}`;
  page.goto(url, { timeout: 15_000 }).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
    if (ready) return page;
    if (Date.now() > deadline) throw new Error(`Extension page ${url} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Pierces open shadow roots (LinkedIn's #interop-outlet). */
export function composerSelector(name: FixtureName): string {
  const sel = COMPOSER_SELECTORS[name];
  return sel.shadowHost ? `${sel.shadowHost} >>> ${sel.composer}` : sel.composer;
}

/**
 * The platform's submit control. Puppeteer's CSS does not pierce shadow roots, so controls inside
 * one go through `>>>` (LinkedIn's outlet; the button inside Reddit's r-post-form-submit-button).
 */
export function submitSelector(name: FixtureName): string {
  const sel = COMPOSER_SELECTORS[name];
  if (sel.shadowHost) return `${sel.shadowHost} >>> ${sel.submit}`;
  if (name === 'reddit-submit') return 'r-post-form-submit-button#submit-post-button >>> button';
  return sel.submit;
}

/** Real click into the composer (after activating it where it is created on demand: YouTube), then Ctrl+End. */
export async function focusComposer(page: Page, name: FixtureName): Promise<void> {
  const activate = COMPOSER_SELECTORS[name].activate;
  if (activate && (await page.$(composerSelector(name))) === null) {
    await page.click(activate);
    await page.waitForSelector(composerSelector(name), { timeout: 5000 });
  }
  await page.click(composerSelector(name));
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
}

/** The extension page's WebExtension API, typed just enough for reading and seeding storage in page.evaluate. */
declare const browser: {
  storage: Record<'sync' | 'managed', { get(key: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }>;
};

/** Read-modify-write of the synced settings from one of Envoy's pages, as the options page stores them. */
export async function setSettings(extensionPage: Page, patch: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(async (p) => {
    const current = ((await browser.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
    await browser.storage.sync.set({ settings: { ...current, version: 1, ...p } });
  }, patch);
}

/** Envoy's in-page host element (its shadow root holds the panel). */
export const HOST = 'diplomacy-assistant[data-platform]';

/** First element matching `selector` inside Envoy's shadow root, or null. */
export async function inPanel(page: Page, selector: string): Promise<ElementHandle<Element> | null> {
  return page.$(`${HOST} >>> ${selector}`);
}

export async function fixtureText(page: Page): Promise<string> {
  return page.evaluate(() => window.__fixture!.getText());
}

export async function fixtureSubmissions(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.__fixture!.submissions]);
}

/** Polls `read` until it returns `expected` (deep-equal via JSON) or times out; returns the last value. */
export async function poll<T>(read: () => Promise<T>, expected: T, timeout = 8_000): Promise<T> {
  const want = JSON.stringify(expected);
  const deadline = Date.now() + timeout;
  let last = await read();
  while (JSON.stringify(last) !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

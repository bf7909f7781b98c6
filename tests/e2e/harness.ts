/**
 * Playwright harness for Envoy's browser tests.
 *
 * Runner choice: **vitest** with its own config, `vitest.e2e.config.ts` (environment `node`,
 * `fileParallelism: false`, long timeouts, includes `tests/e2e/**\/*.spec.ts`). It keeps the same
 * `describe/it/expect` API as the unit suite and needs no extra dependency; the unit config
 * (`vitest.config.ts`, happy-dom + WXT plugin) is not involved.
 *
 *   node scripts/build-fixtures.mjs && npx vitest run -c vitest.e2e.config.ts
 *
 * Browser: playwright-core + Debian Chromium (`CHROME_PATH` overrides `/usr/bin/chromium`), new
 * headless, a fresh temporary profile per launch. All network is blocked except the fixture
 * routes this harness registers and http://127.0.0.1:<port> (servers the tests start themselves,
 * e.g. Apertium APy): fixture pages are served at the platform's REAL URLs (so the
 * extension's content scripts match them) from `tests/fixtures/dist` (built by
 * `scripts/build-fixtures.mjs`; see `tests/fixtures/fixtures.json` for the URL table).
 * 2-core machine: launch one browser at a time.
 */
import { chromium, type BrowserContext, type Locator, type Page, type Route } from 'playwright-core';
import { findChromium, QUIET_FLAGS } from '../../scripts/chromium.mjs';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureHook, FixtureSelection } from '../fixtures/src/lib/hook';

export type { FixtureHook, FixtureSelection };

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIST = path.join(REPO_ROOT, 'tests/fixtures/dist');
/**
 * The built extension the suite loads. ENVOY_EXTENSION_DIR points at a copy instead, so a
 * rebuild of .output while the suite runs cannot swap the extension under it.
 */
export const EXTENSION_DIR = process.env.ENVOY_EXTENSION_DIR
  ? path.resolve(process.env.ENVOY_EXTENSION_DIR)
  : path.join(REPO_ROOT, '.output/chrome-mv3');
/** Path prefix (on the platform's own origin) the fixture scripts are served under. */
export const FIXTURE_SCRIPT_PREFIX = '/__envoy_fixture__/';

export interface FixtureInfo {
  url: string;
  title: string;
  editor: FixtureHook['editor'];
}

export const FIXTURES: Record<string, FixtureInfo> = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'tests/fixtures/fixtures.json'), 'utf8'),
);
export type FixtureName =
  | 'x' | 'facebook' | 'linkedin' | 'bluesky' | 'mastodon' | 'telegram' | 'instagram' | 'threads' | 'whatsapp' | 'youtube' | 'reddit' | 'reddit-submit';

/**
 * Real-site composer selectors (docs/composers.md §1). `shadowHost` means the composer lives in that
 * host's open shadow root (LinkedIn #interop-outlet); `activate` is what a user clicks before the
 * composer exists (YouTube's "Add a comment…"). Tests use these to prove the fixtures are findable
 * the way Envoy's adapters find the live sites.
 */
export const COMPOSER_SELECTORS: Record<FixtureName, { composer: string; submit: string; shadowHost?: string; activate?: string }> = {
  x: {
    composer: '[data-testid="tweetTextarea_0RichTextInputContainer"] > .DraftEditor-root [contenteditable="true"][role="textbox"][data-testid="tweetTextarea_0"]',
    submit: 'button[data-testid="tweetButtonInline"]',
  },
  facebook: {
    composer: 'div[role="dialog"] div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    submit: 'div[role="dialog"] div[role="button"][aria-label="Post"]',
  },
  instagram: {
    composer: 'div[role="dialog"][aria-label="Create new post"] div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    submit: 'div[role="dialog"][aria-label="Create new post"] div[role="button"]:text-is("Share")',
  },
  threads: {
    composer: 'div[role="dialog"] div[contenteditable="true"][role="textbox"][aria-placeholder]',
    submit: 'div[role="dialog"] div[role="button"]:has-text("Post")',
  },
  whatsapp: {
    composer: '#main footer div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    submit: '#main footer button[aria-label="Send"]',
  },
  linkedin: {
    shadowHost: 'div#interop-outlet',
    composer: '.ql-editor[contenteditable="true"]',
    submit: 'button.share-actions__primary-action',
  },
  bluesky: {
    composer: '[role="dialog"] div.ProseMirror[contenteditable="true"][role="textbox"]',
    submit: 'button[data-testid="composerPublishBtn"]',
  },
  mastodon: {
    composer: 'form.compose-form textarea.autosuggest-textarea__textarea',
    submit: '.compose-form__publish button[type="submit"]',
  },
  telegram: {
    composer: '.chat-input .input-message-input[contenteditable="true"]:not(.input-field-input-fake)',
    submit: '.btn-send-container button.btn-send',
  },
  youtube: {
    activate: 'ytd-comment-simplebox-renderer #placeholder-area',
    composer: 'ytd-comment-simplebox-renderer #contenteditable-root[contenteditable="true"]',
    submit: 'ytd-comment-simplebox-renderer #submit-button button',
  },
  reddit: {
    composer: 'shreddit-composer [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    submit: 'shreddit-composer > button[slot="submit-button"][type="submit"]',
  },
  // Submit page: the Post button is the <button> in r-post-form-submit-button's open shadow root.
  'reddit-submit': {
    composer: 'r-post-composer-form [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    submit: 'r-post-form-submit-button#submit-post-button button',
  },
};

export interface LaunchOptions {
  /**
   * Load the built extension from `.output/chrome-mv3` (run `wxt build` first), or from the given
   * unpacked-extension directory.
   */
  extension?: boolean | string;
  /** Browser UI/content locale, e.g. 'km', 'ar' (`--lang` + Playwright `locale`). */
  locale?: string;
  /**
   * Directory of Chromium policy JSON files (e.g. `{"3rdparty":{"extensions":{"<id>":{…}}}}` for
   * `storage.managed`). Chromium on Linux only reads the system-wide
   * `/etc/chromium/policies/managed/` (override with `CHROMIUM_POLICY_DIR`), so the files are copied
   * there with a unique prefix and removed by `close()`. System-wide: other Chromium processes
   * started meanwhile see them too.
   */
  policyDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Extension id from the service-worker URL (only with `extension: true`). */
  extensionId?: string;
  close(): Promise<void>;
}

/** URL → local file, per context; one router function serves these and aborts everything else. */
const servedFiles = new WeakMap<BrowserContext, Map<string, { file?: string; body?: string; contentType: string }>>();

function normalizeUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  return u.toString();
}

async function router(context: BrowserContext, route: Route): Promise<void> {
  const request = route.request();
  // Extension pages and their modules are not network: let them through.
  if (!/^https?:/.test(request.url())) {
    await route.continue();
    return;
  }
  // Loopback servers started by the test run itself (the real Apertium APy of the translation
  // tests, tests/e2e/apertium-server.ts). Playwright's context route also sees the extension
  // service worker's fetches, so without this the background could not reach them.
  if (/^http:\/\/127\.0\.0\.1:\d+\//.test(request.url())) {
    await route.continue();
    return;
  }
  const entry = servedFiles.get(context)?.get(normalizeUrl(request.url()));
  if (!entry) {
    await route.abort('blockedbyclient');
    return;
  }
  await route.fulfill({
    status: 200,
    contentType: entry.contentType,
    body: entry.body ?? readFileSync(entry.file!),
    headers: { 'cache-control': 'no-store' },
  });
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const { extension = false, locale, policyDir } = options;
  const extensionDir = typeof extension === 'string' ? path.resolve(extension) : EXTENSION_DIR;
  if (extension && !existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npx wxt build\` first.`);
  }
  const installedPolicies: string[] = [];
  if (policyDir) {
    const target = process.env.CHROMIUM_POLICY_DIR || '/etc/chromium/policies/managed';
    await mkdir(target, { recursive: true });
    for (const file of (await readdir(policyDir)).filter((f) => f.endsWith('.json'))) {
      const dest = path.join(target, `envoy-e2e-${process.pid}-${file}`);
      await copyFile(path.join(policyDir, file), dest);
      installedPolicies.push(dest);
    }
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'envoy-e2e-profile-'));
  const args = [
    ...QUIET_FLAGS,
    '--no-default-browser-check',
    ...(locale ? [`--lang=${locale}`] : []),
    ...(extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ...(options.args ?? []),
  ];
  const cleanup = async () => {
    await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    await Promise.all(installedPolicies.map((f) => rm(f, { force: true }).catch(() => undefined)));
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: true,
      args,
      ...(locale ? { locale } : {}),
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  servedFiles.set(context, new Map());
  await context.route('**/*', (route) => router(context, route));

  let extensionId: string | undefined;
  if (extension) {
    let [worker] = context.serviceWorkers();
    try {
      worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    } catch {
      await context.close();
      await cleanup();
      throw new Error(
        'Extension service worker did not start: check that .output/chrome-mv3 loads in Chromium ' +
          '(wxt.md §6 known issue: non-ASCII escapes break the whole extension).',
      );
    }
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close().catch(() => undefined);
      await cleanup();
    },
  };
}

/** Serves an HTML page (given as text) at `url`, e.g. a synthetic timeline at a platform URL. */
export function serveHtml(context: BrowserContext, url: string, html: string): string {
  const files = servedFiles.get(context);
  if (!files) throw new Error('serveHtml: context was not created by launchBrowser()');
  files.set(normalizeUrl(url), { body: html, contentType: 'text/html; charset=utf-8' });
  return url;
}

/** A built fixture's files and the real platform URLs they are served at (Chromium and Firefox suites). */
export function fixtureFiles(name: FixtureName): { url: string; files: { url: string; file: string; contentType: string }[] } {
  const info = FIXTURES[name];
  if (!info) throw new Error(`Unknown fixture "${name}"`);
  const html = path.join(FIXTURES_DIST, `${name}.html`);
  const script = path.join(FIXTURES_DIST, `${name}.js`);
  if (!existsSync(html) || !existsSync(script)) {
    throw new Error(`Fixture "${name}" is not built: run \`node scripts/build-fixtures.mjs\`.`);
  }
  return {
    url: info.url,
    files: [
      { url: info.url, file: html, contentType: 'text/html; charset=utf-8' },
      { url: new URL(`${FIXTURE_SCRIPT_PREFIX}${name}.js`, info.url).toString(), file: script, contentType: 'text/javascript; charset=utf-8' },
    ],
  };
}

/** Routes the fixture's real platform URL (and its script) to tests/fixtures/dist; returns the URL. */
export function serveFixture(context: BrowserContext, name: FixtureName): string {
  const { url, files: fixture } = fixtureFiles(name);
  const files = servedFiles.get(context);
  if (!files) throw new Error('serveFixture: context was not created by launchBrowser()');
  for (const f of fixture) files.set(normalizeUrl(f.url), { file: f.file, contentType: f.contentType });
  return url;
}

const pageErrorLog = new WeakMap<Page, string[]>();

/** Uncaught page errors seen since the page was opened by openFixture(). */
export function pageErrors(page: Page): string[] {
  return [...(pageErrorLog.get(page) ?? [])];
}

export interface OpenFixtureOptions {
  /**
   * Query string appended to the real URL, for fixture variants, e.g. `?quillShadowPatch=0`
   * (LinkedIn: Quill 1 without the shadow-DOM selection patch).
   */
  search?: string;
  /**
   * Rewrites the fixture's HTML before it is served, e.g. to put a hostile page's inline script
   * first in <head> (security tests).
   */
  transformHtml?: (html: string) => string;
}

/** Opens a new page on the fixture's real URL and waits for `window.__fixture`. */
export async function openFixture(context: BrowserContext, name: FixtureName, options: OpenFixtureOptions = {}): Promise<Page> {
  const url = serveFixture(context, name);
  if (options.transformHtml) {
    serveHtml(context, url, options.transformHtml(readFileSync(path.join(FIXTURES_DIST, `${name}.html`), 'utf8')));
  }
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrorLog.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url + (options.search ?? ''));
  try {
    await page.waitForFunction(() => window.__fixture !== undefined, undefined, { timeout: 10_000 });
  } catch (error) {
    throw new Error(`Fixture "${name}" did not install window.__fixture. Page errors: ${errors.join(' | ') || 'none'}`, {
      cause: error,
    });
  }
  return page;
}

/** Locator for the platform composer using the real-site selector (pierces the LinkedIn shadow root). */
export function composerLocator(page: Page, name: FixtureName) {
  const sel = COMPOSER_SELECTORS[name];
  // Playwright CSS locators pierce open shadow roots, so the host is only a scope here.
  return sel.shadowHost ? page.locator(sel.shadowHost).locator(sel.composer) : page.locator(sel.composer);
}

export function submitLocator(page: Page, name: FixtureName) {
  const sel = COMPOSER_SELECTORS[name];
  return sel.shadowHost ? page.locator(sel.shadowHost).locator(sel.submit) : page.locator(sel.submit);
}

/** Focuses the composer with a real click (at its end) and types with trusted keystrokes. */
export async function typeInto(page: Page, name: FixtureName, text: string, options: { delay?: number } = {}): Promise<void> {
  await focusComposer(page, name);
  await typeKeys(page, text, options);
}

/** Real click into the composer, then the caret is moved to the end with Ctrl+End. */
export async function focusComposer(page: Page, name: FixtureName): Promise<void> {
  const activate = COMPOSER_SELECTORS[name].activate;
  if (activate && (await composerLocator(page, name).count()) === 0) await page.locator(activate).click();
  await composerLocator(page, name).click();
  await page.keyboard.press('Control+End');
}

/**
 * Types text with trusted key events. '\n' presses Enter, and the sequence "\u2028" (LINE SEPARATOR)
 * presses Shift+Enter, so tests can express both paragraph and soft line breaks.
 */
export async function typeKeys(page: Page, text: string, options: { delay?: number } = {}): Promise<void> {
  const parts = text.split(/(\n|\u2028)/);
  for (const part of parts) {
    if (part === '\n') await page.keyboard.press('Enter');
    else if (part === '\u2028') await page.keyboard.press('Shift+Enter');
    else if (part) await page.keyboard.type(part, { delay: options.delay ?? 0 });
  }
}

export async function fixtureText(page: Page): Promise<string> {
  return page.evaluate(() => window.__fixture!.getText());
}

export async function fixtureSelection(page: Page): Promise<FixtureSelection | null> {
  return page.evaluate(() => window.__fixture!.getSelection());
}

export async function fixtureSubmissions(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.__fixture!.submissions]);
}

export async function fixtureUndo(page: Page): Promise<void> {
  await page.evaluate(() => window.__fixture!.undo());
}

/** Clicks the platform's own submit control (real click; waits until it is enabled). */
export async function submitViaUi(page: Page, name?: FixtureName): Promise<void> {
  const platform = name ?? ((await page.evaluate(() => window.__fixture!.platform)) as FixtureName);
  const submit = submitLocator(page, platform);
  await submit.waitFor({ state: 'visible' });
  // aria-disabled controls (div[role=button]) are not "disabled" to Playwright; wait for both.
  await page.waitForFunction(
    (el) => !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true',
    await submit.elementHandle(),
  );
  await submit.click();
}

/**
 * Chooses an option of a `<select>` with the keyboard (focus, then arrow keys: trusted `change`
 * events), as a user would. Envoy's in-page controls act only on trusted input, and Playwright's
 * `selectOption()` sets the value from a script (an untrusted `change`), so it does nothing there.
 */
export async function chooseOption(select: Locator, value: string): Promise<void> {
  const { from, to } = await select.evaluate(
    (el, v) => {
      const s = el as HTMLSelectElement;
      return { from: s.selectedIndex, to: [...s.options].findIndex((o) => o.value === v) };
    },
    value,
  );
  if (to < 0) throw new Error(`chooseOption: no option with value "${value}"`);
  await select.focus();
  for (let i = 0; i < Math.abs(to - from); i++) await select.press(to > from ? 'ArrowDown' : 'ArrowUp');
  const now = await select.inputValue();
  if (now !== value) throw new Error(`chooseOption: the select shows "${now}", not "${value}"`);
}

/** Waits until a condition on the fixture model holds (use after async writes). */
export async function waitForText(page: Page, expected: string, timeout = 5_000): Promise<void> {
  await page.waitForFunction((t) => window.__fixture!.getText() === t, expected, { timeout });
}

/** The extension pages' `chrome.storage`, typed just enough for tests that seed or read it (in page.evaluate). */
export interface ExtensionStorageArea {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
declare global {
  // Only ever used inside page.evaluate() callbacks on extension pages.
  const chrome: { storage: { sync: ExtensionStorageArea; local: ExtensionStorageArea } };
}

/** The built extension with loopback granted (what "Allow access" in Settings leaves behind). */
export async function extensionWithLoopbackGranted(): Promise<string> {
  // Another `wxt build` on this machine may be rewriting .output: wait for a complete build.
  for (let i = 0; i < 60 && !existsSync(path.join(EXTENSION_DIR, 'manifest.json')); i++) await new Promise((r) => setTimeout(r, 500));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envoy-ext-translation-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

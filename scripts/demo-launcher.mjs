// Chromium with Envoy loaded and the bundled demo composers (tests/fixtures, the real editor
// frameworks) served at their real platform addresses (https://x.com/home, …), offline:
// every http(s) request is answered from tests/fixtures/dist or refused, as in the e2e harness
// (tests/e2e/harness.ts), so the content scripts run exactly as on the live sites.
// Used by `npm run demo` (scripts/demo.mjs), `npm run screenshots` and tests/e2e/demo.spec.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, QUIET_FLAGS } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_SCRIPT_PREFIX = '/__envoy_fixture__/';
export const FIXTURE_REGISTRY = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/fixtures.json'), 'utf8'));
/** Demo order: the first is brought to the front. */
export const DEMO_FIXTURES = ['x', 'facebook', 'linkedin', 'bluesky', 'threads', 'mastodon', 'telegram', 'instagram', 'whatsapp'];

const withoutQuery = (url) => {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  return u.toString();
};

/** URL → built file for each fixture (page and script). Throws when the fixtures are not built. */
export function fixtureRoutes(names, distDir = path.join(root, 'tests/fixtures/dist')) {
  const routes = new Map();
  for (const name of names) {
    const info = FIXTURE_REGISTRY[name];
    if (!info) throw new Error(`Unknown fixture "${name}"`);
    const html = path.join(distDir, `${name}.html`);
    const script = path.join(distDir, `${name}.js`);
    if (!existsSync(html) || !existsSync(script)) throw new Error(`Fixture "${name}" is not built: run \`node scripts/build-fixtures.mjs\`.`);
    routes.set(withoutQuery(info.url), { file: html, contentType: 'text/html; charset=utf-8' });
    routes.set(withoutQuery(new URL(`${FIXTURE_SCRIPT_PREFIX}${name}.js`, info.url).toString()), { file: script, contentType: 'text/javascript; charset=utf-8' });
  }
  return routes;
}

/**
 * Launches the demo browser. Options: profileDir (required), headless, fixtures (names),
 * extensionDir (default .output/chrome-mv3), locale (e.g. 'km'), args (extra flags),
 * viewport (default: the window's size when headed, 1280×860 headless), open (default true:
 * a tab per fixture). Returns { context, extensionId, pages: { name: Page }, close() }.
 */
export async function launchDemo(options) {
  const fixtures = options.fixtures ?? DEMO_FIXTURES;
  const extensionDir = path.resolve(options.extensionDir ?? path.join(root, '.output/chrome-mv3'));
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run \`npx wxt build\` first.`);
  const routes = fixtureRoutes(fixtures, options.distDir);
  const headless = options.headless ?? false;
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: findChromium(),
    headless,
    viewport: options.viewport ?? (headless ? { width: 1280, height: 860 } : null),
    ...(options.locale ? { locale: options.locale } : {}),
    ignoreDefaultArgs: ['--enable-automation'],
    args: [
      ...QUIET_FLAGS,
      '--no-default-browser-check',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  // Offline: extension pages pass; fixture URLs are served from disk; everything else is refused.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) return route.continue();
    const entry = routes.get(withoutQuery(url));
    if (!entry) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: entry.contentType, body: readFileSync(entry.file), headers: { 'cache-control': 'no-store' } });
  });
  let worker = context.serviceWorkers()[0];
  try {
    worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  } catch (error) {
    await context.close();
    throw new Error('Envoy did not start in Chromium (no service worker).', { cause: error });
  }
  const extensionId = new URL(worker.url()).host;

  const pages = {};
  if (options.open !== false) {
    for (const name of fixtures) {
      const blank = context.pages().find((p) => p.url() === 'about:blank' && !Object.values(pages).includes(p));
      const page = blank ?? (await context.newPage());
      await page.goto(FIXTURE_REGISTRY[name].url);
      pages[name] = page;
    }
    await pages[fixtures[0]]?.bringToFront();
  }
  return { context, extensionId, pages, close: () => context.close() };
}

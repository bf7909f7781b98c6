/**
 * Editor modules (lib/editors) against the real editor frameworks in real Chromium.
 *
 * For each platform fixture: trusted keystrokes type a multi-paragraph draft with Khmer, then the
 * module replaces a range in the middle ("Swaziland" → "Eswatini"), inside the Khmer line, and at
 * the end (multi-line replacement). Every assertion reads the FRAMEWORK MODEL
 * (`window.__fixture.getText()`), never the DOM; then real keystrokes must land right after the
 * replacement (caret), the framework's undo must restore the text from before the fix, and the
 * platform's submit must send the corrected text.
 *
 * Paths:
 * - isolated: the module without a bridge (what Firefox MV2 gets; Chromium when the bridge is absent);
 * - bridge: the module with a bridge whose MAIN-world half is lib/bridge/main-world.ts
 *   `handleMessage`, called in the page world (MAIN world = page world). The real MessageChannel
 *   handshake and a hostile page are tested at the end with the built extension loaded.
 *
 * The modules are bundled from tests/e2e/editor-probe.ts with esbuild and injected into the page.
 * Build first: npx wxt build && node scripts/build-fixtures.mjs
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  COMPOSER_SELECTORS,
  REPO_ROOT,
  composerLocator,
  fixtureSelection,
  fixtureSubmissions,
  fixtureText,
  fixtureUndo,
  focusComposer,
  launchBrowser,
  openFixture,
  pageErrors,
  submitViaUi,
  typeInto,
  typeKeys,
  waitForText,
  type FixtureName,
  type LaunchedBrowser,
} from './harness';
import type { EditorKind } from '@/lib/platforms/types';
import type { WriteResult } from '@/lib/editors/types';
import type { ProbeReplaceOptions } from './editor-probe';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Past every framework's typing-merge window (Quill/Lexical 1000 ms, ProseMirror 500 ms). */
const HISTORY_GAP = 1_100;

let probeSource = '';
async function bundleProbe(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'tests/e2e/editor-probe.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    alias: { '@': REPO_ROOT },
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

interface EditorCase {
  name: FixtureName;
  kind: EditorKind;
  /** Keystroke for a paragraph break in this composer ('\u2028' = Shift+Enter where Enter sends). */
  para: string;
  /** Method the isolated path should use first. */
  isolated: string;
  /** The bridge can write this framework. */
  bridge: boolean;
}

const CASES: EditorCase[] = [
  { name: 'x', kind: 'draft', para: '\n', isolated: 'paste', bridge: false },
  { name: 'facebook', kind: 'lexical', para: '\n', isolated: 'beforeinput', bridge: true },
  { name: 'linkedin', kind: 'quill1', para: '\n', isolated: 'execCommand', bridge: true },
  { name: 'bluesky', kind: 'prosemirror', para: '\n', isolated: 'execCommand', bridge: true },
  { name: 'mastodon', kind: 'textarea', para: '\n', isolated: 'execCommand', bridge: false },
  { name: 'telegram', kind: 'contenteditable', para: '\u2028', isolated: 'execCommand', bridge: false },
];

const KHMER = 'សួស្តី ព្រះរាជាណាចក្រកម្ពុជា';
const draftKeys = (para: string) => `Meeting with Swaziland officials.${para}${para}${KHMER}${para}Thank you`;
const DRAFT = `Meeting with Swaziland officials.\n\n${KHMER}\nThank you`;

let browser: LaunchedBrowser;
let page: Page | undefined;

beforeAll(async () => {
  probeSource = await bundleProbe();
  browser = await launchBrowser();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the fixture, injects the editor modules and marks the composer like the content script does. */
async function open(name: FixtureName): Promise<Page> {
  page = await openFixture(browser.context, name);
  await page.addScriptTag({ content: probeSource });
  // The probe also searches open shadow roots (LinkedIn's #interop-outlet).
  const found = await page.evaluate((s) => window.__envoyEditors!.mark(s), COMPOSER_SELECTORS[name].composer);
  expect(found).toBe(true);
  return page;
}

const read = (p: Page, kind: EditorKind) => p.evaluate((k) => window.__envoyEditors!.read(k), kind);
const caret = (p: Page, kind: EditorKind) => p.evaluate((k) => window.__envoyEditors!.caret(k), kind);

async function replace(
  p: Page,
  kind: EditorKind,
  start: number,
  end: number,
  text: string,
  options: ProbeReplaceOptions = {},
): Promise<WriteResult> {
  return p.evaluate(
    ([k, s, e, t, o]) => window.__envoyEditors!.replace(k, s, e, t, o),
    [kind, start, end, text, options] as const,
  );
}

/** Replaces the first occurrence of `find` and checks model + caret. Returns the new model text. */
async function replaceWord(p: Page, c: EditorCase, find: string, by: string, options: ProbeReplaceOptions, method: string) {
  const before = await fixtureText(p);
  expect(await read(p, c.kind)).toBe(before);
  const start = before.indexOf(find);
  expect(start).toBeGreaterThanOrEqual(0);
  const result = await replace(p, c.kind, start, start + find.length, by, { original: find, ...options });
  expect(result).toEqual({ ok: true, method });
  const expected = before.slice(0, start) + by + before.slice(start + find.length);
  expect(await fixtureText(p)).toBe(expected);
  // Caret right after the inserted text, in the framework's model and in the module's reading.
  expect(await fixtureSelection(p)).toEqual({ start: start + by.length, end: start + by.length });
  expect(await caret(p, c.kind)).toBe(start + by.length);
  return { expected, start };
}

describe.each(CASES)('$name ($kind)', (c) => {
  afterEach(async () => {
    if (!page) return;
    expect(pageErrors(page)).toEqual([]);
    expect(await page.evaluate(() => window.__fixture!.errors)).toEqual([]);
  });

  const paths: Array<{ label: string; options: ProbeReplaceOptions; method: string }> = [
    { label: 'isolated (no bridge)', options: {}, method: c.isolated },
    ...(c.bridge ? [{ label: 'bridge', options: { bridge: true }, method: 'bridge' }] : []),
  ];

  it('read() equals the framework model for a multi-paragraph Khmer draft, and ranges map exactly', async () => {
    const p = await open(c.name);
    await typeInto(p, c.name, draftKeys(c.para));
    expect(await fixtureText(p)).toBe(DRAFT);
    expect(await read(p, c.kind)).toBe(DRAFT);
    expect(await caret(p, c.kind)).toBe(DRAFT.length);
    // Every [start, end) over word and line boundaries maps to a DOM range with exactly that text
    // (block separators are not text in a DOM Range, so compare without '\n').
    const bounds = [0, 8, 13, 22, 33, 34, 35, 41, DRAFT.length - 9, DRAFT.length - 3, DRAFT.length];
    for (const s of bounds) {
      for (const e of bounds) {
        if (e < s) continue;
        const got = await p.evaluate(([k, a, b]) => window.__envoyEditors!.rangeText(k, a, b), [c.kind, s, e] as const);
        const want = DRAFT.slice(s, e);
        expect(c.kind === 'textarea' ? got : got?.replace(/\n/g, ''), `[${s},${e})`).toBe(
          c.kind === 'textarea' ? want : want.replace(/\n/g, ''),
        );
      }
    }
  });

  for (const path of paths) {
    it(`${path.label}: replaces in the middle, in Khmer and at the end; caret, undo and submit stay right`, async () => {
      const p = await open(c.name);
      await typeInto(p, c.name, draftKeys(c.para));
      expect(await fixtureText(p)).toBe(DRAFT);
      await sleep(HISTORY_GAP);

      // 1. Middle of the first paragraph.
      const first = await replaceWord(p, c, 'Swaziland', 'Eswatini', path.options, path.method);
      // Undo through the framework's own history restores the draft from before the fix.
      await fixtureUndo(p);
      await waitForText(p, DRAFT);

      // 2. Again, then real keystrokes continue right after the replacement.
      await sleep(HISTORY_GAP);
      await replaceWord(p, c, 'Swaziland', 'Eswatini', path.options, path.method);
      await typeKeys(p, ' Kingdom');
      const afterTyping = first.expected.replace('Eswatini', 'Eswatini Kingdom');
      expect(await fixtureText(p)).toBe(afterTyping);

      // 3. Inside the Khmer line (formal greeting).
      await sleep(HISTORY_GAP);
      const khmer = await replaceWord(p, c, 'សួស្តី', 'ជំរាបសួរ', path.options, path.method);
      await typeKeys(p, '!');
      const afterKhmer = khmer.expected.replace('ជំរាបសួរ', 'ជំរាបសួរ!');
      expect(await fixtureText(p)).toBe(afterKhmer);

      // 4. At the end, with a multi-line replacement.
      await sleep(HISTORY_GAP);
      const text = await fixtureText(p);
      const end = text.length;
      const multi = 'you all.\nសូមអរគុណ';
      const result = await replace(p, c.kind, end - 3, end, multi, { original: 'you', ...path.options });
      expect(result).toEqual({ ok: true, method: path.method });
      const expectedEnd = text.slice(0, end - 3) + multi;
      expect(await fixtureText(p)).toBe(expectedEnd);
      expect(await fixtureSelection(p)).toEqual({ start: expectedEnd.length, end: expectedEnd.length });
      await typeKeys(p, ' 🙏');
      const final = `${expectedEnd} 🙏`;
      expect(await fixtureText(p)).toBe(final);

      // 5. The platform's own submit sends the corrected text.
      await submitViaUi(p, c.name);
      await waitForText(p, '');
      expect(await fixtureSubmissions(p)).toEqual([final]);
    });
  }

  it('deletes a range (empty replacement) and keeps typing at the deletion point', async () => {
    const p = await open(c.name);
    await typeInto(p, c.name, 'We met Swaziland today.');
    await sleep(HISTORY_GAP);
    const result = await replace(p, c.kind, 7, 17, '', { original: 'Swaziland ' });
    expect(result.ok).toBe(true);
    expect(await fixtureText(p)).toBe('We met today.');
    await typeKeys(p, 'them ');
    expect(await fixtureText(p)).toBe('We met them today.');
  });

  it('refuses a stale fix: the text at the range is no longer what was checked', async () => {
    const p = await open(c.name);
    await typeInto(p, c.name, 'We met Swaziland today.');
    const result = await replace(p, c.kind, 7, 16, 'Eswatini', { original: 'Swazilond' });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/stale/);
    expect(await fixtureText(p)).toBe('We met Swaziland today.');
  });
}, 180_000);

/** Fallback methods forced one by one (the primary is covered above). */
const FALLBACKS: Array<{ name: FixtureName; kind: EditorKind; method: string; text: string; expected: string }> = [
  { name: 'x', kind: 'draft', method: 'execCommand', text: 'Eswatini', expected: 'We met Eswatini today.' },
  { name: 'x', kind: 'draft', method: 'cut', text: '', expected: 'We met  today.' },
  { name: 'facebook', kind: 'lexical', method: 'paste', text: 'Eswatini', expected: 'We met Eswatini today.' },
  { name: 'facebook', kind: 'lexical', method: 'execCommand', text: 'Eswatini', expected: 'We met Eswatini today.' },
  { name: 'facebook', kind: 'lexical', method: 'beforeinput', text: 'Eswa\ntini', expected: 'We met Eswa\ntini today.' },
  { name: 'bluesky', kind: 'prosemirror', method: 'paste', text: 'Eswatini', expected: 'We met Eswatini today.' },
  { name: 'mastodon', kind: 'textarea', method: 'nativeSetter', text: 'Eswatini', expected: 'We met Eswatini today.' },
  { name: 'telegram', kind: 'contenteditable', method: 'dom', text: 'Eswa\n\ntini', expected: 'We met Eswa\n\ntini today.' },
  { name: 'telegram', kind: 'contenteditable', method: 'execCommand', text: 'Eswa\n\ntini', expected: 'We met Eswa\n\ntini today.' },
];

describe('fallback write methods (isolated world)', () => {
  for (const f of FALLBACKS) {
    it(`${f.name}: ${f.method} ${JSON.stringify(f.text)} updates the model and the caret`, async () => {
      const p = await open(f.name);
      await typeInto(p, f.name, 'We met Swaziland today.');
      await sleep(HISTORY_GAP);
      const result = await replace(p, f.kind, 7, 16, f.text, { methods: [f.method] });
      expect(result).toEqual({ ok: true, method: f.method });
      expect(await fixtureText(p)).toBe(f.expected);
      await typeKeys(p, 'X');
      const at = 7 + f.text.length;
      expect(await fixtureText(p)).toBe(f.expected.slice(0, at) + 'X' + f.expected.slice(at));
      expect(await p.evaluate(() => window.__fixture!.errors)).toEqual([]);
    });
  }
});

describe('verification', () => {
  it('a method that changes nothing hands over to the next one', async () => {
    const p = await open('facebook');
    await typeInto(p, 'facebook', 'We met Swaziland today.');
    // 'bridge' without a bridge throws before touching the editor: nothing changed, next method.
    const result = await replace(p, 'lexical', 7, 16, 'Eswatini', { methods: ['bridge', 'beforeinput'] });
    expect(result).toEqual({ ok: true, method: 'beforeinput' });
    expect(await fixtureText(p)).toBe('We met Eswatini today.');
  });

  it('a method that changes the text wrongly stops the write: no second method, no double insertion', async () => {
    const p = await open('facebook');
    await typeInto(p, 'facebook', 'We met Swaziland today.');
    // execCommand loses newlines in Lexical (docs/composers.md §2): the result is not the expected text.
    const result = await replace(p, 'lexical', 7, 16, 'Eswa\ntini', { methods: ['execCommand', 'beforeinput', 'paste'] });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/execCommand changed the draft unexpectedly/);
    const text = await fixtureText(p);
    expect(text.match(/Eswa/g)?.length).toBe(1);
    expect(text).not.toContain('Swaziland');
  });

  it('rejects ranges outside the draft without touching it', async () => {
    const p = await open('x');
    await typeInto(p, 'x', 'Hello');
    const result = await replace(p, 'draft', 3, 99, 'x');
    expect(result.ok).toBe(false);
    expect(await fixtureText(p)).toBe('Hello');
  });
});

describe('bridge handler in the page world', () => {
  for (const [name, kind] of [
    ['x', 'draft'],
    ['facebook', 'lexical'],
    ['linkedin', 'quill1'],
    ['bluesky', 'tiptap'],
  ] as const) {
    it(`${name}: read returns the ${kind} model text`, async () => {
      const p = await open(name);
      await typeInto(p, name, `Line one\n\n${KHMER}`);
      const response = await p.evaluate(() => window.__envoyEditors!.bridge({ op: 'read', target: 'probe-1' }));
      expect(response).toEqual({ id: expect.any(Number), ok: true, result: { kind, text: `Line one\n\n${KHMER}` } });
    });
  }

  it('replace refuses when `before` is not the model text, and validates every field', async () => {
    const p = await open('facebook');
    await typeInto(p, 'facebook', 'We met Swaziland today.');
    const bridge = (req: object) => p.evaluate((r) => window.__envoyEditors!.bridge(r), req);
    const stale = await bridge({ op: 'replace', target: 'probe-1', start: 7, end: 16, text: 'Eswatini', before: 'We met Swaziland today' });
    expect(stale).toMatchObject({ ok: false, error: expect.stringMatching(/model text differs/) });
    // Invalid messages get no answer at all.
    for (const bad of [
      { op: 'replace', target: 'probe-1', start: -1, end: 16, text: 'x', before: '' },
      { op: 'replace', target: 'probe-1', start: 0, end: 1.5, text: 'x', before: '' },
      { op: 'replace', target: 'Probe 1"]', start: 0, end: 1, text: 'x', before: '' },
      { op: 'replace', target: 'probe-1', start: 0, end: 1, text: 'x'.repeat(100_001), before: '' },
      { op: 'eval', target: 'probe-1', code: 'alert(1)' },
    ]) {
      expect(await bridge(bad)).toBeNull();
    }
    const unknownTarget = await bridge({ op: 'replace', target: 'nope', start: 0, end: 0, text: 'x', before: '' });
    expect(unknownTarget).toMatchObject({ ok: false, error: 'composer not found' });
    expect(await fixtureText(p)).toBe('We met Swaziland today.');
  });
});

describe('with the built extension: the real bridge is private', () => {
  let extBrowser: LaunchedBrowser | undefined;
  beforeAll(async () => {
    // One browser at a time on this machine: close the plain one first.
    await browser.close();
    extBrowser = await launchBrowser({ extension: true });
  });
  afterAll(async () => {
    await extBrowser?.close();
    browser = await launchBrowser(); // for afterAll symmetry
  });

  it('a hostile page script gets no port for a fake handshake, and window messages do nothing', async () => {
    const p = await openFixture(extBrowser!.context, 'facebook');
    page = p;
    await focusComposer(p, 'facebook');
    await typeKeys(p, 'We met Swaziland today.');
    // The content script marked the composer and the real bridge answered its probe.
    const host = p.locator('diplomacy-assistant').first();
    await host.waitFor({ state: 'attached', timeout: 10_000 });
    await expect.poll(() => host.getAttribute('data-bridge'), { timeout: 5_000 }).toBe('lexical');
    const target = await composerLocator(p, 'facebook').getAttribute('data-envoy-composer');
    expect(target).toMatch(/^[a-z0-9-]+$/);

    const outcome = await p.evaluate(async (id) => {
      const answers: unknown[] = [];
      // 1. A fake handshake with our own port: the bridge took exactly one (Envoy's) at document_start.
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => answers.push(e.data);
      window.postMessage({ type: 'envoy:bridge-handshake', version: 1 }, '*', [channel.port2]);
      channel.port1.postMessage({ id: 1, op: 'ping' });
      channel.port1.postMessage({ id: 2, op: 'read', target: id });
      // 2. Requests posted straight to window.
      window.postMessage({ id: 3, op: 'replace', target: id, start: 7, end: 16, text: 'HACKED', before: 'We met Swaziland today.' }, '*');
      await new Promise((r) => setTimeout(r, 800));
      // WXT wraps every content script in `var <name> = (async main)()`: in the MAIN world that is a
      // page-visible global holding main()'s promise. It must carry nothing.
      const wxtGlobal = (window as unknown as { editorBridge?: Promise<unknown> }).editorBridge;
      return {
        answers,
        text: window.__fixture!.getText(),
        globals: Object.keys(window).filter((k) => /envoy|bridge/i.test(k) && k !== 'editorBridge'),
        wxtGlobal: wxtGlobal === undefined ? 'absent' : await wxtGlobal,
      };
    }, target);
    expect(outcome.answers).toEqual([]);
    expect(outcome.text).toBe('We met Swaziland today.');
    expect(outcome.globals).toEqual([]);
    expect(outcome.wxtGlobal ?? 'absent').toBe('absent');
  });
});

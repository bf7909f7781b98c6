/**
 * Fixture self-tests (no extension loaded): prove each fixture page runs the real editor framework
 * faithfully enough for Envoy's adapters: real-site selectors find the composer, trusted keystrokes
 * reach the framework model, Enter/Shift+Enter behave like the platform, the platform's own submit
 * path captures the model text, and undo goes through the framework history. The last block
 * reproduces the write-method traps (docs/composers.md §2) with the real frameworks.
 *
 * Every assertion reads the framework model through window.__fixture (never innerText).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  COMPOSER_SELECTORS,
  FIXTURES,
  composerLocator,
  fixtureSelection,
  fixtureSubmissions,
  fixtureText,
  fixtureUndo,
  focusComposer,
  launchBrowser,
  openFixture,
  pageErrors,
  submitLocator,
  submitViaUi,
  typeInto,
  waitForText,
  type FixtureName,
  type LaunchedBrowser,
} from './harness';

/** '\n' = Enter, '\u2028' = Shift+Enter (see typeKeys). */
const SOFT = '\u2028';

interface PlatformCase {
  name: FixtureName;
  editor: string;
  /** Keystrokes for a multi-line draft and the model text the platform produces for them. */
  multiline: { keys: string; expected: string }[];
  /** Keyboard submit the platform supports, if any. */
  keyboardSubmit?: string;
  /** Submit control is disabled (or aria-disabled / absent) while the composer is empty. */
  submitDisabledWhenEmpty: boolean | 'hidden';
}

const CASES: PlatformCase[] = [
  {
    name: 'x',
    editor: 'draft',
    multiline: [
      { keys: 'Line one\nLine two', expected: 'Line one\nLine two' },
      { keys: 'Line one\n\nLine three', expected: 'Line one\n\nLine three' },
      { keys: `Soft${SOFT}break`, expected: 'Soft\nbreak' },
    ],
    keyboardSubmit: 'Control+Enter',
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'facebook',
    editor: 'lexical',
    multiline: [
      { keys: 'Line one\nLine two', expected: 'Line one\nLine two' },
      { keys: 'Line one\n\nLine three', expected: 'Line one\n\nLine three' },
      { keys: `Soft${SOFT}break`, expected: 'Soft\nbreak' },
    ],
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'linkedin',
    editor: 'quill1',
    multiline: [
      { keys: 'Line one\nLine two', expected: 'Line one\nLine two' },
      { keys: 'Line one\n\nLine three', expected: 'Line one\n\nLine three' },
      { keys: `Soft${SOFT}break`, expected: 'Soft\nbreak' },
    ],
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'bluesky',
    editor: 'tiptap',
    multiline: [
      { keys: 'Line one\nLine two', expected: 'Line one\nLine two' },
      { keys: 'Line one\n\nLine three', expected: 'Line one\n\nLine three' },
      { keys: `Soft${SOFT}break`, expected: 'Soft\nbreak' },
    ],
    keyboardSubmit: 'Control+Enter',
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'mastodon',
    editor: 'textarea',
    multiline: [
      { keys: 'Line one\nLine two', expected: 'Line one\nLine two' },
      { keys: 'Line one\n\nLine three', expected: 'Line one\n\nLine three' },
    ],
    keyboardSubmit: 'Control+Enter',
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'telegram',
    editor: 'contenteditable',
    multiline: [
      { keys: `Line one${SOFT}Line two`, expected: 'Line one\nLine two' },
      { keys: `Line one${SOFT}${SOFT}Line three`, expected: 'Line one\n\nLine three' },
      { keys: `Trailing${SOFT}`, expected: 'Trailing\n' },
    ],
    keyboardSubmit: 'Enter',
    submitDisabledWhenEmpty: false,
  },
  {
    name: 'instagram',
    editor: 'lexical',
    multiline: [{ keys: `Line one\n\nLine three${SOFT}soft`, expected: 'Line one\n\nLine three\nsoft' }],
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'threads',
    editor: 'lexical',
    multiline: [{ keys: `Line one\n\nLine three${SOFT}soft`, expected: 'Line one\n\nLine three\nsoft' }],
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'whatsapp',
    editor: 'lexical',
    multiline: [{ keys: `Line one${SOFT}${SOFT}Line three`, expected: 'Line one\n\nLine three' }],
    keyboardSubmit: 'Enter',
    submitDisabledWhenEmpty: 'hidden',
  },
  {
    name: 'youtube',
    editor: 'contenteditable',
    multiline: [
      { keys: 'Line one\nLine two', expected: 'Line one\nLine two' },
      { keys: `Soft${SOFT}break`, expected: 'Soft\nbreak' },
    ],
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'reddit',
    editor: 'lexical',
    multiline: [
      { keys: 'Line one\nLine two', expected: 'Line one\nLine two' },
      { keys: 'Line one\n\nLine three', expected: 'Line one\n\nLine three' },
      { keys: `Soft${SOFT}break`, expected: 'Soft\nbreak' },
    ],
    submitDisabledWhenEmpty: true,
  },
  {
    name: 'reddit-submit',
    editor: 'lexical',
    multiline: [
      { keys: 'Line one\nLine two', expected: 'Line one\nLine two' },
      { keys: `Soft${SOFT}break`, expected: 'Soft\nbreak' },
    ],
    submitDisabledWhenEmpty: true,
  },
];

let browser: LaunchedBrowser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});
afterAll(async () => {
  await browser?.close();
});

async function open(name: FixtureName, search?: string): Promise<Page> {
  page = await openFixture(browser.context, name, { search });
  return page;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(CASES)('$name fixture ($editor)', (c) => {
  afterEach(async () => {
    // Normal use of a faithful fixture never throws inside the framework.
    if (!page) return;
    expect(pageErrors(page)).toEqual([]);
    expect(await page.evaluate(() => window.__fixture!.errors)).toEqual([]);
  });

  it('is served at the real platform URL with the uniform hook', async () => {
    const p = await open(c.name);
    expect(p.url()).toBe(FIXTURES[c.name]!.url);
    const hook = await p.evaluate(() => ({
      platform: window.__fixture!.platform,
      editor: window.__fixture!.editor,
      text: window.__fixture!.getText(),
      submissions: window.__fixture!.submissions.length,
    }));
    expect(hook).toEqual({ platform: c.name, editor: c.editor, text: '', submissions: 0 });
  });

  it('composer and submit are findable with the real-site selectors', async () => {
    const p = await open(c.name);
    const activate = COMPOSER_SELECTORS[c.name].activate;
    if (activate) {
      // The composer only exists once the user activates it, as on the live site.
      expect(await composerLocator(p, c.name).count()).toBe(0);
      await p.locator(activate).click();
    }
    await expect(composerLocator(p, c.name).count()).resolves.toBe(1);
    expect(await composerLocator(p, c.name).isVisible()).toBe(true);
    if (c.submitDisabledWhenEmpty === 'hidden') {
      expect(await submitLocator(p, c.name).count()).toBe(0);
    } else {
      expect(await submitLocator(p, c.name).count()).toBe(1);
    }
    if (c.submitDisabledWhenEmpty === true) {
      const disabled = await submitLocator(p, c.name).evaluate(
        (el) => (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true',
      );
      expect(disabled).toBe(true);
    }
  });

  it('trusted keystrokes update the framework model and caret', async () => {
    const p = await open(c.name);
    await typeInto(p, c.name, 'Hello world');
    expect(await fixtureText(p)).toBe('Hello world');
    expect(await fixtureSelection(p)).toEqual({ start: 11, end: 11 });
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.press('Shift+ArrowLeft');
    await p.keyboard.press('Shift+ArrowLeft');
    await sleep(50); // selectionchange is async
    expect(await fixtureSelection(p)).toEqual({ start: 8, end: 10 });
    await p.keyboard.type('X');
    expect(await fixtureText(p)).toBe('Hello woXd');
  });

  for (const [i, m] of c.multiline.entries()) {
    it(`multi-line typing #${i + 1} gives ${JSON.stringify(m.expected)}`, async () => {
      const p = await open(c.name);
      await typeInto(p, c.name, m.keys);
      expect(await fixtureText(p)).toBe(m.expected);
      expect(await fixtureSubmissions(p)).toEqual([]);
    });
  }

  it('submit via the platform UI pushes the model text and clears the editor', async () => {
    const p = await open(c.name);
    const draft = c.name === 'telegram' || c.name === 'whatsapp' ? `First${SOFT}second` : 'First\nsecond';
    await typeInto(p, c.name, draft);
    const before = await fixtureText(p);
    expect(before).toBe('First\nsecond');
    await submitViaUi(p, c.name);
    await waitForText(p, '');
    expect(await fixtureSubmissions(p)).toEqual(['First\nsecond']);
    // The composer is usable again after the reset.
    await typeInto(p, c.name, 'Again');
    expect(await fixtureText(p)).toBe('Again');
  });

  if (c.keyboardSubmit) {
    it(`${c.keyboardSubmit} submits like the platform`, async () => {
      const p = await open(c.name);
      await typeInto(p, c.name, 'Keyboard post');
      await p.keyboard.press(c.keyboardSubmit!);
      await waitForText(p, '');
      expect(await fixtureSubmissions(p)).toEqual(['Keyboard post']);
    });
  }

  it('undo goes through the framework history', async () => {
    const p = await open(c.name);
    await typeInto(p, c.name, 'Hello world');
    await sleep(1_100); // past every framework's typing-merge window (Quill/Lexical 1000 ms, PM 500 ms)
    await p.keyboard.press('Control+A');
    await sleep(50);
    // One keystroke replacing the selection = exactly one history entry in every framework
    // (multi-key typing is grouped differently: Lexical/Quill/PM merge, native undo may not).
    await p.keyboard.type('X');
    expect(await fixtureText(p)).toBe('X');
    await fixtureUndo(p);
    await waitForText(p, 'Hello world');
    expect(await fixtureText(p)).toBe('Hello world');
    // A second undo walks further back through the typing history (never forward).
    await fixtureUndo(p);
    await sleep(100);
    const older = await fixtureText(p);
    expect('Hello world'.startsWith(older) && older.length < 'Hello world'.length).toBe(true);
  });
}, 120_000);

describe('platform-specific DOM traps', () => {
  it('linkedin: the Quill editor is only reachable through #interop-outlet.shadowRoot', async () => {
    const p = await open('linkedin');
    const found = await p.evaluate(() => {
      const host = document.querySelector('div#interop-outlet');
      const inShadow = host?.shadowRoot?.querySelector('.ql-editor[contenteditable="true"]');
      return {
        light: document.querySelector('.ql-editor') !== null,
        shadow: inShadow != null,
        container: (inShadow?.closest('.ql-container') as (Element & { __quill?: unknown }) | null)?.__quill != null,
        submitInShadow: host?.shadowRoot?.querySelector('button.share-actions__primary-action') != null,
        role: inShadow?.getAttribute('role'),
      };
    });
    expect(found).toEqual({ light: false, shadow: true, container: true, submitInShadow: true, role: 'textbox' });
    // Deep active element: after a click, document.activeElement is the host, the shadow root knows the editor.
    await focusComposer(p, 'linkedin');
    const active = await p.evaluate(() => ({
      doc: document.activeElement?.id,
      deep: document.activeElement?.shadowRoot?.activeElement?.classList.contains('ql-editor'),
    }));
    expect(active).toEqual({ doc: 'interop-outlet', deep: true });
  });

  it('linkedin ?quillShadowPatch=0: unpatched Quill 1 in a shadow root still updates its model but loses its selection', async () => {
    const p = await open('linkedin', '?quillShadowPatch=0');
    await typeInto(p, 'linkedin', 'Line one\nLine two');
    expect(await fixtureText(p)).toBe('Line one\nLine two');
    // document.getSelection() is retargeted to the host, so Quill cannot see its own caret.
    expect(await fixtureSelection(p)).toBeNull();
    await submitViaUi(p, 'linkedin');
    expect(await fixtureSubmissions(p)).toEqual(['Line one\nLine two']);
  });

  it('reddit-submit: title and Post button live in open shadow roots; only the inner button posts', async () => {
    const p = await open('reddit-submit');
    const dom = await p.evaluate(() => {
      const title = document.querySelector('faceplate-textarea-input')!;
      const submit = document.querySelector('r-post-form-submit-button#submit-post-button')!;
      return {
        lightTextarea: document.querySelector('textarea'),
        title: (title.shadowRoot!.querySelector('textarea#innerTextArea') as HTMLTextAreaElement).value,
        lightButton: submit.querySelector('button'),
        innerButton: submit.shadowRoot!.querySelector('button')!.textContent,
      };
    });
    expect(dom).toEqual({ lightTextarea: null, title: 'Cambodia and ASEAN digital cooperation', lightButton: null, innerButton: 'Post' });
    await typeInto(p, 'reddit-submit', 'Hello Reddit');
    await expect.poll(() => submitLocator(p, 'reddit-submit').isEnabled(), { timeout: 5000 }).toBe(true);
    // A script clicking the host element posts nothing; the inner button does.
    await p.evaluate(() => (document.querySelector('#submit-post-button') as HTMLElement).click());
    await sleep(200);
    expect(await fixtureSubmissions(p)).toEqual([]);
    await p.evaluate(() => document.querySelector('#submit-post-button')!.shadowRoot!.querySelector('button')!.click());
    await expect.poll(() => fixtureSubmissions(p), { timeout: 5000 }).toEqual(['Hello Reddit']);
  });

  it('linkedin ?nested=1: the Quill editor is two open shadow roots deep and still works', async () => {
    const p = await open('linkedin', '?nested=1');
    const depth = await p.evaluate(() => {
      const outer = document.querySelector('#interop-outlet')!.shadowRoot!;
      const inner = outer.querySelector('share-box-v2-host')!.shadowRoot!;
      return { inOuter: outer.querySelector('.ql-editor') !== null, inInner: inner.querySelector('.ql-editor') !== null };
    });
    expect(depth).toEqual({ inOuter: false, inInner: true });
    await typeInto(p, 'linkedin', 'Hello');
    await waitForText(p, 'Hello');
    expect(await fixtureSelection(p)).toEqual({ start: 5, end: 5 });
  });

  it('telegram: a naive query hits the hidden .input-field-input-fake mirror first', async () => {
    const p = await open('telegram');
    const naive = await p.evaluate(
      () => document.querySelector('.chat-input .input-message-input[contenteditable="true"]')?.className ?? '',
    );
    expect(naive).toContain('input-field-input-fake');
    await typeInto(p, 'telegram', 'Mirror me');
    const mirror = await p.evaluate(() => document.querySelector('.input-field-input-fake')!.textContent);
    expect(mirror).toBe('Mirror me'); // the mirror follows, but it is not the model
    expect(await fixtureText(p)).toBe('Mirror me');
    expect(COMPOSER_SELECTORS.telegram.composer).toContain(':not(.input-field-input-fake)');
  });

  it('x: Draft renders data-testid/aria-label on the contenteditable itself', async () => {
    const p = await open('x');
    const attrs = await p.evaluate(() => {
      const el = document.querySelector('[data-testid="tweetTextarea_0"]')!;
      return {
        editable: el.getAttribute('contenteditable'),
        role: el.getAttribute('role'),
        label: el.getAttribute('aria-label'),
        draftClass: el.classList.contains('public-DraftEditor-content'),
        primaryColumn: el.closest('[data-testid="primaryColumn"]') !== null,
      };
    });
    expect(attrs).toEqual({ editable: 'true', role: 'textbox', label: 'Post text', draftClass: true, primaryColumn: true });
  });
});

/**
 * Write-method traps reproduced by the real frameworks (docs/composers.md §0/§2). These document why
 * Envoy's editor modules choose different write methods per editor. Each test first types a
 * trusted baseline, selects all, waits a tick, then writes.
 */
describe('write-method traps (real frameworks)', () => {
  const TARGET_MULTI = 'Line one\n\nLine three';

  async function selectAllAndTick(p: Page) {
    await p.keyboard.press('Control+A');
    await sleep(50);
  }

  /** Dispatches an untrusted paste with only text/plain on the focused (deep) active element. */
  async function syntheticPaste(p: Page, text: string) {
    await p.evaluate((t) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const event = new ClipboardEvent('paste', {
        clipboardData: new DataTransfer(),
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      event.clipboardData!.setData('text/plain', t);
      el!.dispatchEvent(event);
    }, text);
    await sleep(250);
  }

  async function execInsertText(p: Page, text: string): Promise<boolean> {
    const ok = await p.evaluate((t) => document.execCommand('insertText', false, t), text);
    await sleep(250);
    return ok;
  }

  it('Draft (x): execCommand insertText of multi-line text keeps only the last paragraph; synthetic paste works', async () => {
    const p = await open('x');
    await typeInto(p, 'x', 'Hello world');
    await selectAllAndTick(p);
    await execInsertText(p, TARGET_MULTI);
    const afterExec = await fixtureText(p);
    expect(afterExec).not.toBe(TARGET_MULTI);
    expect(afterExec).not.toContain('Line one');
    expect(afterExec).toBe('Line three');

    await selectAllAndTick(p);
    await syntheticPaste(p, TARGET_MULTI);
    expect(await fixtureText(p)).toBe(TARGET_MULTI);
  });

  it('Draft (x): execCommand insertText into an EMPTY editor desynchronises DOM and model', async () => {
    const p = await open('x');
    await focusComposer(p, 'x');
    await execInsertText(p, 'Hello');
    const result = await p.evaluate(() => ({
      model: window.__fixture!.getText(),
      dom: [...document.querySelectorAll('[data-testid="tweetTextarea_0"] [data-block="true"]')]
        .map((b) => b.textContent)
        .join('\n'),
      errors: [...window.__fixture!.errors],
    }));
    // Reproduces draft-js#36/#616: React throws NotFoundError (removeChild) while reconciling the
    // DOM the browser edited; React 19 then unmounts the whole root, so the composer disappears
    // while the last Draft model still says "Hello".
    expect(result.errors.join('\n'), JSON.stringify(result)).toMatch(/removeChild/);
    expect(result.dom === result.model && result.model === 'Hello', JSON.stringify(result)).toBe(false);
  });

  it('Quill 1 (linkedin): a synthetic paste inserts nothing; execCommand insertText works, multi-line too', async () => {
    const p = await open('linkedin');
    await typeInto(p, 'linkedin', 'Hello world');
    await selectAllAndTick(p);
    await syntheticPaste(p, 'Replaced');
    // Quill 1 waits for a native paste into its hidden .ql-clipboard: the selection is deleted and
    // nothing is inserted.
    const afterPaste = await fixtureText(p);
    expect(afterPaste).not.toContain('Replaced');
    expect(afterPaste).toBe('');

    await focusComposer(p, 'linkedin');
    await selectAllAndTick(p);
    await execInsertText(p, TARGET_MULTI);
    await waitForText(p, TARGET_MULTI);
    expect(await fixtureText(p)).toBe(TARGET_MULTI);
  });

  it('Lexical (facebook): execCommand insertText loses the newlines; synthetic beforeinput insertText keeps them', async () => {
    const p = await open('facebook');
    await typeInto(p, 'facebook', 'Hello world');
    await selectAllAndTick(p);
    await execInsertText(p, TARGET_MULTI);
    const afterExec = await fixtureText(p);
    expect(afterExec).not.toBe(TARGET_MULTI);
    expect(afterExec.replace(/\n/g, '')).toBe(TARGET_MULTI.replace(/\n/g, ''));

    await selectAllAndTick(p);
    await p.evaluate((t) => {
      const el = document.querySelector('[data-lexical-editor="true"]')!;
      const sel = document.getSelection()!;
      const range = sel.getRangeAt(0);
      el.dispatchEvent(
        new InputEvent('beforeinput', {
          inputType: 'insertText',
          data: t,
          bubbles: true,
          cancelable: true,
          composed: true,
          targetRanges: [new StaticRange(range)],
        }),
      );
    }, TARGET_MULTI);
    await waitForText(p, TARGET_MULTI);
    expect(await fixtureText(p)).toBe(TARGET_MULTI);
  });

  it('Draft (x): a synthetic paste in the same task as the selection lands at the stale caret', async () => {
    const p = await open('x');
    await typeInto(p, 'x', 'Hello world');
    await p.evaluate(() => {
      // Select everything programmatically and paste in the SAME task (no tick).
      const el = document.querySelector('[data-testid="tweetTextarea_0"]')!;
      const range = document.createRange();
      range.selectNodeContents(el);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      const event = new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
      event.clipboardData!.setData('text/plain', 'New');
      el.dispatchEvent(event);
    });
    await sleep(250);
    const text = await fixtureText(p);
    expect(text).not.toBe('New');
    expect(text).toContain('Hello world');
  });

  it('TipTap (bluesky): execCommand insertText works multi-line; the Bluesky-style parser keeps blank lines on paste', async () => {
    const p = await open('bluesky');
    await typeInto(p, 'bluesky', 'Hello world');
    await selectAllAndTick(p);
    await execInsertText(p, TARGET_MULTI);
    expect(await fixtureText(p)).toBe(TARGET_MULTI);

    await selectAllAndTick(p);
    await syntheticPaste(p, 'Pasted one\n\nPasted three');
    expect(await fixtureText(p)).toBe('Pasted one\n\nPasted three');
  });

  it('React textarea (mastodon): plain value assignment is ignored by React; native setter + input and execCommand update state', async () => {
    const p = await open('mastodon');
    await typeInto(p, 'mastodon', 'Hello');
    // 1) el.value = … + input: React's value tracker swallows the event, state keeps the old text.
    await p.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('textarea.autosuggest-textarea__textarea')!;
      ta.value = 'Assigned';
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await sleep(100);
    expect(await fixtureText(p)).toBe('Hello');
    // 2) Native prototype setter + input: React sees the change.
    await p.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('textarea.autosuggest-textarea__textarea')!;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(ta, 'Native setter');
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitForText(p, 'Native setter');
    // 3) execCommand keeps the native undo stack.
    await focusComposer(p, 'mastodon');
    await selectAllAndTick(p);
    await execInsertText(p, TARGET_MULTI);
    await waitForText(p, TARGET_MULTI);
    await fixtureUndo(p);
    await waitForText(p, 'Native setter');
  });

  it('custom contenteditable (telegram): only `input` events reach the app state', async () => {
    const p = await open('telegram');
    await typeInto(p, 'telegram', 'Hello');
    await p.evaluate(() => {
      const el = document.querySelector('.chat-input .input-message-input:not(.input-field-input-fake)')!;
      el.textContent = 'Silently replaced'; // no input event: the app never hears about it
    });
    expect(await fixtureText(p)).toBe('Hello');
    await focusComposer(p, 'telegram');
    await selectAllAndTick(p);
    await execInsertText(p, 'Via execCommand');
    await waitForText(p, 'Via execCommand');
  });
});

/**
 * The submit guard over a DOM (happy-dom): the platform's own handlers stand
 * in as listeners registered on the button / composer / form; the guard's
 * capture-phase listeners on window must stop them while a post is held and
 * let them run exactly once after a release. The real editors are covered by
 * tests/e2e/checklist.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_TEMPLATES } from '@/lib/checklist';
import type { ChecklistMode } from '@/lib/checklist/hold';
import type { ComposerSpec } from '@/lib/platforms';
import { createChecklistController } from '@/entrypoints/content/checklist-controller';
import { attachSubmitGuard, resolveSubmitButtons } from '@/entrypoints/content/submit-guard';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.innerHTML = '';
});

function spec(overrides: Partial<ComposerSpec> = {}): ComposerSpec {
  return {
    selector: '.composer',
    editor: 'contenteditable',
    kind: 'post',
    submit: ['button.post'],
    limit: 280,
    counting: 'utf16',
    ...overrides,
  };
}

function setup(options: { mode?: ChecklistMode; spec?: Partial<ComposerSpec>; html?: string; shadow?: boolean } = {}) {
  let mode: ChecklistMode = options.mode ?? 'hold';
  let root: ParentNode = document.body;
  if (options.shadow) {
    const outlet = document.createElement('div');
    outlet.id = 'interop-outlet';
    document.body.append(outlet);
    root = outlet.attachShadow({ mode: 'open' });
  }
  const container = document.createElement('div');
  container.innerHTML =
    options.html ??
    '<form class="box"><div class="composer" contenteditable="true">Hello world</div><button type="button" class="post">Post</button></form>';
  root.append(container);
  const element = container.querySelector<HTMLElement>('.composer')!;
  const host = document.createElement('diplomacy-assistant');
  document.body.append(host);
  const controller = createChecklistController({
    platform: 'x',
    draftKey: 'tab:k',
    mode: () => mode,
    tokenPrefix: 'prefix',
    templates: BUILT_IN_TEMPLATES,
    input: { text: 'Hello world', findings: [], length: { count: 11, limit: 280 }, prompts: [], modes: [], accountType: 'official', isReply: false },
  });
  const posts: string[] = [];
  const readText = () => (element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? ''));
  const detach = attachSubmitGuard({
    element,
    spec: spec(options.spec),
    host,
    mode: () => mode,
    readText,
    controller,
    successWindowMs: 1000,
  });
  cleanups.push(detach);
  const tickAll = () => {
    for (const item of controller.store.getState().items) if (item.required && !item.checked) controller.tick(item.id, true);
  };
  return { element, container, host, controller, posts, readText, tickAll, setMode: (m: ChecklistMode) => (mode = m), root };
}

/** The platform's own click handler on its button (target phase). */
function platformClick(button: HTMLElement, posts: string[], read: () => string) {
  button.addEventListener('click', () => posts.push(read()));
}

function enter(target: EventTarget, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('button', () => {
  it('hold: the platform handler does not run until the list is complete, then runs once', () => {
    const { container, controller, posts, readText, tickAll } = setup();
    const button = container.querySelector<HTMLElement>('button.post')!;
    platformClick(button, posts, readText);
    button.click();
    expect(posts).toEqual([]);
    expect(controller.store.getState().held).toBe(true);
    tickAll();
    expect(posts).toEqual([]);
    button.click();
    expect(posts).toEqual(['Hello world']);
  });

  it('"Post now" and "Post anyway" click the held button exactly once', () => {
    const { container, controller, posts, readText, tickAll } = setup();
    const button = container.querySelector<HTMLElement>('button.post')!;
    platformClick(button, posts, readText);
    button.click();
    controller.override('Cleared by the ambassador');
    expect(posts).toEqual(['Hello world']);
    button.click(); // same draft, still incomplete: held again
    expect(posts).toEqual(['Hello world']);
    tickAll();
    controller.release();
    expect(posts).toEqual(['Hello world', 'Hello world']);
  });

  it('remind and off let the click through at once', () => {
    const { container, controller, posts, readText, setMode } = setup({ mode: 'remind' });
    const button = container.querySelector<HTMLElement>('button.post')!;
    platformClick(button, posts, readText);
    button.click();
    expect(posts).toHaveLength(1);
    expect(controller.store.getState().reminder).toBe(true);
    setMode('off');
    button.click();
    expect(posts).toHaveLength(2);
  });

  it('ignores empty drafts, disabled buttons, other buttons and clicks in Envoy’s own UI', () => {
    const { container, element, host, posts, readText, controller } = setup({
      html: '<div class="box"><div class="composer" contenteditable="true">Hi there</div><button class="post" aria-disabled="true">Post</button><button class="other">Emoji</button></div>',
    });
    const [post, other] = container.querySelectorAll<HTMLElement>('button');
    platformClick(post!, posts, readText);
    platformClick(other!, posts, readText);
    post!.click();
    other!.click();
    expect(posts).toHaveLength(2);
    post!.removeAttribute('aria-disabled');
    element.textContent = '   ';
    post!.click();
    expect(posts).toHaveLength(3);
    const inner = host.attachShadow({ mode: 'open' });
    const ours = document.createElement('button');
    ours.className = 'post';
    inner.append(ours);
    ours.click();
    expect(controller.store.getState().held).toBe(false);
  });

  it('a div[role=button] is held on Enter / Space too, and released by a click', () => {
    const { container, controller, posts, readText } = setup({
      spec: { submit: ['div[role="button"][aria-label="Post"]'] },
      html: '<div class="box"><div class="composer" contenteditable="true">Hello</div><div role="button" tabindex="0" aria-label="Post">Post</div></div>',
    });
    const button = container.querySelector<HTMLElement>('[role="button"]')!;
    button.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') posts.push(readText());
    });
    platformClick(button, posts, readText);
    enter(button);
    expect(posts).toEqual([]);
    controller.override('Cleared by the ambassador');
    expect(posts).toEqual(['Hello']);
  });

  it('finds the composer’s own button inside a shadow root (LinkedIn)', () => {
    const { root, element, posts, readText } = setup({ shadow: true });
    const button = (root as ShadowRoot).querySelector<HTMLElement>('button.post')!;
    expect(resolveSubmitButtons(element, spec())).toEqual([button]);
    platformClick(button, posts, readText);
    button.click();
    expect(posts).toEqual([]);
  });
});

describe('keyboard', () => {
  it('Enter-to-send is held in the composer; Shift+Enter and IME composition are left alone', () => {
    const { element, controller, posts, readText } = setup({ spec: { enterSubmits: true } });
    element.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) posts.push(readText());
    });
    const held = enter(element);
    expect(held.defaultPrevented).toBe(true);
    expect(posts).toEqual([]);
    expect(enter(element, { shiftKey: true }).defaultPrevented).toBe(false);
    expect(enter(element, { isComposing: true }).defaultPrevented).toBe(false);
    expect(posts).toEqual(['Hello world']); // the IME Enter reached the page (the platform ignores it itself)
    posts.length = 0;
    controller.override('Cleared by the ambassador');
    expect(posts).toEqual(['Hello world']);
  });

  it('Ctrl/Cmd+Enter is held only where it posts, and re-dispatched with its modifiers', () => {
    const { element, controller, posts, readText } = setup({ spec: { modEnterSubmits: true } });
    const seen: Array<{ ctrl: boolean; meta: boolean; keyCode: number }> = [];
    element.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        seen.push({ ctrl: e.ctrlKey, meta: e.metaKey, keyCode: e.keyCode });
        posts.push(readText());
      }
    });
    expect(enter(element).defaultPrevented).toBe(false); // plain Enter is a new line here
    enter(element, { metaKey: true });
    expect(posts).toEqual([]);
    controller.override('Cleared by the ambassador');
    expect(posts).toEqual(['Hello world']);
    expect(seen).toEqual([{ ctrl: false, meta: true, keyCode: 13 }]);
  });
});

describe('form submission', () => {
  it('a submit button click and the form submit go through once released (Mastodon)', () => {
    const { container, controller, posts, readText } = setup({
      spec: { submit: ['form.compose button[type="submit"]'] },
      html: '<form class="compose"><textarea class="composer">Bonjour</textarea><button type="submit">Publier</button></form>',
    });
    const form = container.querySelector('form')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      posts.push(readText());
    });
    const button = container.querySelector<HTMLElement>('button')!;
    button.click();
    expect(posts).toEqual([]);
    form.requestSubmit();
    expect(posts).toEqual([]);
    controller.override('Cleared by the ambassador');
    expect(posts).toEqual(['Bonjour']);
  });
});

describe('successful post', () => {
  it('the composer emptying after an allowed submit clears the ticks', async () => {
    const { container, element, controller, posts, readText, tickAll } = setup();
    const button = container.querySelector<HTMLElement>('button.post')!;
    button.addEventListener('click', () => {
      posts.push(readText());
      element.textContent = '';
    });
    tickAll();
    const spy = vi.spyOn(controller, 'postSucceeded');
    button.click();
    expect(posts).toEqual(['Hello world']);
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
  });
});

describe('submit selectors', () => {
  it('an icon inside the Send button counts as the button (WhatsApp), and is held', () => {
    const { container, element, posts, readText } = setup({
      spec: { submit: ['button[aria-label="Send"]', 'span[data-icon="send"]'], enterSubmits: true },
      html: '<footer><div class="composer" contenteditable="true">Hi</div><button aria-label="Send"><span data-icon="send">➤</span></button></footer>',
    });
    const button = container.querySelector<HTMLElement>('button')!;
    expect(resolveSubmitButtons(element, spec({ submit: ['button[aria-label="Send"]', 'span[data-icon="send"]'] }))).toEqual([button]);
    platformClick(button, posts, readText);
    container.querySelector<HTMLElement>('span')!.click();
    expect(posts).toEqual([]);
  });

  it('over-broad selectors are narrowed to the post action by its label (Threads)', () => {
    const { element } = setup({
      html: '<div role="dialog"><div class="composer" contenteditable="true">Hi</div><div role="button">Add to thread</div><div role="button"><div>Post</div></div></div>',
    });
    const buttons = resolveSubmitButtons(element, spec({ submit: ['div[role="dialog"] div[role="button"]'] }));
    expect(buttons.map((b) => b.textContent)).toEqual(['Post']);
  });

  it('the nearest composer container wins when a page has several', () => {
    document.body.innerHTML =
      '<div class="a"><div class="composer" contenteditable="true">A</div><button class="post">A</button></div><div class="b"><div class="composer" contenteditable="true">B</div><button class="post">B</button></div>';
    const [a, b] = document.querySelectorAll<HTMLElement>('.composer');
    expect(resolveSubmitButtons(a!, spec()).map((x) => x.textContent)).toEqual(['A']);
    expect(resolveSubmitButtons(b!, spec()).map((x) => x.textContent)).toEqual(['B']);
  });
});

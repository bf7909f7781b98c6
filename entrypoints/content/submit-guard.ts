/**
 * Holds the platform's own submit until the checklist allows it.
 *
 * Capture-phase listeners on `window` (so they run before the page's own
 * listeners on the document, React's root container or the button itself):
 * - `click` whose composed path contains one of the composer's submit buttons
 *   (`spec.submit`, resolved from the composer outward inside its own
 *   document or shadow root, so LinkedIn's share box in #interop-outlet works);
 * - `keydown` Enter / Space on a submit control that is not a native button
 *   (div[role=button]: native buttons turn those keys into a click, caught above);
 * - `keydown` inside the composer: Enter when `spec.enterSubmits`
 *   (Telegram, WhatsApp, comment boxes), Ctrl/Cmd+Enter when `spec.modEnterSubmits`
 *   (X, Bluesky, Mastodon); never while an IME is composing;
 * - `submit` of the composer's <form> (also listened to on the composer's
 *   shadow root, since submit events do not leave it).
 * Each attempt goes to the controller's hold machine. A held attempt gets
 * preventDefault() + stopImmediatePropagation(), so the platform never sees it.
 * A release re-dispatches the same kind of attempt once (button.click(), the
 * same key event, form.requestSubmit()) carrying a one-shot token that only
 * this isolated world knows, so the page's own handler runs exactly once.
 *
 * Nothing intercepts in mode `off`, for empty drafts, or when the session
 * does not exist (Envoy off for the site: no session, no listeners).
 */
import type { ChecklistMode, SubmitSource } from '@/lib/checklist/hold';
import type { ComposerSpec } from '@/lib/platforms';
import type { ChecklistController } from '@/entrypoints/content/checklist-controller';

export interface SubmitGuardDeps {
  element: HTMLElement;
  spec: ComposerSpec;
  /** Envoy's own shadow host: events from our UI are never submits. */
  host: HTMLElement;
  mode(): ChecklistMode;
  readText(): string;
  controller: ChecklistController;
  /** The session should re-read the draft (the platform cleared it without an input event). */
  refresh?(): void;
  /** How long after an allowed submit an emptied composer still counts as a successful post. */
  successWindowMs?: number;
}

type HeldTarget =
  | { kind: 'button'; element: HTMLElement }
  | { kind: 'key'; target: EventTarget; init: KeyboardEventInit & { keyCode: number } }
  | { kind: 'form'; form: HTMLFormElement; submitter: HTMLElement | null };

/** Labels of post actions, used only to narrow over-broad submit selectors (several matches). */
const POST_WORDS =
  /^(post|post all|reply|share|send|publish|tweet|comment|submit|publier|partager|répondre|envoyer|commenter|ផ្សាយ|បង្ហោះ|ចែករំលែក|ផ្ញើ|ឆ្លើយតប)$/iu;

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

function isDisabled(el: HTMLElement): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

function labelOf(el: HTMLElement): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/**
 * The composer's submit controls: the nearest ancestor of the composer that
 * contains a match wins (so a page with several composers gets each one's
 * own button), within the composer's document or shadow root, then the
 * shadow host's tree outward.
 */
export function resolveSubmitButtons(element: HTMLElement, spec: ComposerSpec): HTMLElement[] {
  const selector = spec.submit.join(', ');
  if (selector === '') return [];
  let found: HTMLElement[] = [];
  let node: Element | null = element.parentElement;
  let root: Node = element.getRootNode();
  for (;;) {
    while (node && found.length === 0) {
      try {
        found = [...node.querySelectorAll<HTMLElement>(selector)];
      } catch {
        return [];
      }
      node = node.parentElement;
    }
    if (found.length > 0) break;
    if (root instanceof ShadowRoot) {
      found = [...root.querySelectorAll<HTMLElement>(selector)];
      if (found.length > 0) break;
      node = root.host;
      root = root.host.getRootNode();
      continue;
    }
    break;
  }
  // A match inside another (WhatsApp: the send icon inside the Send button) is that control.
  found = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  if (found.length > 1) {
    const worded = found.filter((b) => POST_WORDS.test(labelOf(b)));
    if (worded.length > 0) return worded;
  }
  return found;
}

function isNativeButton(el: HTMLElement): boolean {
  return el instanceof HTMLButtonElement || (el instanceof HTMLInputElement && /^(submit|button|image)$/u.test(el.type));
}

/** Which submit an Enter key in the composer is on this platform, or null (a plain new line). */
export function keySubmitSource(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, spec: Pick<ComposerSpec, 'enterSubmits' | 'modEnterSubmits'>): SubmitSource | null {
  if (event.key !== 'Enter') return null;
  const mod = event.ctrlKey || event.metaKey;
  if (!mod && !event.shiftKey && !event.altKey && spec.enterSubmits) return 'enter';
  if (mod && !event.altKey && spec.modEnterSubmits) return 'shortcut';
  return null;
}

/** The init of a held key, to replay it later (Draft.js reads keyCode / which). */
function keyInit(event: KeyboardEvent): KeyboardEventInit & { keyCode: number } {
  return {
    key: event.key,
    code: event.code,
    keyCode: event.keyCode || 13,
    which: event.which || 13,
    location: event.location,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
}

export interface SuccessWatch {
  /** Starts watching after a submit of `submitted` (stops any earlier watch). */
  start(submitted: string): void;
  /** Checks now, when a watch runs (before a key edits the composer). */
  checkNow(): void;
  /** Whether a watch runs. */
  readonly running: boolean;
  stop(): void;
}

/**
 * After an allowed submit: the composer emptying (or going away) is the platform accepting the
 * post. Checked on every DOM change of the composer (rich editors re-render when cleared), before
 * each key the user presses in it (`checkNow`, so typing the next draft quickly cannot hide the
 * clearing), and every 100 ms (textareas change value without DOM mutations). The user editing
 * on, or the window passing, ends the watch without a success.
 */
export function createSuccessWatch(element: HTMLElement, read: () => string | null, onSuccess: (gone: boolean) => void, windowMs: number): SuccessWatch {
  let timer: number | undefined;
  let observer: MutationObserver | undefined;
  let check: (() => void) | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    observer?.disconnect();
    observer = undefined;
    check = undefined;
  };
  return {
    start(submitted) {
      stop();
      const started = Date.now();
      const run = () => {
        const gone = !element.isConnected;
        const text = gone ? '' : read();
        if (gone || (text !== null && text.trim() === '')) {
          stop();
          onSuccess(gone);
          return;
        }
        if ((text !== null && text !== submitted) || Date.now() - started > windowMs) stop();
      };
      check = run;
      timer = window.setInterval(run, 100);
      observer = new MutationObserver(run);
      observer.observe(element, { childList: true, subtree: true, characterData: true });
    },
    checkNow() {
      check?.();
    },
    get running() {
      return timer !== undefined;
    },
    stop,
  };
}

/** Replays a held submit (the user's key, form submission or button click); false when it cannot. */
function replayHeld(target: HeldTarget | null, element: HTMLElement, spec: ComposerSpec): boolean {
  if (target?.kind === 'key') {
    const to = target.target instanceof Node && target.target.isConnected ? target.target : element;
    if (!element.isConnected) return false;
    const active = element.getRootNode() instanceof ShadowRoot ? (element.getRootNode() as ShadowRoot).activeElement : document.activeElement;
    if (active !== element && !element.contains(active)) element.focus({ preventScroll: true });
    const event = new KeyboardEvent('keydown', target.init);
    // Chromium ignores keyCode/which in the init dictionary; editors (Draft.js) still read them.
    for (const prop of ['keyCode', 'which'] as const) {
      if (event[prop] !== target.init.keyCode) Object.defineProperty(event, prop, { get: () => target.init.keyCode });
    }
    to.dispatchEvent(event);
    return true;
  }
  if (target?.kind === 'form') {
    if (!target.form.isConnected) return false;
    const submitter = target.submitter && target.form.contains(target.submitter) ? target.submitter : null;
    target.form.requestSubmit(submitter as HTMLButtonElement | null);
    return true;
  }
  let button = target?.kind === 'button' ? target.element : null;
  if (!button || !button.isConnected || isDisabled(button)) {
    button = resolveSubmitButtons(element, spec).find((b) => !isDisabled(b)) ?? null;
  }
  if (!button) return false;
  // A web-component submit (Reddit's r-post-form-submit-button) posts from the real <button> in
  // its open shadow root; a click on the host element alone does nothing.
  const inner = button.shadowRoot?.querySelector<HTMLElement>('button, [role="button"]');
  (inner && !isDisabled(inner) ? inner : button).click();
  return true;
}

export function attachSubmitGuard(deps: SubmitGuardDeps): () => void {
  const { element, spec, host, controller } = deps;
  const successWindowMs = deps.successWindowMs ?? 10_000;

  /** The one outstanding re-dispatch (set only while we dispatch it ourselves). */
  let pending: { token: string; source: SubmitSource; consumed: boolean } | null = null;
  /** An attempt was just allowed: the form submission it causes (click → submit, same task) goes through. */
  let passing = false;
  let passingTimer: number | undefined;
  let held: HeldTarget | null = null;

  const readSafely = (): string | null => {
    try {
      return deps.readText();
    } catch {
      return null;
    }
  };

  const success = createSuccessWatch(
    element,
    readSafely,
    (gone) => {
      controller.postSucceeded();
      if (!gone) deps.refresh?.();
    },
    successWindowMs,
  );

  const markPassing = () => {
    passing = true;
    if (passingTimer !== undefined) clearTimeout(passingTimer);
    passingTimer = window.setTimeout(() => {
      passing = false;
      passingTimer = undefined;
    }, 0);
  };

  /** Feeds one attempt to the machine; returns true when it was held (and stopped). */
  const attempt = (event: Event, source: SubmitSource, target: HeldTarget): boolean => {
    // The form submission that follows an allowed click on a submit button is the same post.
    if (passing && source === 'form') return false;
    const mode = deps.mode();
    let token: string | undefined;
    if (pending && !pending.consumed) {
      token = pending.token;
      pending.consumed = true;
    } else if (mode === 'off') {
      return false;
    }
    const text = readSafely();
    // Nothing to post: the platform ignores it, so do we.
    if (token === undefined && (text === null || text.trim() === '')) return false;
    const effects = controller.submit(source, token);
    if (effects.allow) {
      held = null;
      markPassing();
      if (text !== null) success.start(text);
      return false;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    held = target;
    return true;
  };

  const fromOurUi = (path: EventTarget[]) => path.includes(host);

  /** The composer's submit control on the event's path (innermost first), if any. */
  const submitButtonIn = (path: EventTarget[]): HTMLElement | null => {
    let resolved: HTMLElement[] | undefined;
    for (const target of path) {
      if (target === host) return null;
      if (!(target instanceof HTMLElement) || !spec.submit.some((sel) => safeMatches(target, sel))) continue;
      resolved ??= resolveSubmitButtons(element, spec);
      if (resolved.includes(target)) return target;
    }
    return null;
  };

  const onClick = (event: Event) => {
    if (deps.mode() === 'off' && !pending) return;
    const path = event.composedPath();
    if (fromOurUi(path)) return;
    const button = submitButtonIn(path);
    if (!button || isDisabled(button)) return;
    attempt(event, 'button', { kind: 'button', element: button });
  };

  const onKeyDown = (raw: Event) => {
    const event = raw as KeyboardEvent;
    // Before this key edits anything: did the previous post empty the composer?
    if (success.running && event.composedPath().includes(element)) success.checkNow();
    if (deps.mode() === 'off' && !pending) return;
    if (event.isComposing || event.keyCode === 229) return;
    const path = event.composedPath();
    if (fromOurUi(path)) return;
    if (path.includes(element)) {
      const source = keySubmitSource(event, spec);
      if (!source) return;
      const init = keyInit(event);
      attempt(event, source, { kind: 'key', target: path[0] ?? element, init });
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const button = submitButtonIn(path);
    if (!button || isNativeButton(button) || isDisabled(button)) return;
    attempt(event, 'button', { kind: 'button', element: button });
  };

  const onSubmit = (raw: Event) => {
    const event = raw as SubmitEvent;
    if (deps.mode() === 'off' && !pending) return;
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.contains(element)) return;
    attempt(event, 'form', { kind: 'form', form, submitter: event.submitter ?? null });
  };

  const redispatch = ({ token, source }: { token: string; source: SubmitSource }): boolean => {
    const target = held;
    held = null;
    pending = { token, source, consumed: false };
    try {
      if (!replayHeld(target, element, spec)) return false;
      return pending.consumed;
    } finally {
      pending = null;
    }
  };
  controller.setRedispatcher(redispatch);

  const options = { capture: true } as const;
  window.addEventListener('click', onClick, options);
  window.addEventListener('keydown', onKeyDown, options);
  window.addEventListener('submit', onSubmit, options);
  const root = element.getRootNode();
  const shadow = root instanceof ShadowRoot ? root : null;
  shadow?.addEventListener('submit', onSubmit, options);

  return () => {
    window.removeEventListener('click', onClick, options);
    window.removeEventListener('keydown', onKeyDown, options);
    window.removeEventListener('submit', onSubmit, options);
    shadow?.removeEventListener('submit', onSubmit, options);
    controller.setRedispatcher(undefined);
    if (passingTimer !== undefined) clearTimeout(passingTimer);
    // The composer went away right after an allowed submit: the post went out.
    if (success.running && !element.isConnected) controller.postSucceeded();
    success.stop();
  };
}

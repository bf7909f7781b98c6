/**
 * happy-dom has no `Event.isTrusted` (undefined on every event). In UI unit tests Testing Library's
 * `userEvent` stands in for the user's real input, so events count as trusted unless a test marks
 * one as a page script's with `asPageScript`. The real browser's flag is exercised by the e2e
 * suite (tests/e2e/trusted-input.spec.ts).
 */
const fromPageScript = new WeakSet<Event>();

export function installTrustedEventShim(): void {
  // Node's own Event (tests in the node environment) has a real, unforgeable isTrusted: leave it.
  if (typeof Event === 'undefined' || Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted')?.configurable === false) return;
  Object.defineProperty(Event.prototype, 'isTrusted', {
    configurable: true,
    get(this: Event) {
      return !fromPageScript.has(this);
    },
  });
}

/** Marks an event as dispatched by a page script (isTrusted false), like `el.click()` in a browser. */
export function asPageScript<E extends Event>(event: E): E {
  fromPageScript.add(event);
  return event;
}

/** A page script's `element.click()`: an untrusted click. */
export function pageScriptClick(element: Element): void {
  element.dispatchEvent(asPageScript(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
}

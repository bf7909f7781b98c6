/**
 * Trusted-input gate for Envoy's in-page UI.
 *
 * The panel lives in an open shadow root (a public hook), so page scripts can reach its controls:
 * `button.click()`, `dispatchEvent(new MouseEvent('click'))`, setting a `<select>`'s value and
 * dispatching `change`. The browser marks only the user's real input (mouse, keyboard, touch,
 * assistive technology) with `isTrusted: true`, and no page script can set that flag. Every
 * action in the in-page UI is wrapped with `onTrusted`, so a page can see Envoy's controls but
 * cannot press them: apply a fix, ignore, translate, confirm a cloud destination, write a
 * translation, tick the checklist, post anyway.
 *
 * Form `submit` events are trusted even when a script's `click()` caused them, so actions never
 * hang on `onSubmit`: they use a `type="button"` with `onClick` wrapped here.
 */

/** A DOM event, or a React synthetic event wrapping one. */
export type InputEvent = { readonly isTrusted?: boolean } | { readonly nativeEvent: { readonly isTrusted?: boolean } };

/** True only for events the browser generated from the user's real input. */
export function isTrustedInput(event: InputEvent): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  return native.isTrusted === true;
}

/** Wraps an event handler so it runs only on trusted input; a page script's event does nothing. */
export function onTrusted<E extends InputEvent>(action: (event: E) => void): (event: E) => void {
  return (event: E) => {
    if (isTrustedInput(event)) action(event);
  };
}

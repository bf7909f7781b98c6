import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { composedAncestors, findComposer, type PlatformAdapter } from '@/lib/platforms';
import { isPlatformEnabled } from '@/lib/state/settings';
import type { SettingsStore } from '@/lib/state/settings-store';
import type { DraftChecker } from '@/entrypoints/content/checker';
import { startSession, type ComposerSession } from '@/entrypoints/content/session';
import type { BridgeClient } from '@/extension/bridge-client';
import type { PanelFeature } from '@/entrypoints/content/session-api';

export interface ComposerWatcher {
  active(): ComposerSession | undefined;
  enabled(): boolean;
}

/**
 * Finds composers the cheap way: one capture-phase focusin listener on the
 * document (composedPath reaches into open shadow roots), no observer over
 * the page. A session follows the focused composer until it leaves the page,
 * another composer takes focus, or Envoy is switched off for the site.
 */
export function watchComposers(
  ctx: ContentScriptContext,
  adapter: PlatformAdapter,
  settings: SettingsStore,
  checker: DraftChecker,
  bridge: BridgeClient,
  onGuidelinesChanged: (callback: () => void) => () => void,
  features: readonly PanelFeature[],
): ComposerWatcher {
  let session: ComposerSession | undefined;
  let starting: HTMLElement | undefined;
  const enabled = () => isPlatformEnabled(settings.getState().effective, adapter.id, location.hostname);

  const stop = () => {
    session?.stop();
    session = undefined;
  };

  const onFocus = async (path: EventTarget[]) => {
    if (!enabled()) return;
    let match;
    try {
      match = findComposer(adapter, path);
    } catch (error) {
      console.warn('[Envoy] composer detection failed', error);
      return;
    }
    if (!match || match.element === session?.element || match.element === starting) return;
    stop();
    starting = match.element;
    try {
      session = await startSession({ ctx, adapter, match, settings, checker, bridge, onGuidelinesChanged, features });
    } catch (error) {
      console.warn('[Envoy] could not attach to the composer', error);
    } finally {
      starting = undefined;
    }
  };
  ctx.addEventListener(document, 'focusin', (e) => void onFocus(e.composedPath()), { capture: true });
  // A composer focused before Envoy started (autofocus) never sends focusin:
  // the first keystroke in it does.
  ctx.addEventListener(document, 'input', (e) => {
    if (!session) void onFocus(e.composedPath());
  }, { capture: true });
  const initial = deepActiveElement(document);
  if (initial) void onFocus(composedAncestors(initial));

  // Composers are unmounted on route changes and modal closes.
  ctx.setInterval(() => {
    if (session && !session.element.isConnected) stop();
  }, 1000);

  settings.subscribe((view, previous) => {
    if (view.effective === previous.effective) return;
    if (!enabled()) stop();
  });

  return { active: () => session, enabled };
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === doc.body ? null : active;
}

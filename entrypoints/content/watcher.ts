import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findComposer, type PlatformAdapter } from '@/lib/platforms';
import { isPlatformEnabled } from '@/lib/state/settings';
import type { SettingsStore } from '@/lib/state/settings-store';
import type { DraftChecker } from '@/entrypoints/content/checker';
import { startSession, type ComposerSession } from '@/entrypoints/content/session';

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
): ComposerWatcher {
  let session: ComposerSession | undefined;
  let starting: HTMLElement | undefined;
  const enabled = () => isPlatformEnabled(settings.getState().effective, adapter.id, location.hostname);

  const stop = () => {
    session?.stop();
    session = undefined;
  };

  const onFocus = async (event: Event) => {
    if (!enabled()) return;
    let match;
    try {
      match = findComposer(adapter, event.composedPath());
    } catch (error) {
      console.warn('[Envoy] composer detection failed', error);
      return;
    }
    if (!match || match.element === session?.element || match.element === starting) return;
    stop();
    starting = match.element;
    try {
      session = await startSession({ ctx, adapter, match, settings, checker });
    } catch (error) {
      console.warn('[Envoy] could not attach to the composer', error);
    } finally {
      starting = undefined;
    }
  };
  ctx.addEventListener(document, 'focusin', (e) => void onFocus(e), { capture: true });

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

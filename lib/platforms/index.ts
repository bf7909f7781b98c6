import { bluesky } from '@/lib/platforms/bluesky';
import { facebook } from '@/lib/platforms/facebook';
import type { PlatformId } from '@/lib/platforms/hosts';
import { instagram } from '@/lib/platforms/instagram';
import { linkedin } from '@/lib/platforms/linkedin';
import { mastodon } from '@/lib/platforms/mastodon';
import { reddit } from '@/lib/platforms/reddit';
import { telegram } from '@/lib/platforms/telegram';
import { threads } from '@/lib/platforms/threads';
import type { ComposerMatch, PlatformAdapter } from '@/lib/platforms/types';
import { whatsapp } from '@/lib/platforms/whatsapp';
import { x } from '@/lib/platforms/x';
import { youtube } from '@/lib/platforms/youtube';

export const ADAPTERS: Record<PlatformId, PlatformAdapter> = {
  x,
  facebook,
  linkedin,
  instagram,
  threads,
  bluesky,
  mastodon,
  telegram,
  whatsapp,
  youtube,
  reddit,
};

/** Never treat these as composers: search boxes and fields that opted out of writing assistants. */
const NEVER = '[role="combobox"], [data-enable-grammarly="false"], input[type="search"]';

/**
 * The composer an event happened in, given the event's composed path (so
 * composers inside open shadow roots are found), or null.
 */
export function findComposer(adapter: PlatformAdapter, path: readonly EventTarget[]): ComposerMatch | null {
  for (const target of path) {
    if (!(target instanceof Element)) continue;
    for (const spec of adapter.composers) {
      const element = target.closest(spec.selector);
      if (!(element instanceof HTMLElement)) continue;
      if (element.matches(NEVER)) return null;
      if (adapter.exclude?.some((sel) => element.matches(sel))) continue;
      return { element, spec };
    }
    // Only the innermost element (and its ancestors via closest) matters.
    return null;
  }
  return null;
}

/** The element and its ancestors across shadow boundaries, like an event's composedPath(). */
export function composedAncestors(el: Element): EventTarget[] {
  const path: EventTarget[] = [];
  let node: Node | null = el;
  while (node) {
    path.push(node);
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return path;
}

export type { ComposerMatch, ComposerSpec, EditorKind, PlatformAdapter } from '@/lib/platforms/types';

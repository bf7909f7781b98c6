import { useCallback, useSyncExternalStore } from 'react';
import type { MessageKey } from '@/lib/i18n';
import type { LockableKey } from '@/lib/state/policy';

/** The options page's sections, in side-navigation order; the id is the URL hash (#translation). */
export const OPTIONS_SECTIONS = ['general', 'packs', 'rules', 'checklist', 'translation', 'privacy', 'organisation', 'backup'] as const;
export type OptionsSection = (typeof OPTIONS_SECTIONS)[number];

export const SECTION_TITLES: Record<OptionsSection, MessageKey> = {
  general: 'options.section.general',
  packs: 'options.section.packs',
  rules: 'options.section.rules',
  checklist: 'options.section.checklist',
  translation: 'options.section.translation',
  privacy: 'options.section.privacy',
  organisation: 'options.section.organisation',
  backup: 'options.section.backup',
};

/** Where each policy-lockable setting is shown (the Organisation section links there; the nav marks it locked). */
export const SECTION_OF_SETTING: Record<LockableKey, OptionsSection> = {
  accountType: 'general',
  enabledPlatforms: 'general',
  disabledBuiltinPacks: 'packs',
  checklistMode: 'checklist',
  translationProviders: 'translation',
  allowCloudTranslation: 'translation',
};

/** "#translation" → 'translation'; anything else → undefined. */
export function sectionFromHash(hash: string): OptionsSection | undefined {
  const id = decodeURIComponent(hash.replace(/^#/, '')).toLowerCase();
  return (OPTIONS_SECTIONS as readonly string[]).includes(id) ? (id as OptionsSection) : undefined;
}

function subscribe(cb: () => void): () => void {
  // hashchange: typed or followed links; popstate: back/forward over pushState entries.
  window.addEventListener('hashchange', cb);
  window.addEventListener('popstate', cb);
  return () => {
    window.removeEventListener('hashchange', cb);
    window.removeEventListener('popstate', cb);
  };
}

/**
 * The section named by the URL hash (General when none), and a way to open
 * another one that adds a history entry, so back and forward move between sections.
 */
export function useHashSection(): [OptionsSection, (next: OptionsSection) => void] {
  const current = useSyncExternalStore(subscribe, () => sectionFromHash(window.location.hash) ?? 'general', () => 'general' as const);
  const open = useCallback((next: OptionsSection) => {
    if (sectionFromHash(window.location.hash) === next) return;
    window.history.pushState(null, '', `#${next}`);
    // pushState fires no event of its own: tell the subscribers.
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return [current, open];
}

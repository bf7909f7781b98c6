import type { AreaStorage } from '@/lib/state/area-storage';

/**
 * What the in-page panel remembers, in storage.local under one small key:
 * the sites where the user minimised it (hostnames only, most recent last,
 * capped) and whether the first-run note was dismissed. Nothing of a draft.
 */
export const PANEL_MEMORY_KEY = 'panelMemory';
export const MAX_REMEMBERED_SITES = 200;

export interface PanelMemory {
  collapsedSites: string[];
  introDismissed: boolean;
}

const EMPTY: PanelMemory = { collapsedSites: [], introDismissed: false };

/** Reads whatever is stored, tolerating a missing or malformed value. */
export function parsePanelMemory(value: unknown): PanelMemory {
  if (value === null || typeof value !== 'object') return { ...EMPTY, collapsedSites: [] };
  const v = value as Partial<Record<keyof PanelMemory, unknown>>;
  const sites = Array.isArray(v.collapsedSites) ? v.collapsedSites.filter((s): s is string => typeof s === 'string') : [];
  return { collapsedSites: sites.slice(-MAX_REMEMBERED_SITES), introDismissed: v.introDismissed === true };
}

/** The memory with `hostname` minimised or not (moved to the end when minimised again; oldest dropped past the cap). */
export function withSiteCollapsed(memory: PanelMemory, hostname: string, collapsed: boolean): PanelMemory {
  const others = memory.collapsedSites.filter((h) => h !== hostname);
  const collapsedSites = collapsed ? [...others, hostname].slice(-MAX_REMEMBERED_SITES) : others;
  return { ...memory, collapsedSites };
}

export interface PanelMemoryStore {
  /** The stored state for this site: minimised here? first-run note dismissed? */
  load(hostname: string): Promise<{ collapsed: boolean; showIntro: boolean }>;
  setCollapsed(hostname: string, collapsed: boolean): Promise<void>;
  dismissIntro(): Promise<void>;
}

export function panelMemoryStore(storage: AreaStorage): PanelMemoryStore {
  const read = async () => parsePanelMemory(await storage.get(PANEL_MEMORY_KEY));
  // Writes are serialised so two quick toggles (or two composers on a page) never lose one another.
  let queue: Promise<void> = Promise.resolve();
  const update = (change: (m: PanelMemory) => PanelMemory) => {
    queue = queue.then(async () => storage.set(PANEL_MEMORY_KEY, change(await read()))).catch(() => undefined);
    return queue;
  };
  return {
    async load(hostname) {
      const memory = await read();
      return { collapsed: memory.collapsedSites.includes(hostname), showIntro: !memory.introDismissed };
    },
    setCollapsed: (hostname, collapsed) => update((m) => withSiteCollapsed(m, hostname, collapsed)),
    dismissIntro: () => update((m) => ({ ...m, introDismissed: true })),
  };
}

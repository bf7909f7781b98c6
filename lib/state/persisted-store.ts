import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AreaStorage } from '@/lib/state/area-storage';

export interface PersistedState<T> {
  value: T;
  /** True once the stored value has been read (the first render may show defaults). */
  hydrated: boolean;
  /** Last write failure (e.g. storage quota), in words for the UI; cleared by the next good write. */
  writeError?: string;
  /** Replaces the value and writes it through. The in-memory value is kept even if the write fails. */
  replace(next: T): Promise<void>;
  /**
   * Replaces the value only if the write succeeds: a refused write (quota, per-item limit)
   * restores the previous value and says why, so an import is never reported as done.
   */
  tryReplace(next: T): Promise<WriteResult>;
  update(patch: Partial<T>): Promise<void>;
}

/** The outcome of a checked write; `error` is in words for the UI. */
export type WriteResult = { ok: true } | WriteFailure;
/** quota: the area is full (QUOTA_BYTES); item: one value over QUOTA_BYTES_PER_ITEM (storage.sync, 8 KB). */
export type WriteFailure = { ok: false; error: string; limit: 'quota' | 'item' | 'other' };

export interface PersistedStoreOptions<T> {
  storage: AreaStorage;
  key: string;
  defaults: T;
  /** Turns whatever is stored (any older version, or damaged data) into the current shape. */
  migrate: (stored: unknown) => T;
}

export type PersistedStore<T> = StoreApi<PersistedState<T>> & {
  /** Resolves after the first read; safe to await many times. */
  ready: Promise<void>;
  /** Stops following changes made by other contexts. */
  dispose(): void;
};

function describeWriteError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/quota/i.test(text)) return 'Browser storage is full, so this change was kept for now but not saved.';
  return `This change could not be saved: ${text}`;
}

/** Why a write failed, without the value (which may be large); quota: the browser's storage limits. */
export function writeFailure(error: unknown): WriteFailure {
  const text = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  const limit = /PER_ITEM/i.test(text) ? 'item' : /quota|MAX_ITEMS/i.test(text) ? 'quota' : 'other';
  return { ok: false, error: text, limit };
}

/**
 * A zustand store mirrored to one key of extension storage. Every context
 * (popup, options, studio, content scripts, background) that creates the same
 * store follows changes made elsewhere through the storage's change events,
 * so there is no background relay and nothing to get out of step.
 */
export function createPersistedStore<T>(options: PersistedStoreOptions<T>): PersistedStore<T> {
  const { storage, key, defaults, migrate } = options;
  let lastWritten: string | undefined;

  const store = createStore<PersistedState<T>>()((set, get) => ({
    value: defaults,
    hydrated: false,
    async replace(next) {
      set({ value: next });
      const serialised = JSON.stringify(next);
      lastWritten = serialised;
      try {
        await storage.set(key, next);
        if (get().writeError) set({ writeError: undefined });
      } catch (error) {
        set({ writeError: describeWriteError(error) });
      }
    },
    async tryReplace(next) {
      const serialised = JSON.stringify(next);
      const before = lastWritten;
      lastWritten = serialised;
      try {
        await storage.set(key, next);
      } catch (error) {
        lastWritten = before;
        return writeFailure(error);
      }
      // Only now does the store show the new value (a failed write never showed it).
      set({ value: next, writeError: undefined });
      return { ok: true };
    },
    async update(patch) {
      await get().replace({ ...get().value, ...patch });
    },
  }));

  const adopt = (stored: unknown) => {
    // Our own write echoing back: nothing new.
    if (stored !== undefined && JSON.stringify(stored) === lastWritten) return;
    store.setState({ value: stored === undefined ? defaults : migrate(stored), hydrated: true });
  };

  const unwatch = storage.watch(key, adopt);
  const ready = storage
    .get(key)
    .then((stored) => {
      const migrated = stored === undefined ? defaults : migrate(stored);
      store.setState({ value: migrated, hydrated: true });
      // Write back once when a migration changed the stored shape.
      if (stored !== undefined && JSON.stringify(stored) !== JSON.stringify(migrated)) {
        return store.getState().replace(migrated);
      }
    })
    .catch((error: unknown) => {
      store.setState({ hydrated: true, writeError: describeWriteError(error) });
    });

  return Object.assign(store, { ready, dispose: unwatch });
}

import type { AreaStorage } from '@/lib/state/area-storage';
import { createPersistedStore, type PersistedStore } from '@/lib/state/persisted-store';
import type { StoredPack } from '@/lib/packs/active';

export const IMPORTED_PACKS_KEY = 'importedPacks';

/** Keeps well-formed entries of whatever is stored; a damaged entry is dropped, not the list. */
export function migrateImportedPacks(stored: unknown): StoredPack[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry): StoredPack[] => {
    if (!entry || typeof entry !== 'object') return [];
    const e = entry as Partial<StoredPack>;
    if (typeof e.fileName !== 'string' || e.json === undefined) return [];
    return [{ fileName: e.fileName, json: e.json, enabled: e.enabled !== false, importedAt: typeof e.importedAt === 'string' ? e.importedAt : '' }];
  });
}

/** Imported guideline packs, in storage.local (they can be large for sync). */
export function createImportedPacksStore(local: AreaStorage): PersistedStore<StoredPack[]> {
  return createPersistedStore<StoredPack[]>({ storage: local, key: IMPORTED_PACKS_KEY, defaults: [], migrate: migrateImportedPacks });
}

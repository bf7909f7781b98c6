import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AreaStorage } from '@/lib/state/area-storage';
import { createPersistedStore } from '@/lib/state/persisted-store';
import { applyPolicy, EMPTY_POLICY, parsePolicy, type LockableKey, type Policy } from '@/lib/state/policy';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '@/lib/state/settings';

export const SETTINGS_KEY = 'settings';

/** Read-only view of organisation policy (chrome.storage.managed). */
export interface ManagedSource {
  read(): Promise<unknown>;
  watch(callback: () => void): () => void;
}

export interface SettingsView {
  /** What the user chose. */
  user: Settings;
  /** What applies: user settings with organisation policy on top. */
  effective: Settings;
  locked: ReadonlySet<LockableKey>;
  policy: Policy;
  hydrated: boolean;
  writeError?: string;
  /** Changes user settings; keys locked by policy are left alone. */
  update(patch: Partial<Settings>): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsView> & { ready: Promise<void>; dispose(): void };

/**
 * Settings as every Envoy context sees them: the user's synced settings merged
 * with organisation policy. Re-reads policy whenever it changes.
 */
export function createSettingsStore(
  sync: AreaStorage,
  managed?: ManagedSource,
  options: { policyGraceMs?: number } = {},
): SettingsStore {
  const persisted = createPersistedStore<Settings>({
    storage: sync,
    key: SETTINGS_KEY,
    defaults: DEFAULT_SETTINGS,
    migrate: migrateSettings,
  });
  let policy: Policy = EMPTY_POLICY;

  const compute = (): Omit<SettingsView, 'update'> => {
    const p = persisted.getState();
    const { settings, locked } = applyPolicy(p.value, policy);
    return { user: p.value, effective: settings, locked, policy, hydrated: p.hydrated, writeError: p.writeError };
  };

  const store = createStore<SettingsView>()(() => ({
    ...compute(),
    async update(patch) {
      const allowed = Object.fromEntries(
        Object.entries(patch).filter(([k]) => !(k in policy.values)),
      ) as Partial<Settings>;
      await persisted.getState().update(allowed);
    },
  }));
  const refresh = () => store.setState(compute());
  const unsubscribe = persisted.subscribe(refresh);

  const readPolicy = async () => {
    if (!managed) return;
    try {
      policy = parsePolicy(await managed.read());
    } catch {
      // Firefox rejects when no managed storage is provisioned: no policy.
      policy = EMPTY_POLICY;
    }
    refresh();
  };
  const unwatchPolicy = managed?.watch(() => void readPolicy()) ?? (() => {});
  // Chrome answers storage.managed only once its policy service is up (about
  // 2 s after browser start). Waiting for it would leave composers unattended,
  // so readiness waits a short grace period at most; policy applies, and
  // subscribers hear of it, as soon as it arrives.
  const policyRead = readPolicy();
  const grace = new Promise<void>((resolve) => setTimeout(resolve, options.policyGraceMs ?? 300));
  const ready = Promise.all([persisted.ready, Promise.race([policyRead, grace])]).then(() => refresh());

  return Object.assign(store, {
    ready,
    dispose() {
      unsubscribe();
      unwatchPolicy();
      persisted.dispose();
    },
  });
}

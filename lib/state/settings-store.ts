import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AreaStorage } from '@/lib/state/area-storage';
import { createPersistedStore, type WriteResult } from '@/lib/state/persisted-store';
import { applyPolicy, EMPTY_POLICY, parsePolicy, type LockableKey, type Policy } from '@/lib/state/policy';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '@/lib/state/settings';

export const SETTINGS_KEY = 'settings';
/** storage.local key of the last organisation policy Envoy saw (the raw managed object). */
export const POLICY_CACHE_KEY = 'lastOrganisationPolicy';
/** How long restrictive actions wait for a first policy answer on a profile that never saw one. */
// Chrome answers about 2 s after browser start on an idle machine, up to ~8 s on a busy one (measured).
export const POLICY_WAIT_MS = 10_000;

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
  /**
   * True while Envoy does not know the organisation's policy yet: this profile never saw an
   * answer from managed storage and the first one has not arrived (at most POLICY_WAIT_MS).
   * Restrictive actions wait or hold meanwhile instead of acting on the user's settings.
   */
  policyPending: boolean;
  hydrated: boolean;
  writeError?: string;
  /** Changes user settings; keys locked by policy are left alone. */
  update(patch: Partial<Settings>): Promise<void>;
  /** As update, but only if the write succeeds (nothing changes otherwise); says why it failed. */
  tryUpdate(patch: Partial<Settings>): Promise<WriteResult>;
}

export type SettingsStore = StoreApi<SettingsView> & {
  ready: Promise<void>;
  /** Resolves once `policyPending` is false (policy answered, remembered, or the wait ran out). */
  policySettled: Promise<void>;
  dispose(): void;
};

export interface SettingsStoreOptions {
  /** How long readiness waits for policy (default 300 ms); policy applies whenever it arrives. */
  policyGraceMs?: number;
  /** Where the last policy seen is remembered (storage.local), so it applies from the first moment. */
  policyCache?: AreaStorage;
  /** Upper bound of the pending state on a profile that never saw policy (default POLICY_WAIT_MS). */
  policyWaitMs?: number;
}

/**
 * Settings as every Envoy context sees them: the user's synced settings merged
 * with organisation policy. Re-reads policy whenever it changes.
 *
 * Fail closed from the first moment: Chrome answers storage.managed only once
 * its policy service is up (about 2 s after browser start). Until then the
 * last policy seen (options.policyCache) applies; a profile that never saw an
 * answer is `policyPending` (callers hold posts and delay sends) until the
 * answer comes or POLICY_WAIT_MS passes. Every answer, an empty one (policy
 * removed) included, replaces the remembered policy.
 */
export function createSettingsStore(sync: AreaStorage, managed?: ManagedSource, options: SettingsStoreOptions = {}): SettingsStore {
  const persisted = createPersistedStore<Settings>({
    storage: sync,
    key: SETTINGS_KEY,
    defaults: DEFAULT_SETTINGS,
    migrate: migrateSettings,
  });
  const cache = options.policyCache;
  let policy: Policy = EMPTY_POLICY;
  let answered = false;
  let pending = managed !== undefined;
  let remembered: string | undefined;
  let settle: () => void = () => {};
  const policySettled = new Promise<void>((resolve) => (settle = resolve));
  if (!pending) settle();

  const compute = (): Omit<SettingsView, 'update' | 'tryUpdate'> => {
    const p = persisted.getState();
    const { settings, locked } = applyPolicy(p.value, policy);
    return { user: p.value, effective: settings, locked, policy, policyPending: pending, hydrated: p.hydrated, writeError: p.writeError };
  };

  const allowed = (patch: Partial<Settings>) =>
    Object.fromEntries(Object.entries(patch).filter(([k]) => !(k in policy.values))) as Partial<Settings>;
  const store = createStore<SettingsView>()(() => ({
    ...compute(),
    async update(patch) {
      await persisted.getState().update(allowed(patch));
    },
    tryUpdate(patch) {
      return persisted.getState().tryReplace({ ...persisted.getState().value, ...allowed(patch) });
    },
  }));
  const refresh = () => store.setState(compute());
  const unsubscribe = persisted.subscribe(refresh);
  let waitLimit: ReturnType<typeof setTimeout> | undefined;
  const known = () => {
    pending = false;
    settle();
    if (waitLimit !== undefined) clearTimeout(waitLimit);
    waitLimit = undefined;
  };

  const cacheRead = cache && managed
    ? cache.get(POLICY_CACHE_KEY).then(
        (raw) => {
          if (answered || raw === undefined) return;
          remembered = JSON.stringify(raw);
          policy = parsePolicy(raw);
          known();
          refresh();
        },
        () => undefined,
      )
    : Promise.resolve();

  const readPolicy = async () => {
    if (!managed) return;
    let raw: unknown;
    try {
      raw = (await managed.read()) ?? {};
    } catch {
      // Firefox rejects when no managed storage is provisioned: no policy.
      raw = {};
    }
    answered = true;
    policy = parsePolicy(raw);
    known();
    refresh();
    const serialised = JSON.stringify(raw);
    if (cache && serialised !== remembered) {
      remembered = serialised;
      await cache.set(POLICY_CACHE_KEY, raw).catch(() => undefined);
    }
  };
  const unwatchPolicy = managed?.watch(() => void readPolicy()) ?? (() => {});
  const policyRead = readPolicy();
  if (pending) {
    waitLimit = setTimeout(() => {
      if (!pending) return;
      known();
      refresh();
    }, options.policyWaitMs ?? POLICY_WAIT_MS);
  }
  // Readiness waits a short grace period for policy at most (composers must not be left
  // unattended); the remembered policy, if any, is in force by then.
  const grace = new Promise<void>((resolve) => setTimeout(resolve, options.policyGraceMs ?? 300));
  const ready = Promise.all([persisted.ready, cacheRead, Promise.race([policyRead, grace])]).then(() => refresh());

  return Object.assign(store, {
    ready,
    policySettled,
    dispose() {
      unsubscribe();
      unwatchPolicy();
      if (waitLimit !== undefined) clearTimeout(waitLimit);
      persisted.dispose();
    },
  });
}

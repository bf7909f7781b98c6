import type { AreaStorage } from '@/lib/state/area-storage';
import { SETTINGS_KEY } from '@/lib/state/settings-store';

/**
 * Where translation API keys are kept: storage that content scripts cannot read and whose changes
 * are not broadcast to them (the extension origin's IndexedDB, extension/secret-store.ts).
 */
export interface SecretStore {
  getAll(): Promise<Map<string, string>>;
  setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void>;
  deleteMany(refs: readonly string[]): Promise<void>;
}

type Provider = Record<string, unknown> & { apiKey?: unknown; keyRef?: unknown };
type SettingsLike = Record<string, unknown> & { translationProviders: Provider[] };

function hasProviders(value: unknown): value is SettingsLike {
  return !!value && typeof value === 'object' && Array.isArray((value as { translationProviders?: unknown }).translationProviders);
}

/** `p` with field `from` replaced, in place, by `to` (or removed). */
function renameField(p: Provider, from: string, to: readonly [string, string] | undefined): Provider {
  const out: Provider = {};
  for (const [k, v] of Object.entries(p)) {
    if (k === from) {
      if (to) out[to[0]] = to[1];
    } else if (k !== to?.[0]) {
      out[k] = v;
    }
  }
  return out;
}

/** Does a stored settings object still carry keys in plain (written before keys moved out)? */
function carriesKeys(value: unknown): boolean {
  return hasProviders(value) && value.translationProviders.some((p) => p && typeof p === 'object' && typeof p.apiKey === 'string');
}

/**
 * The settings key of `sync`, with every translation provider's `apiKey` kept in `secrets`
 * instead: stored settings carry only an opaque `keyRef`, and reads put the key back. Contexts
 * that use this (background, extension pages) see settings with keys as before; storage.sync,
 * which content scripts read and whose changes reach them, never holds a key. Settings stored
 * with keys in plain are moved on first read.
 */
export function splitSecrets(sync: AreaStorage, secrets: SecretStore, newRef: () => string): AreaStorage {
  const merge = async (value: unknown): Promise<unknown> => {
    if (!hasProviders(value)) return value;
    // Unreadable key storage must not cost the user their settings: services lose their keys
    // (and say so when used), everything else works.
    const keys = await secrets.getAll().catch(() => new Map<string, string>());
    return {
      ...value,
      translationProviders: value.translationProviders.map((p) => {
        if (!p || typeof p !== 'object' || typeof p.keyRef !== 'string') return p;
        const key = keys.get(p.keyRef);
        // The key takes the reference's place (same field order as written: no spurious rewrites).
        return renameField(p, 'keyRef', key === undefined ? undefined : ['apiKey', key]);
      }),
    };
  };

  const write = async (value: unknown): Promise<void> => {
    if (!hasProviders(value)) return sync.set(SETTINGS_KEY, value);
    const existing = await secrets.getAll();
    const refOf = new Map([...existing].map(([ref, key]) => [key, ref]));
    const fresh: Array<[string, string]> = [];
    const stripped = value.translationProviders.map((p) => {
      if (!p || typeof p !== 'object' || typeof p.apiKey !== 'string') return p;
      const apiKey = p.apiKey;
      let ref = refOf.get(apiKey);
      if (ref === undefined) {
        ref = newRef();
        refOf.set(apiKey, ref);
        fresh.push([ref, apiKey]);
      }
      return renameField(p, 'apiKey', ['keyRef', ref]);
    });
    // Keys first, so a context that sees the new settings can always resolve their refs.
    if (fresh.length) await secrets.setMany(fresh);
    try {
      await sync.set(SETTINGS_KEY, { ...value, translationProviders: stripped });
    } catch (error) {
      // The settings were refused (e.g. over storage.sync's per-item limit): no key may stay
      // behind that no stored setting refers to.
      if (fresh.length) await secrets.deleteMany(fresh.map(([ref]) => ref)).catch(() => undefined);
      throw error;
    }
    const used = new Set(stripped.map((p) => (p && typeof p === 'object' ? p.keyRef : undefined)));
    const unused = [...existing.keys()].filter((ref) => !used.has(ref));
    if (unused.length) await secrets.deleteMany(unused);
  };

  return {
    async get<T>(key: string) {
      const raw = await sync.get(key);
      if (key !== SETTINGS_KEY) return raw as T | undefined;
      const merged = await merge(raw);
      // Keys in plain from an earlier version: move them now (left for the next write if that fails).
      if (carriesKeys(raw)) await write(merged).catch(() => undefined);
      return merged as T | undefined;
    },
    set(key, value) {
      return key === SETTINGS_KEY ? write(value) : sync.set(key, value);
    },
    remove: (key) => sync.remove(key),
    watch(key, callback) {
      if (key !== SETTINGS_KEY) return sync.watch(key, callback);
      // Merging is asynchronous: deliver changes in order, dropping any overtaken by a newer one.
      let latest = 0;
      return sync.watch(key, (value) => {
        const mine = ++latest;
        void merge(value).then(async (merged) => {
          // Keys written in plain (an older version, or a script setting storage directly): move them.
          if (carriesKeys(value)) await write(merged).catch(() => undefined);
          if (mine === latest) callback(merged);
        });
      });
    },
  };
}

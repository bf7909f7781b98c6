import { browser } from 'wxt/browser';
import type { AreaStorage } from '@/lib/state/area-storage';
import { POLICY_KEYS } from '@/lib/state/policy';
import { withoutProviderKeys } from '@/lib/state/provider-keys';
import { createSettingsStore, SETTINGS_KEY, type ManagedSource, type SettingsStore } from '@/lib/state/settings-store';
import { browserAreaStorage, managedPolicySource } from '@/extension/storage';

/**
 * Settings as content scripts (inside web pages) hold them: without any translation provider's
 * API key. Keys stay with the background, which is the only context that calls translation
 * services. Content scripts never write settings, so nothing here can drop a stored key.
 */
function keylessSettings(sync: AreaStorage): AreaStorage {
  const refuse = () => Promise.reject(new Error('Content scripts do not write settings'));
  return {
    async get<T>(key: string) {
      const value = await sync.get(key);
      return (key === SETTINGS_KEY ? withoutProviderKeys(value) : value) as T | undefined;
    },
    set: refuse,
    remove: refuse,
    watch: (key, callback) => sync.watch(key, (value) => callback(key === SETTINGS_KEY ? withoutProviderKeys(value) : value)),
  };
}

/** Policy keys a content script needs: all but the organisation's translation providers (they may carry keys). */
const PAGE_POLICY_KEYS = POLICY_KEYS.filter((k) => k !== 'translationProviders');

const pagePolicySource: ManagedSource = {
  async read() {
    if (!browser.storage.managed) return {};
    return browser.storage.managed.get([...PAGE_POLICY_KEYS]);
  },
  watch: managedPolicySource.watch,
};

/** Of a policy object, only what a content script reads (PAGE_POLICY_KEYS). */
function pagePolicy(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  return Object.fromEntries(PAGE_POLICY_KEYS.filter((k) => k in raw).map((k) => [k, (raw as Record<string, unknown>)[k]]));
}

/**
 * The last policy the background saw (storage.local), read so a post is held from the first
 * moment; only the page's policy keys, and never written from a page.
 */
function pagePolicyCache(local: AreaStorage): AreaStorage {
  const ignore = () => Promise.resolve();
  return {
    get: async <T>(key: string) => pagePolicy(await local.get(key)) as T | undefined,
    set: ignore,
    remove: ignore,
    watch: (key, callback) => local.watch(key, (value) => callback(pagePolicy(value))),
  };
}

let shared: SettingsStore | undefined;

/** The settings store of a content script. */
export function pageSettingsStore(): SettingsStore {
  shared ??= createSettingsStore(keylessSettings(browserAreaStorage('sync')), pagePolicySource, {
    policyCache: pagePolicyCache(browserAreaStorage('local')),
  });
  return shared;
}

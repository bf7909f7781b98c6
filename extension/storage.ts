import { browser } from 'wxt/browser';
import type { AreaStorage } from '@/lib/state/area-storage';
import type { ManagedSource } from '@/lib/state/settings-store';

type AreaName = 'local' | 'sync' | 'session';

/** AreaStorage over one browser.storage area: the single adapter all Envoy stores persist through. */
export function browserAreaStorage(area: AreaName): AreaStorage {
  const target = browser.storage[area];
  return {
    async get<T>(key: string) {
      const result = await target.get(key);
      return result[key] as T | undefined;
    },
    async set(key, value) {
      await target.set({ [key]: value });
    },
    async remove(key) {
      await target.remove(key);
    },
    watch(key, callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        if (areaName !== area) return;
        const change = changes[key];
        if (change) callback(change.newValue);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** Organisation policy from storage.managed (empty where none is provisioned). */
export const managedPolicySource: ManagedSource = {
  async read() {
    if (!browser.storage.managed) return {};
    return browser.storage.managed.get(null);
  },
  watch(callback) {
    const listener = (_changes: unknown, areaName: string) => {
      if (areaName === 'managed') callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

import type { AreaStorage } from '@/lib/state/area-storage';

/**
 * An AreaStorage with Chrome's storage quotas, for tests: an item's size is its key's length plus
 * its value's JSON length (UTF-8), as chrome.storage measures it. A write over QUOTA_BYTES_PER_ITEM
 * (storage.sync: 8,192) or one that would take the area over QUOTA_BYTES (storage.sync: 102,400;
 * storage.local: 10,485,760) is rejected with Chrome's message and changes nothing.
 */
export function quotaAreaStorage(limits: { quotaBytes: number; quotaBytesPerItem?: number }): AreaStorage & { bytesInUse(): number } {
  const data = new Map<string, string>();
  const listeners = new Map<string, Set<(v: unknown) => void>>();
  const size = (key: string, json: string) => new TextEncoder().encode(key + json).length;
  const total = () => [...data].reduce((n, [k, json]) => n + size(k, json), 0);
  const notify = (key: string, value: unknown) => listeners.get(key)?.forEach((cb) => cb(value === undefined ? undefined : structuredClone(value)));
  return {
    async get(key) {
      const json = data.get(key);
      return json === undefined ? undefined : (JSON.parse(json) as never);
    },
    async set(key, value) {
      const json = JSON.stringify(value);
      if (limits.quotaBytesPerItem !== undefined && size(key, json) > limits.quotaBytesPerItem) {
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      const old = data.get(key);
      const after = total() - (old === undefined ? 0 : size(key, old)) + size(key, json);
      if (after > limits.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      data.set(key, json);
      notify(key, value);
    },
    async remove(key) {
      data.delete(key);
      notify(key, undefined);
    },
    watch(key, callback) {
      const set = listeners.get(key) ?? new Set();
      set.add(callback);
      listeners.set(key, set);
      return () => set.delete(callback);
    },
    bytesInUse: total,
  };
}

export const CHROME_SYNC = { quotaBytes: 102_400, quotaBytesPerItem: 8_192 } as const;
export const CHROME_LOCAL = { quotaBytes: 10_485_760 } as const;

/**
 * The one storage seam between pure state code and the browser. Extension code
 * passes an implementation over browser.storage (extension/storage.ts); tests
 * pass an in-memory one.
 */
export interface AreaStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Calls back when `key` changes in this area from any context; returns an unsubscribe function. */
  watch(key: string, callback: (newValue: unknown) => void): () => void;
}

/** In-memory AreaStorage for tests and for contexts without extension storage. */
export function memoryAreaStorage(): AreaStorage {
  const data = new Map<string, unknown>();
  const listeners = new Map<string, Set<(v: unknown) => void>>();
  return {
    async get(key) {
      return structuredClone(data.get(key)) as never;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
      listeners.get(key)?.forEach((cb) => cb(structuredClone(value)));
    },
    async remove(key) {
      data.delete(key);
      listeners.get(key)?.forEach((cb) => cb(undefined));
    },
    watch(key, callback) {
      const set = listeners.get(key) ?? new Set();
      set.add(callback);
      listeners.set(key, set);
      return () => set.delete(callback);
    },
  };
}

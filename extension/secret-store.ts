import { createStore, delMany, entries, setMany } from 'idb-keyval';
import type { SecretStore } from '@/lib/state/secret-split';

/**
 * Translation API keys in the extension origin's IndexedDB: shared by the background and the
 * extension pages, out of reach of content scripts (which run with the web page's origin) and
 * not broadcast by storage.onChanged. idb-keyval: a small, well-kept wrapper over IndexedDB.
 */
const store = () => createStore('envoy-secrets', 'translation-keys');
let opened: ReturnType<typeof store> | undefined;
const db = () => (opened ??= store());

export const idbSecretStore: SecretStore = {
  async getAll() {
    const all = await entries<string, string>(db());
    return new Map(all.filter(([, v]) => typeof v === 'string'));
  },
  setMany: (list) => setMany(list.map(([k, v]) => [k, v]), db()),
  deleteMany: (refs) => delMany([...refs], db()),
};

/** An unguessable reference for a stored key. */
export function newSecretRef(): string {
  return [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Issue 13 item 6: checked writes (tryReplace, commitAll) and no orphaned API key. */
import { describe, expect, it } from 'vitest';
import { commitAll } from '@/lib/state/import-commit';
import { createPersistedStore } from '@/lib/state/persisted-store';
import { splitSecrets, type SecretStore } from '@/lib/state/secret-split';
import { SETTINGS_KEY } from '@/lib/state/settings-store';
import { CHROME_SYNC, quotaAreaStorage } from './quota-storage';

function memorySecrets(): SecretStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getAll: async () => new Map(data),
    setMany: async (list) => void list.forEach(([k, v]) => data.set(k, v)),
    deleteMany: async (refs) => void refs.forEach((r) => data.delete(r)),
  };
}

describe('fake Chrome quota storage', () => {
  it('refuses an item over QUOTA_BYTES_PER_ITEM and a write over QUOTA_BYTES, changing nothing', async () => {
    const sync = quotaAreaStorage(CHROME_SYNC);
    await expect(sync.set('a', 'x'.repeat(8_192))).rejects.toThrow(/QUOTA_BYTES_PER_ITEM/);
    expect(await sync.get('a')).toBeUndefined();
    for (let i = 0; i < 12; i++) await sync.set(`k${i}`, 'x'.repeat(8_000));
    await expect(sync.set('k12', 'x'.repeat(8_000))).rejects.toThrow(/QUOTA_BYTES quota/);
    expect(await sync.get('k12')).toBeUndefined();
    await sync.set('k0', 'small'); // replacing an item frees its bytes
    await sync.set('k12', 'x'.repeat(7_000));
  });
});

describe('tryReplace', () => {
  it('a refused write leaves the value as it was and says why; a good one applies', async () => {
    const store = createPersistedStore({ storage: quotaAreaStorage({ quotaBytes: 100 }), key: 'k', defaults: { s: '' }, migrate: (v) => v as { s: string } });
    await store.ready;
    const r = await store.getState().tryReplace({ s: 'x'.repeat(200) });
    expect(r).toMatchObject({ ok: false, limit: 'quota' });
    expect(store.getState().value).toEqual({ s: '' });
    expect(await store.getState().tryReplace({ s: 'ok' })).toEqual({ ok: true });
    expect(store.getState().value).toEqual({ s: 'ok' });
  });
});

describe('commitAll', () => {
  it('undoes the parts already written when a later one is refused, last first', async () => {
    const log: string[] = [];
    const ok = (name: string) => ({ write: async () => (log.push(`write ${name}`), { ok: true as const }), undo: async () => log.push(`undo ${name}`) });
    const r = await commitAll([ok('a'), ok('b'), { write: async () => { throw new Error('QUOTA_BYTES quota exceeded'); }, undo: async () => log.push('undo c') }]);
    expect(r).toMatchObject({ ok: false, limit: 'quota' });
    expect(log).toEqual(['write a', 'write b', 'undo b', 'undo a']);
  });
});

describe('API keys and a refused settings write', () => {
  it('a key written to the secret store is removed again when storage.sync refuses the settings', async () => {
    const secrets = memorySecrets();
    let n = 0;
    const storage = splitSecrets(quotaAreaStorage(CHROME_SYNC), secrets, () => `ref${++n}`);
    const big = { translationProviders: [{ type: 'deepl', apiKey: 'KEY-1' }], mastodonInstances: Array.from({ length: 400 }, (_, i) => `https://m${i}.example.org`) };
    await expect(storage.set(SETTINGS_KEY, big)).rejects.toThrow(/QUOTA_BYTES_PER_ITEM/);
    expect(secrets.data.size).toBe(0);
    // A write that fits keeps its key.
    await storage.set(SETTINGS_KEY, { translationProviders: [{ type: 'deepl', apiKey: 'KEY-2' }] });
    expect([...secrets.data.values()]).toEqual(['KEY-2']);
  });
});

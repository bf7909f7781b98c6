/**
 * Translation API keys never sit in storage.sync (lib/state/secret-split.ts): the background and
 * extension pages see settings with their keys, while the synced value — which content scripts
 * read and whose every change is broadcast to them — carries only an opaque reference.
 */
import { describe, expect, it } from 'vitest';
import { memoryAreaStorage } from '@/lib/state/area-storage';
import { splitSecrets, type SecretStore } from '@/lib/state/secret-split';
import { createSettingsStore } from '@/lib/state/settings-store';

const KEY = 'deepl-secret-key:fx';

function memorySecrets(): SecretStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getAll: async () => new Map(data),
    setMany: async (list) => list.forEach(([k, v]) => data.set(k, v)),
    deleteMany: async (refs) => refs.forEach((r) => data.delete(r)),
  };
}

function setup() {
  const raw = memoryAreaStorage();
  const secrets = memorySecrets();
  let n = 0;
  const split = splitSecrets(raw, secrets, () => `ref${++n}`);
  // Everything a content script could ever receive: the stored value and every change of it.
  const broadcast: unknown[] = [];
  raw.watch('settings', (v) => broadcast.push(v));
  return { raw, secrets, split, broadcast };
}

describe('API keys out of storage.sync', () => {
  it('stores a reference in sync and the key aside; reads put it back in place', async () => {
    const { raw, secrets, split, broadcast } = setup();
    const settings = { version: 1, translationProviders: [{ type: 'chrome' }, { type: 'deepl', apiKey: KEY, label: 'DeepL' }] };
    await split.set('settings', settings);
    expect(await raw.get('settings')).toEqual({ version: 1, translationProviders: [{ type: 'chrome' }, { type: 'deepl', keyRef: 'ref1', label: 'DeepL' }] });
    expect([...secrets.data]).toEqual([['ref1', KEY]]);
    const back = await split.get('settings');
    expect(back).toEqual(settings);
    expect(JSON.stringify(back)).toBe(JSON.stringify(settings)); // same field order: no spurious rewrites
    expect(JSON.stringify(broadcast)).not.toContain(KEY);
  });

  it('moves keys stored in plain by an earlier version on first read', async () => {
    const { raw, secrets, split } = setup();
    await raw.set('settings', { version: 1, translationProviders: [{ type: 'google', apiKey: KEY }] });
    expect(await split.get('settings')).toEqual({ version: 1, translationProviders: [{ type: 'google', apiKey: KEY }] });
    expect(JSON.stringify(await raw.get('settings'))).not.toContain(KEY);
    expect([...secrets.data.values()]).toEqual([KEY]);
  });

  it('moves keys that arrive in plain through a change (another writer) too', async () => {
    const { raw, secrets, split } = setup();
    const seen: unknown[] = [];
    split.watch('settings', (v) => seen.push(v));
    await raw.set('settings', { version: 1, translationProviders: [{ type: 'deepl', apiKey: KEY }] });
    await expect.poll(() => secrets.data.size).toBe(1);
    await expect.poll(async () => JSON.stringify(await raw.get('settings'))).not.toContain(KEY);
    expect(seen.at(-1)).toEqual({ version: 1, translationProviders: [{ type: 'deepl', apiKey: KEY }] });
  });

  it('forgets a key when its service is removed, and reuses the reference of an unchanged key', async () => {
    const { secrets, split } = setup();
    await split.set('settings', { version: 1, translationProviders: [{ type: 'deepl', apiKey: KEY }] });
    await split.set('settings', { version: 1, translationProviders: [{ type: 'chrome' }, { type: 'deepl', apiKey: KEY }] });
    expect([...secrets.data]).toEqual([['ref1', KEY]]);
    await split.set('settings', { version: 1, translationProviders: [{ type: 'chrome' }] });
    expect(secrets.data.size).toBe(0);
  });

  it('a settings store over it: the user edits keys, the synced value and its changes never carry one', async () => {
    const { raw, split, broadcast } = setup();
    const store = createSettingsStore(split);
    await store.ready;
    await store.getState().update({ allowCloudTranslation: true, translationProviders: [{ type: 'deepl', apiKey: KEY, label: 'DeepL' }] });
    expect(store.getState().effective.translationProviders).toEqual([{ type: 'deepl', apiKey: KEY, label: 'DeepL' }]);
    // Another context (the options page) changes the key: this store follows, with the key.
    const other = createSettingsStore(split);
    await other.ready;
    expect(other.getState().user.translationProviders[0]?.apiKey).toBe(KEY);
    await other.getState().update({ translationProviders: [{ type: 'deepl', apiKey: 'new-key', label: 'DeepL' }] });
    await expect.poll(() => store.getState().user.translationProviders[0]?.apiKey).toBe('new-key');
    const synced = JSON.stringify([await raw.get('settings'), broadcast]);
    expect(synced).not.toContain(KEY);
    expect(synced).not.toContain('new-key');
    store.dispose();
    other.dispose();
  });
});

/**
 * Content scripts hold settings without any translation provider's API key
 * (extension/page-settings.ts): neither the user's keys from storage.sync, nor the
 * organisation's translation providers from policy. The background's store keeps them.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageSettingsStore } from '@/extension/page-settings';
import { withoutProviderKeys } from '@/lib/state/provider-keys';

const USER_KEY = 'user-secret-key:fx';

describe('content-script settings', () => {
  it('never contain the user’s provider API keys, at start or after a change', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { version: 1, checklistMode: 'hold', translationProviders: [{ type: 'chrome' }, { type: 'deepl', apiKey: USER_KEY, label: 'DeepL' }] },
    });
    const store = pageSettingsStore();
    await store.ready;
    const state = store.getState();
    expect(state.effective.checklistMode).toBe('hold');
    expect(state.effective.translationProviders).toEqual([{ type: 'chrome' }, { type: 'deepl', label: 'DeepL' }]);
    expect(JSON.stringify(state)).not.toContain(USER_KEY);

    await fakeBrowser.storage.sync.set({
      settings: { version: 1, checklistMode: 'remind', translationProviders: [{ type: 'google', apiKey: 'another-secret' }] },
    });
    await expect.poll(() => store.getState().effective.checklistMode).toBe('remind');
    expect(JSON.stringify(store.getState())).not.toContain('another-secret');
    // And it cannot write settings back (which could drop the stored keys).
    await store.getState().update({ checklistMode: 'off' });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ translationProviders: [{ type: 'google', apiKey: 'another-secret' }] });
  });

  it('withoutProviderKeys leaves everything else alone', () => {
    expect(withoutProviderKeys(undefined)).toBeUndefined();
    expect(withoutProviderKeys({ a: 1 })).toEqual({ a: 1 });
    expect(withoutProviderKeys({ a: 1, translationProviders: [{ type: 'apertium', endpoint: 'https://t.example' }, { type: 'deepl', apiKey: 'k' }] })).toEqual({
      a: 1,
      translationProviders: [{ type: 'apertium', endpoint: 'https://t.example' }, { type: 'deepl' }],
    });
  });
});

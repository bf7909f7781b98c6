import { describe, expect, it } from 'vitest';
import { browserAreaStorage } from '@/extension/storage';
import { memoryAreaStorage, type AreaStorage } from '@/lib/state/area-storage';
import { createPersistedStore } from '@/lib/state/persisted-store';
import { createSettingsStore, POLICY_CACHE_KEY, SETTINGS_KEY, type ManagedSource } from '@/lib/state/settings-store';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policySource } from '../components/options-popup.helpers';

const tick = () => new Promise((r) => setTimeout(r, 0));

const staticPolicy = policySource;

describe('persisted store', () => {
  it('hydrates, writes through and migrates old data once', async () => {
    const storage = memoryAreaStorage();
    await storage.set('k', { n: '3' });
    const store = createPersistedStore({ storage, key: 'k', defaults: { n: 0 }, migrate: (s) => ({ n: Number((s as { n: unknown }).n) }) });
    await store.ready;
    expect(store.getState()).toMatchObject({ value: { n: 3 }, hydrated: true });
    expect(await storage.get('k')).toEqual({ n: 3 });
    await store.getState().update({ n: 4 });
    expect(await storage.get('k')).toEqual({ n: 4 });
  });

  it('follows writes made by another context', async () => {
    const storage = memoryAreaStorage();
    const a = createPersistedStore({ storage, key: 'k', defaults: { n: 0 }, migrate: (s) => s as { n: number } });
    const b = createPersistedStore({ storage, key: 'k', defaults: { n: 0 }, migrate: (s) => s as { n: number } });
    await Promise.all([a.ready, b.ready]);
    await a.getState().update({ n: 7 });
    expect(b.getState().value).toEqual({ n: 7 });
  });

  it('keeps the change in memory and reports a quota failure in words', async () => {
    const failing: AreaStorage = { ...memoryAreaStorage(), set: async () => { throw new Error('QUOTA_BYTES quota exceeded'); } };
    const store = createPersistedStore({ storage: failing, key: 'k', defaults: { n: 0 }, migrate: (s) => s as { n: number } });
    await store.ready;
    await store.getState().update({ n: 9 });
    expect(store.getState().value).toEqual({ n: 9 });
    expect(store.getState().writeError).toMatch(/storage is full/i);
  });
});

describe('settings store', () => {
  it('merges policy over user settings, locks keys, and refuses to change locked keys', async () => {
    const sync = memoryAreaStorage();
    const policy = staticPolicy({ checklistMode: 'hold' });
    const store = createSettingsStore(sync, policy);
    await store.ready;
    expect(store.getState().effective.checklistMode).toBe('hold');
    expect(store.getState().locked.has('checklistMode')).toBe(true);
    await store.getState().update({ checklistMode: 'off', accountType: 'personal' });
    expect(store.getState().user.checklistMode).toBe('remind');
    expect(store.getState().effective.accountType).toBe('personal');
  });

  it('re-reads policy when it changes', async () => {
    const policy = staticPolicy({});
    const store = createSettingsStore(memoryAreaStorage(), policy);
    await store.ready;
    expect(store.getState().locked.size).toBe(0);
    policy.set({ allowCloudTranslation: false });
    await tick();
    expect(store.getState().locked.has('allowCloudTranslation')).toBe(true);
  });

  it('treats a rejecting managed area (Firefox without policy) as no policy', async () => {
    const store = createSettingsStore(memoryAreaStorage(), { read: () => Promise.reject(new Error('Managed storage manifest not found')), watch: () => () => {} });
    await store.ready;
    expect(store.getState().policy.notices).toEqual([]);
  });

  it('persists through browser.storage.sync and syncs two contexts', async () => {
    const a = createSettingsStore(browserAreaStorage('sync'));
    const b = createSettingsStore(browserAreaStorage('sync'));
    await Promise.all([a.ready, b.ready]);
    await a.getState().update({ uiLanguage: 'km' });
    const stored = await fakeBrowser.storage.sync.get(SETTINGS_KEY);
    expect((stored[SETTINGS_KEY] as { uiLanguage: string }).uiLanguage).toBe('km');
    await tick();
    expect(b.getState().effective.uiLanguage).toBe('km');
    a.dispose();
    b.dispose();
  });
});

describe('settings store readiness', () => {
  it('does not wait for a slow policy service, and applies policy when it arrives', async () => {
    let answer: (v: unknown) => void = () => {};
    const slow: ManagedSource = { read: () => new Promise((r) => (answer = r)), watch: () => () => {} };
    const store = createSettingsStore(memoryAreaStorage(), slow, { policyGraceMs: 20 });
    await store.ready;
    expect(store.getState().hydrated).toBe(true);
    expect(store.getState().effective.checklistMode).toBe('remind');
    answer({ checklistMode: 'hold' });
    await tick();
    expect(store.getState().effective.checklistMode).toBe('hold');
    expect(store.getState().locked.has('checklistMode')).toBe(true);
  });
});

describe('policy from the first moment (fail closed)', () => {
  const slowSource = () => {
    let answer: (v: unknown) => void = () => {};
    const source: ManagedSource = { read: () => new Promise((r) => (answer = r)), watch: () => () => {} };
    return { source, answer: (v: unknown) => answer(v) };
  };

  it('applies the last policy seen at once, before the policy service answers', async () => {
    const local = memoryAreaStorage();
    await local.set(POLICY_CACHE_KEY, { checklistMode: 'hold', allowCloudTranslation: false });
    const slow = slowSource();
    const store = createSettingsStore(memoryAreaStorage(), slow.source, { policyCache: local, policyGraceMs: 10 });
    await store.ready;
    expect(store.getState().policyPending).toBe(false);
    expect(store.getState().effective.checklistMode).toBe('hold');
    expect(store.getState().locked.has('allowCloudTranslation')).toBe(true);
    store.dispose();
  });

  it('is pending on a profile that never saw policy, until the answer, which it remembers', async () => {
    const local = memoryAreaStorage();
    const slow = slowSource();
    const store = createSettingsStore(memoryAreaStorage(), slow.source, { policyCache: local, policyGraceMs: 10 });
    await store.ready;
    expect(store.getState().policyPending).toBe(true);
    let settled = false;
    void store.policySettled.then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    slow.answer({ checklistMode: 'hold' });
    await store.policySettled;
    expect(store.getState().policyPending).toBe(false);
    expect(store.getState().effective.checklistMode).toBe('hold');
    await tick();
    expect(await local.get(POLICY_CACHE_KEY)).toEqual({ checklistMode: 'hold' });
    store.dispose();
  });

  it('waits at most policyWaitMs, then follows the user settings', async () => {
    const slow = slowSource();
    const store = createSettingsStore(memoryAreaStorage(), slow.source, { policyCache: memoryAreaStorage(), policyGraceMs: 10, policyWaitMs: 30 });
    await store.ready;
    expect(store.getState().policyPending).toBe(true);
    await store.policySettled;
    expect(store.getState().policyPending).toBe(false);
    expect(store.getState().effective.checklistMode).toBe('remind');
    store.dispose();
  });

  it('follows a removed policy: an empty answer replaces the remembered one', async () => {
    const local = memoryAreaStorage();
    await local.set(POLICY_CACHE_KEY, { checklistMode: 'hold' });
    const slow = slowSource();
    const store = createSettingsStore(memoryAreaStorage(), slow.source, { policyCache: local, policyGraceMs: 10 });
    await store.ready;
    expect(store.getState().effective.checklistMode).toBe('hold');
    slow.answer({});
    await tick();
    await tick();
    expect(store.getState().effective.checklistMode).toBe('remind');
    expect(store.getState().locked.size).toBe(0);
    expect(await local.get(POLICY_CACHE_KEY)).toEqual({});
    store.dispose();
  });

  it('a remembered policy never overrides a fresher answer', async () => {
    const local = memoryAreaStorage();
    await local.set(POLICY_CACHE_KEY, { checklistMode: 'hold' });
    const slowCache: AreaStorage = { ...local, get: <T,>(k: string) => new Promise<T | undefined>((r) => setTimeout(() => void local.get<T>(k).then(r), 20)) };
    const store = createSettingsStore(memoryAreaStorage(), policySource({ checklistMode: 'off' }), { policyCache: slowCache });
    await store.ready;
    expect(store.getState().effective.checklistMode).toBe('off');
    store.dispose();
  });
});

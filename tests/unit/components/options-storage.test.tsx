/**
 * Issue 13 item 6: storage writes are checked. Over Chrome's quotas (tests/unit/state/quota-storage.ts)
 * a pack or settings import is refused with a message and nothing partial is kept.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createStore } from 'zustand/vanilla';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { GuidelinesSource, OptionsServices } from '@/components/options/types';
import { buildActiveGuidelines, type ActiveGuidelines } from '@/lib/packs/active';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import type { AreaStorage } from '@/lib/state/area-storage';
import { createImportedPacksStore } from '@/lib/state/imported-packs';
import { createSettingsStore } from '@/lib/state/settings-store';
import { DEFAULT_SETTINGS } from '@/lib/state/settings';
import { CHROME_LOCAL, CHROME_SYNC, quotaAreaStorage } from '../state/quota-storage';
import { samplePack } from './options-popup.helpers';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '#');
});

/** Opens the options page at a section (#packs, #backup), as a deep link does. */
const at = (section: string) => beforeEach(() => window.history.replaceState(null, '', `#${section}`));

const services = (): OptionsServices => ({
  requestOrigins: vi.fn(async () => true),
  testProvider: vi.fn(async () => ({ ok: true, detail: '' })),
  download: () => undefined,
});

async function setup(sync: AreaStorage, local: AreaStorage) {
  const settings = createSettingsStore(sync);
  await settings.ready;
  const imported = createImportedPacksStore(local);
  await imported.ready;
  const build = (): ActiveGuidelines =>
    buildActiveGuidelines({
      builtIn: DEFAULT_PACKS,
      disabledBuiltin: settings.getState().effective.disabledBuiltinPacks,
      policyPacks: [],
      imported: imported.getState().value,
    });
  const store = createStore<ActiveGuidelines>()(() => build());
  imported.subscribe(() => store.setState(build(), true));
  const guidelines: GuidelinesSource = Object.assign(store, { imported });
  render(<OptionsApp settings={settings} guidelines={guidelines} services={services()} browserLanguage="en-US" />);
  return { settings, guidelines, user: userEvent.setup() };
}

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const alertOf = (marker: string) => waitFor(() => {
  const el = document.querySelector(`[data-${marker}-errors]`);
  expect(el).not.toBeNull();
  return el as HTMLElement;
});

describe('pack import over storage.local quota', () => {
  at('packs');
  it('a pack the storage has no room for is refused with a message, not reported as imported', async () => {
    const local = quotaAreaStorage({ quotaBytes: 300 }); // smaller than the sample pack
    const { user, guidelines } = await setup(quotaAreaStorage(CHROME_SYNC), local);
    await user.upload(screen.getByLabelText('Import guideline pack'), file('paris.json', JSON.stringify(samplePack())));
    const alert = await alertOf('import');
    expect(alert.textContent).toMatch(/no room for this, so nothing was saved/);
    expect(document.querySelector('[data-import-ok]')).toBeNull();
    expect(guidelines.imported.getState().value).toEqual([]);
    expect(guidelines.getState().packs.some((p) => p.id === 'embassy.paris')).toBe(false);
    expect(await local.get('importedPacks')).toBeUndefined();
  });

  it('an 11 MB pack is refused with a message and nothing is kept', async () => {
    const local = quotaAreaStorage(CHROME_LOCAL);
    const { user, guidelines } = await setup(quotaAreaStorage(CHROME_SYNC), local);
    const big = JSON.stringify(samplePack({ description: { en: 'x'.repeat(11 * 1024 * 1024) } }));
    await user.upload(screen.getByLabelText('Import guideline pack'), file('big.json', big));
    const alert = await alertOf('import');
    expect(alert.textContent!.length).toBeLessThan(4096);
    expect(guidelines.imported.getState().value).toEqual([]);
    expect(local.bytesInUse()).toBe(0);
  });
});

describe('settings file over storage.sync limits: all or nothing', () => {
  at('backup');
  const settingsFile = (instances: number, packs: unknown[]) =>
    JSON.stringify({
      format: 'envoy-settings',
      version: 1,
      settings: { ...DEFAULT_SETTINGS, checklistMode: 'off', mastodonInstances: Array.from({ length: instances }, (_, i) => `https://mastodon${i}.example.org`) },
      importedPacks: packs,
    });
  const parisEntry = { fileName: 'paris.json', json: samplePack(), enabled: true, importedAt: '2026-01-01T00:00:00.000Z' };

  it('settings over the 8 KB per-item limit are refused, and the file’s packs are not saved either', async () => {
    const sync = quotaAreaStorage(CHROME_SYNC);
    const local = quotaAreaStorage(CHROME_LOCAL);
    const { user, settings, guidelines } = await setup(sync, local);
    const before = settings.getState().user;
    await user.upload(screen.getByLabelText('Import settings file'), file('mine.json', settingsFile(400, [parisEntry])));
    const alert = await alertOf('settings-import');
    expect(alert.textContent).toMatch(/larger than the browser’s synced storage accepts for one item \(8 KB\), so nothing was saved/);
    expect(screen.queryByText(/Settings imported\./)).toBeNull();
    expect(settings.getState().user).toEqual(before);
    expect(guidelines.imported.getState().value).toEqual([]);
    expect(await local.get('importedPacks')).toBeUndefined();
  });

  it('when the packs do not fit, the settings already written are put back', async () => {
    const sync = quotaAreaStorage(CHROME_SYNC);
    const local = quotaAreaStorage({ quotaBytes: 300 });
    const { user, settings, guidelines } = await setup(sync, local);
    const before = settings.getState().user;
    await user.upload(screen.getByLabelText('Import settings file'), file('mine.json', settingsFile(2, [parisEntry])));
    const alert = await alertOf('settings-import');
    expect(alert.textContent).toMatch(/no room for this, so nothing was saved/);
    expect(settings.getState().user).toEqual(before);
    expect((await sync.get<{ checklistMode?: string }>('settings'))?.checklistMode ?? before.checklistMode).toBe(before.checklistMode);
    expect(guidelines.imported.getState().value).toEqual([]);
  });

  it('a file that fits is imported whole', async () => {
    const { user, settings, guidelines } = await setup(quotaAreaStorage(CHROME_SYNC), quotaAreaStorage(CHROME_LOCAL));
    await user.upload(screen.getByLabelText('Import settings file'), file('mine.json', settingsFile(2, [parisEntry])));
    await screen.findByText(/Settings imported\./);
    expect(settings.getState().user.checklistMode).toBe('off');
    expect(guidelines.imported.getState().value).toHaveLength(1);
  });
});

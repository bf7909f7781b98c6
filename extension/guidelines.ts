import { createStore, type StoreApi } from 'zustand/vanilla';
import { buildActiveGuidelines, type ActiveGuidelines } from '@/lib/packs/active';
import { prepareWhenIdle } from '@/lib/engine/compile';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { createImportedPacksStore } from '@/lib/state/imported-packs';
import type { PersistedStore } from '@/lib/state/persisted-store';
import type { StoredPack } from '@/lib/packs/active';
import type { SettingsStore } from '@/lib/state/settings-store';
import { browserAreaStorage } from '@/extension/storage';
import { settingsStore } from '@/extension/settings';

export type GuidelinesStore = StoreApi<ActiveGuidelines> & { ready: Promise<void>; imported: PersistedStore<StoredPack[]> };

let shared: GuidelinesStore | undefined;

/**
 * The compiled guidelines for this context, rebuilt when imported packs,
 * organisation packs or the built-in pack switches change.
 */
export function guidelinesStore(settings: SettingsStore = settingsStore()): GuidelinesStore {
  if (shared) return shared;
  const imported = createImportedPacksStore(browserAreaStorage('local'));
  const build = (): ActiveGuidelines => {
    const active = buildActiveGuidelines({
      builtIn: DEFAULT_PACKS,
      disabledBuiltin: settings.getState().effective.disabledBuiltinPacks,
      policyPacks: settings.getState().policy.packs,
      imported: imported.getState().value,
    });
    // The rest of the compilation in short slices after this task, before the user types.
    prepareWhenIdle(active.guidelines);
    return active;
  };
  const store = createStore<ActiveGuidelines>()(() => build());
  let inputs = [settings.getState().effective.disabledBuiltinPacks, settings.getState().policy.packs, imported.getState().value];
  const rebuild = () => {
    const next = [settings.getState().effective.disabledBuiltinPacks, settings.getState().policy.packs, imported.getState().value];
    if (next.every((v, i) => v === inputs[i])) return;
    inputs = next;
    store.setState(build(), true);
  };
  settings.subscribe(rebuild);
  imported.subscribe(rebuild);
  const ready = Promise.all([settings.ready, imported.ready]).then(rebuild);
  shared = Object.assign(store, { ready, imported });
  return shared;
}

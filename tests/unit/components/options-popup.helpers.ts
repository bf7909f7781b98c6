/** Shared set-up for the popup and options component tests: in-memory stores and a controllable policy. */
import { createStore } from 'zustand/vanilla';
import type { GuidelinesSource } from '@/components/options/types';
import { buildActiveGuidelines, type ActiveGuidelines } from '@/lib/packs/active';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { memoryAreaStorage } from '@/lib/state/area-storage';
import { createImportedPacksStore } from '@/lib/state/imported-packs';
import { createSettingsStore, type ManagedSource, type SettingsStore } from '@/lib/state/settings-store';

export function policySource(value: unknown = {}): ManagedSource & { set(v: unknown): void } {
  let current = value;
  const listeners = new Set<() => void>();
  return {
    read: async () => current,
    watch: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    set(v) {
      current = v;
      listeners.forEach((cb) => cb());
    },
  };
}

export async function makeSettings(policy: unknown = {}): Promise<{ settings: SettingsStore; policy: ReturnType<typeof policySource> }> {
  const source = policySource(policy);
  const settings = createSettingsStore(memoryAreaStorage(), source);
  await settings.ready;
  return { settings, policy: source };
}

/** Same wiring as extension/guidelines.ts, over in-memory storage. */
export async function makeGuidelines(settings: SettingsStore): Promise<GuidelinesSource> {
  const imported = createImportedPacksStore(memoryAreaStorage());
  await imported.ready;
  const inputs = () => [settings.getState().effective.disabledBuiltinPacks, settings.getState().policy.packs, imported.getState().value] as const;
  const build = (): ActiveGuidelines => {
    const [disabledBuiltin, policyPacks, packs] = inputs();
    return buildActiveGuidelines({ builtIn: DEFAULT_PACKS, disabledBuiltin, policyPacks, imported: packs });
  };
  const store = createStore<ActiveGuidelines>()(() => build());
  let last: readonly unknown[] = inputs();
  const rebuild = () => {
    const next = inputs();
    if (next.every((v, i) => v === last[i])) return;
    last = next;
    store.setState(build(), true);
  };
  settings.subscribe(rebuild);
  imported.subscribe(rebuild);
  return Object.assign(store, { imported });
}

export const tick = () => new Promise((r) => setTimeout(r, 0));

/** A small valid pack (one term rule) for import tests. */
export function samplePack(overrides: Record<string, unknown> = {}, rule: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'envoy-pack/1',
    id: 'embassy.paris',
    version: '1.2.0',
    title: { en: 'Embassy in Paris', fr: 'Ambassade à Paris' },
    languages: ['en', 'fr'],
    sources: [{ id: 'EMB-PARIS', title: 'Embassy social media note' }],
    rules: [
      {
        id: 'paris.codename',
        type: 'term',
        severity: 'error',
        category: 'security',
        terms: ['Operation Lotus'],
        message: { en: 'Do not mention “{match}”.' },
        explanation: { en: 'Internal code names stay internal.' },
        sources: [{ ref: 'EMB-PARIS' }],
        tests: { flag: ['Preparing Operation Lotus today.'], allow: ['A lotus flower.'] },
        ...rule,
      },
    ],
    ...overrides,
  };
}

import { createSettingsStore, type SettingsStore } from '@/lib/state/settings-store';
import { browserAreaStorage, managedPolicySource } from '@/extension/storage';
import { splitSecrets } from '@/lib/state/secret-split';
import { idbSecretStore, newSecretRef } from '@/extension/secret-store';

let shared: SettingsStore | undefined;

/**
 * The settings store of the background and the extension pages. Translation API keys are kept in
 * the extension's IndexedDB, never in storage.sync (lib/state/secret-split.ts). Content scripts
 * use extension/page-settings.ts instead.
 */
export function settingsStore(): SettingsStore {
  // The last policy seen lives in storage.local, so it applies before Chrome's policy service answers.
  shared ??= createSettingsStore(splitSecrets(browserAreaStorage('sync'), idbSecretStore, newSecretRef), managedPolicySource, {
    policyCache: browserAreaStorage('local'),
  });
  return shared;
}

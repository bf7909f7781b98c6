import { createSettingsStore, type SettingsStore } from '@/lib/state/settings-store';
import { browserAreaStorage, managedPolicySource } from '@/extension/storage';

let shared: SettingsStore | undefined;

/** The settings store for this JS context (one per page or content script). */
export function settingsStore(): SettingsStore {
  // The last policy seen lives in storage.local, so it applies before Chrome's policy service answers.
  shared ??= createSettingsStore(browserAreaStorage('sync'), managedPolicySource, { policyCache: browserAreaStorage('local') });
  return shared;
}

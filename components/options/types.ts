import type { StoreApi } from 'zustand/vanilla';
import type { ActiveGuidelines, StoredPack } from '@/lib/packs/active';
import type { PersistedStore } from '@/lib/state/persisted-store';
import type { ProviderConfig } from '@/lib/state/settings';

/** The compiled guidelines of this page plus the imported-packs store (extension/guidelines.ts). */
export type GuidelinesSource = StoreApi<ActiveGuidelines> & { imported: PersistedStore<StoredPack[]> };

export interface ProviderTestResult {
  ok: boolean;
  /** Short words for the user: what answered, or why it failed. */
  detail: string;
}

/** Browser-facing actions, injected so the page can be tested without an extension. */
export interface OptionsServices {
  /** browser.permissions.request for origins; must be called from the click handler (user gesture). */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** Contacts the service (after the permission was granted) and reports what answered. */
  testProvider(config: ProviderConfig): Promise<ProviderTestResult>;
  /** Saves a text file for the user. */
  download(fileName: string, text: string): void;
}

export const noServices: OptionsServices = {
  requestOrigins: async () => false,
  testProvider: async () => ({ ok: false, detail: 'not available here' }),
  download: () => {},
};

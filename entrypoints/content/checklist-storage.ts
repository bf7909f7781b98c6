/**
 * Where the content-side checklist keeps things (see lib/state/checklist-keys.ts):
 * per-draft ticks through the background (storage.session, keyed by the real
 * tab id), the override log and the user's templates in storage.local.
 * Templates come from the background, which validates them.
 */
import { browser } from 'wxt/browser';
import { appendLogEntry, type OverrideLogEntry } from '@/lib/checklist/log-entry';
import type { StoredChecklistState } from '@/lib/checklist/state';
import type { ChecklistTemplate } from '@/lib/checklist/types';
import { CHECKLIST_OVERRIDE_LOG_KEY, CHECKLIST_TEMPLATES_KEY } from '@/lib/state/checklist-keys';
import { browserAreaStorage } from '@/extension/storage';
import { sendToBackground } from '@/extension/messaging';
import type { DraftPersistence } from '@/entrypoints/content/checklist-controller';

export function draftPersistence(composerKey: string): DraftPersistence {
  const send = (op: 'get' | 'set' | 'clear', state?: StoredChecklistState) =>
    sendToBackground({ type: 'envoy:checklist-draft', op, composerKey, ...(state ? { state } : {}) });
  const quiet = (p: Promise<unknown>) => void p.catch((error: unknown) => console.debug('[Envoy] checklist ticks not saved', error));
  return {
    load: async () => (await send('get')).state,
    save: (state) => quiet(send('set', state)),
    clear: () => quiet(send('clear')),
  };
}

/** Appends one entry to the local override log (storage.local; never sent anywhere). */
export async function appendOverrideLog(entry: OverrideLogEntry): Promise<void> {
  const local = browser.storage.local;
  const stored = (await local.get(CHECKLIST_OVERRIDE_LOG_KEY))[CHECKLIST_OVERRIDE_LOG_KEY] as unknown;
  const current = Array.isArray(stored)
    ? (stored as OverrideLogEntry[])
    : stored !== null && typeof stored === 'object' && Array.isArray((stored as { entries?: unknown }).entries)
      ? (stored as { entries: OverrideLogEntry[] }).entries
      : [];
  await local.set({ [CHECKLIST_OVERRIDE_LOG_KEY]: appendLogEntry(current, entry) });
}

/**
 * The templates in effect (built-in + the user's edits, validated by the
 * background), now and whenever the user edits them; returns an unsubscribe.
 */
export function watchTemplates(callback: (templates: ChecklistTemplate[]) => void): () => void {
  let stopped = false;
  let sequence = 0;
  const load = () => {
    const mine = ++sequence;
    void sendToBackground({ type: 'envoy:checklist-templates' })
      .then(({ templates }) => {
        if (!stopped && mine === sequence && Array.isArray(templates) && templates.length > 0) {
          callback(templates as ChecklistTemplate[]);
        }
      })
      .catch((error: unknown) => console.debug('[Envoy] checklist templates unavailable', error));
  };
  load();
  const unwatch = browserAreaStorage('local').watch(CHECKLIST_TEMPLATES_KEY, load);
  return () => {
    stopped = true;
    unwatch();
  };
}

/**
 * Background side of the checklist: the templates in effect (validated here,
 * so the content script carries neither the built-in texts nor zod) and the
 * per-draft ticks. Content scripts neither
 * know their tab id nor (in Chromium) may read storage.session, so they ask
 * here: the key is built from the SENDER's tab, so one tab can never read or
 * clear another tab's ticks. storage.session keeps ticks across reloads of
 * the page but not across browser restarts; where it is missing (older
 * Firefox) storage.local is used and closed tabs are cleaned up the same way.
 */
import { browser } from 'wxt/browser';
import { fromStoredState, makeDraftKey, toStoredState } from '@/lib/checklist/state';
import { CHECKLIST_DRAFT_KEY_PREFIX, CHECKLIST_TEMPLATES_KEY } from '@/lib/state/checklist-keys';
import { effectiveTemplates, parseCustomTemplates } from '@/lib/state/checklist-stores';
import type { EnvoyRequest, ResponseMap } from '@/lib/messages';

type DraftRequest = Extract<EnvoyRequest, { type: 'envoy:checklist-draft' }>;

function area() {
  return browser.storage.session ?? browser.storage.local;
}

/** A draft's ticks are a few hundred bytes; a larger state is refused, not stored. */
export const MAX_DRAFT_STATE_BYTES = 8 * 1024;
/** Drafts kept per tab and in all; a new draft beyond either is refused (closed tabs free theirs). */
export const MAX_DRAFTS_PER_TAB = 32;
export const MAX_DRAFTS = 512;

function storageKey(tabId: number, composerKey: string): string {
  return `${CHECKLIST_DRAFT_KEY_PREFIX}${tabId}:${composerKey}`;
}

export async function handleChecklistDraft(
  request: DraftRequest,
  tabId: number | undefined,
): Promise<ResponseMap['envoy:checklist-draft']> {
  if (tabId === undefined) return { state: null, draftKey: null };
  const key = storageKey(tabId, request.composerKey);
  const draftKey = makeDraftKey(tabId, request.composerKey);
  switch (request.op) {
    case 'get': {
      const stored = (await area().get(key))[key];
      const state = fromStoredState(stored);
      return { state: state ? toStoredState({ ...state, draftKey }) : null, draftKey };
    }
    case 'set': {
      const state = fromStoredState(request.state);
      if (!state) return { state: null, draftKey };
      const value = toStoredState({ ...state, draftKey });
      if (JSON.stringify(value).length > MAX_DRAFT_STATE_BYTES) return { state: null, draftKey };
      if (!(await roomFor(key, tabId))) return { state: null, draftKey };
      await area().set({ [key]: value });
      return { state: value, draftKey };
    }
    case 'clear':
      await area().remove(key);
      return { state: null, draftKey };
  }
}

/** Whether `key` is already stored or another draft fits under the per-tab and total caps. */
async function roomFor(key: string, tabId: number): Promise<boolean> {
  const all = await area().get(null);
  if (key in all) return true;
  const drafts = Object.keys(all).filter((k) => k.startsWith(CHECKLIST_DRAFT_KEY_PREFIX));
  const tabPrefix = `${CHECKLIST_DRAFT_KEY_PREFIX}${tabId}:`;
  return drafts.length < MAX_DRAFTS && drafts.filter((k) => k.startsWith(tabPrefix)).length < MAX_DRAFTS_PER_TAB;
}

/** Forgets every draft of a tab when it closes. */
export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    const prefix = `${CHECKLIST_DRAFT_KEY_PREFIX}${tabId}:`;
    void area()
      .get(null)
      .then((all) => {
        const keys = Object.keys(all).filter((k) => k.startsWith(prefix));
        if (keys.length > 0) return area().remove(keys);
      })
      .catch(() => undefined);
  });
}

/** Built-in templates with the user's valid edits on top (storage.local). */
export async function checklistTemplates(): Promise<ResponseMap['envoy:checklist-templates']> {
  const stored = (await browser.storage.local.get(CHECKLIST_TEMPLATES_KEY))[CHECKLIST_TEMPLATES_KEY];
  return { templates: effectiveTemplates(parseCustomTemplates(stored)) };
}

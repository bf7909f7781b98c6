/**
 * Checklist state for one draft (key `tabId:composerId`).
 *
 * All functions are pure: they return a new state and never mutate.
 *
 * How an item counts as ticked ("checked"):
 * - Manual item: the user ticked it.
 * - Automatic item whose check passes: ticked by itself (and unticked again as
 *   soon as the draft changes back so the check no longer passes).
 * - Automatic item whose check is unknown (engine not run yet, platform does
 *   not expose the data): behaves as a manual item.
 * - Automatic item whose check fails:
 *     required     → open; a manual tick is refused ("locked"): fix the draft
 *                    or override the hold with a reason.
 *     not required → the user may tick it to acknowledge the failure.
 *   A manual tick is dropped whenever an item newly starts failing (the user
 *   confirmed a different draft), so acknowledging a failure is always a
 *   deliberate act on the current failure. Because results are reset when the
 *   template changes or the state is reloaded, such an acknowledgement must
 *   then be given again.
 * - Ticking an automatic item that currently passes is a no-op (nothing to
 *   record); unticking it is a no-op too (it is computed).
 *
 * Manual ticks are kept per template, so switching template (automatically or
 * by hand) and back restores the ticks made for that template. Ticks persist
 * across draft edits and are cleared only after a successful post.
 *
 * Automatic results are derived from the draft and are NOT serialised: after
 * loading, the caller recomputes them (until then they count as unknown).
 */
import type { AutoResult } from './auto';
import { autoSpecOf, type ChecklistItem, type ChecklistTemplate } from './types';

export const CHECKLIST_STATE_VERSION = 1;

export interface ChecklistState {
  readonly version: typeof CHECKLIST_STATE_VERSION;
  /** `tabId:composerId`. */
  readonly draftKey: string;
  /** The template currently shown (selected automatically or by hand). */
  readonly templateId: string;
  /** The user's manual template choice for this draft; sticks until reset. */
  readonly manualTemplateId?: string;
  /** Manual ticks: template id → ticked item ids. */
  readonly ticks: Readonly<Record<string, readonly string[]>>;
  /** Automatic results for the current template: item id → result (not persisted). */
  readonly auto: Readonly<Record<string, AutoResult>>;
}

// ---------------------------------------------------------------------------
// Draft keys
// ---------------------------------------------------------------------------

/** The storage key of a draft: `tabId:composerId`. */
export function makeDraftKey(tabId: number | string, composerId: string): string {
  const tab = String(tabId);
  if (tab === '' || tab.includes(':')) throw new Error(`makeDraftKey: invalid tab id "${tab}"`);
  if (composerId === '') throw new Error('makeDraftKey: empty composer id');
  return `${tab}:${composerId}`;
}

/** Splits a draft key; the composer id may itself contain colons. */
export function parseDraftKey(key: string): { tabId: string; composerId: string } | undefined {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) return undefined;
  return { tabId: key.slice(0, at), composerId: key.slice(at + 1) };
}

// ---------------------------------------------------------------------------
// Construction and template switching
// ---------------------------------------------------------------------------

export function createChecklistState(draftKey: string, templateId: string): ChecklistState {
  return { version: CHECKLIST_STATE_VERSION, draftKey, templateId, ticks: {}, auto: {} };
}

/** Shows another template (e.g. the automatic selection changed). Auto results are reset: recompute them. */
export function withTemplate(state: ChecklistState, templateId: string): ChecklistState {
  if (state.templateId === templateId) return state;
  return { ...state, templateId, auto: {} };
}

/** Records the user's manual choice (and shows it). It sticks until `resetManualTemplate`. */
export function setManualTemplate(state: ChecklistState, templateId: string): ChecklistState {
  return { ...withTemplate(state, templateId), manualTemplateId: templateId };
}

/** Forgets the manual choice; the caller then re-runs selection and calls `withTemplate`. */
export function resetManualTemplate(state: ChecklistState): ChecklistState {
  if (state.manualTemplateId === undefined) return state;
  const { manualTemplateId: _dropped, ...rest } = state;
  return rest;
}

// ---------------------------------------------------------------------------
// Automatic results
// ---------------------------------------------------------------------------

function ticksFor(state: ChecklistState, templateId: string): readonly string[] {
  return state.ticks[templateId] ?? [];
}

function withTicks(state: ChecklistState, templateId: string, ids: readonly string[]): ChecklistState {
  const ticks = { ...state.ticks };
  if (ids.length === 0) delete ticks[templateId];
  else ticks[templateId] = ids;
  return { ...state, ticks };
}

/**
 * Stores fresh automatic results for `template` (switching to it if needed).
 * Results for items without an automatic check are ignored. Manual ticks on
 * items that newly start failing are dropped (see the module comment).
 */
export function applyAutoResults(
  state: ChecklistState,
  template: ChecklistTemplate,
  results: Readonly<Record<string, AutoResult>>,
): ChecklistState {
  const current = withTemplate(state, template.id);
  const auto: Record<string, AutoResult> = {};
  const newlyFailing = new Set<string>();
  for (const item of template.items) {
    if (item.auto === undefined) continue;
    const result = results[item.id] ?? 'unknown';
    auto[item.id] = result;
    if (result === 'fail' && current.auto[item.id] !== 'fail') newlyFailing.add(item.id);
  }
  const ticks = ticksFor(current, template.id);
  const kept = ticks.filter((id) => !newlyFailing.has(id));
  const next = kept.length === ticks.length ? current : withTicks(current, template.id, kept);
  return { ...next, auto };
}

// ---------------------------------------------------------------------------
// Ticking
// ---------------------------------------------------------------------------

export type TickOutcome =
  | 'ticked'
  | 'unticked'
  /** Nothing to change (already in that state, or an automatic item that passes). */
  | 'unchanged'
  /** Required item whose automatic check fails: fix the draft or override the hold. */
  | 'locked'
  | 'unknown-item';

export interface TickResult {
  readonly state: ChecklistState;
  readonly outcome: TickOutcome;
}

/** Ticks (checked = true) or unticks an item of `template` by hand. */
export function setTick(
  state: ChecklistState,
  template: ChecklistTemplate,
  itemId: string,
  checked: boolean,
): TickResult {
  const current = withTemplate(state, template.id);
  const item = template.items.find((i) => i.id === itemId);
  if (item === undefined) return { state, outcome: 'unknown-item' };
  const ticks = ticksFor(current, template.id);
  const has = ticks.includes(itemId);
  const auto = item.auto === undefined ? undefined : (current.auto[itemId] ?? 'unknown');
  if (checked) {
    if (auto === 'pass') return { state: current, outcome: 'unchanged' };
    if (auto === 'fail' && item.required) return { state: current, outcome: 'locked' };
    if (has) return { state: current, outcome: 'unchanged' };
    return { state: withTicks(current, template.id, [...ticks, itemId]), outcome: 'ticked' };
  }
  if (!has) return { state: current, outcome: 'unchanged' };
  return { state: withTicks(current, template.id, ticks.filter((id) => id !== itemId)), outcome: 'unticked' };
}

export const tickItem = (state: ChecklistState, template: ChecklistTemplate, itemId: string): TickResult =>
  setTick(state, template, itemId, true);
export const untickItem = (state: ChecklistState, template: ChecklistTemplate, itemId: string): TickResult =>
  setTick(state, template, itemId, false);

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

export interface ItemStatus {
  readonly id: string;
  readonly required: boolean;
  /** Ticked, by the automatic check or by hand. */
  readonly checked: boolean;
  /** Who ticked it: the automatic check, the user, or nobody. */
  readonly by: 'auto' | 'manual' | null;
  /** The automatic result, for items with an automatic check. */
  readonly auto?: AutoResult;
  /** True when the user cannot tick it by hand (required and failing). */
  readonly locked: boolean;
}

function statusOf(state: ChecklistState, template: ChecklistTemplate, item: ChecklistItem): ItemStatus {
  const manual = ticksFor(state, template.id).includes(item.id);
  const autoSpec = autoSpecOf(item);
  if (autoSpec === undefined) {
    return { id: item.id, required: item.required, checked: manual, by: manual ? 'manual' : null, locked: false };
  }
  const auto = state.templateId === template.id ? (state.auto[item.id] ?? 'unknown') : 'unknown';
  if (auto === 'pass') return { id: item.id, required: item.required, checked: true, by: 'auto', auto, locked: false };
  if (auto === 'fail' && item.required) {
    return { id: item.id, required: true, checked: false, by: null, auto, locked: true };
  }
  return { id: item.id, required: item.required, checked: manual, by: manual ? 'manual' : null, auto, locked: false };
}

/** Status of every item of `template`, in template order. */
export function checklistView(state: ChecklistState, template: ChecklistTemplate): ItemStatus[] {
  return template.items.map((item) => statusOf(state, template, item));
}

/** Ids of the items not yet ticked (required ones only by default), in template order. */
export function openItems(
  state: ChecklistState,
  template: ChecklistTemplate,
  options: { readonly requiredOnly?: boolean } = {},
): string[] {
  const requiredOnly = options.requiredOnly ?? true;
  return checklistView(state, template)
    .filter((s) => !s.checked && (!requiredOnly || s.required))
    .map((s) => s.id);
}

/** The first open required item (where a held post puts the focus). */
export function firstOpenItem(state: ChecklistState, template: ChecklistTemplate): string | undefined {
  return openItems(state, template)[0];
}

/** Every required item is ticked (by hand) or passing (automatically). */
export function isComplete(state: ChecklistState, template: ChecklistTemplate): boolean {
  return openItems(state, template).length === 0;
}

// ---------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------

export interface StoredChecklistState {
  version: typeof CHECKLIST_STATE_VERSION;
  draftKey: string;
  templateId: string;
  manualTemplateId?: string | undefined;
  ticks: Record<string, string[]>;
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Checks the stored shape by hand (no zod here: this module runs in the content script). Unknown keys are dropped. */
function parseStoredState(stored: unknown): StoredChecklistState | undefined {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return undefined;
  const s = stored as Record<string, unknown>;
  if (s.version !== CHECKLIST_STATE_VERSION || !isNonEmptyString(s.draftKey) || !isNonEmptyString(s.templateId)) {
    return undefined;
  }
  if (s.manualTemplateId !== undefined && !isNonEmptyString(s.manualTemplateId)) return undefined;
  if (s.ticks === null || typeof s.ticks !== 'object' || Array.isArray(s.ticks)) return undefined;
  const ticks: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(s.ticks as Record<string, unknown>)) {
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) return undefined;
    ticks[key] = [...value];
  }
  return {
    version: CHECKLIST_STATE_VERSION,
    draftKey: s.draftKey,
    templateId: s.templateId,
    ...(s.manualTemplateId !== undefined ? { manualTemplateId: s.manualTemplateId } : {}),
    ticks,
  };
}

/** The persisted form (automatic results are left out: they are recomputed from the draft). */
export function toStoredState(state: ChecklistState): StoredChecklistState {
  return {
    version: state.version,
    draftKey: state.draftKey,
    templateId: state.templateId,
    ...(state.manualTemplateId !== undefined ? { manualTemplateId: state.manualTemplateId } : {}),
    ticks: Object.fromEntries(Object.entries(state.ticks).map(([k, v]) => [k, [...v]])),
  };
}

/** Reads a persisted state; undefined when it is missing, corrupted or from an unknown version. */
export function fromStoredState(stored: unknown): ChecklistState | undefined {
  const parsed = parseStoredState(stored);
  if (parsed === undefined) return undefined;
  const { manualTemplateId, ...rest } = parsed;
  const ticks = Object.fromEntries(Object.entries(rest.ticks).map(([k, v]) => [k, [...new Set(v)]]));
  return { ...rest, ticks, ...(manualTemplateId !== undefined ? { manualTemplateId } : {}), auto: {} };
}

export function serializeState(state: ChecklistState): string {
  return JSON.stringify(toStoredState(state));
}

export function deserializeState(json: string): ChecklistState | undefined {
  try {
    return fromStoredState(JSON.parse(json));
  } catch {
    return undefined;
  }
}

/** All drafts' checklist states, by draft key (as kept in session storage). */
export type ChecklistStore = Readonly<Record<string, ChecklistState>>;

export function putState(store: ChecklistStore, state: ChecklistState): ChecklistStore {
  return { ...store, [state.draftKey]: state };
}

/** Forgets a draft's ticks after its post succeeded. */
export function clearAfterPost(store: ChecklistStore, draftKey: string): ChecklistStore {
  if (!(draftKey in store)) return store;
  const next = { ...store };
  delete next[draftKey];
  return next;
}

/** Forgets every draft of a tab (the tab was closed). */
export function clearTab(store: ChecklistStore, tabId: number | string): ChecklistStore {
  const prefix = `${String(tabId)}:`;
  return Object.fromEntries(Object.entries(store).filter(([key]) => !key.startsWith(prefix)));
}

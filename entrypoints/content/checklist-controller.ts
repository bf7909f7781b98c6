/**
 * The checklist of one composer session: which template applies, what is
 * ticked (by hand or automatically), and the hold state machine. No DOM here:
 * the submit guard (submit-guard.ts) feeds it submit attempts and re-dispatches
 * what it releases; the panel section renders its store.
 *
 * Imports only the zod-free parts of lib/checklist (content-script size).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { evaluateTemplateAutoChecks, type FindingLike } from '@/lib/checklist/auto';
import {
  createHoldState,
  holdStep,
  type ChecklistMode,
  type HoldEffects,
  type HoldEvent,
  type HoldRejection,
  type HoldState,
  type SubmitSource,
} from '@/lib/checklist/hold';
import type { OverrideLogEntry } from '@/lib/checklist/log-entry';
import { selectTemplate, type ChecklistPromptLike, type TemplateSelection } from '@/lib/checklist/select';
import {
  applyAutoResults,
  checklistView,
  createChecklistState,
  fromStoredState,
  openItems,
  resetManualTemplate,
  setManualTemplate,
  setTick,
  toStoredState,
  type ChecklistState,
  type ItemStatus,
  type StoredChecklistState,
} from '@/lib/checklist/state';
import { DEFAULT_TEMPLATE_ID } from '@/lib/checklist/templates';
import type { AccountType, ChecklistTemplate, TriggerMode } from '@/lib/checklist/types';

/** What the checklist reads of the draft and the settings. */
export interface DraftInput {
  text: string;
  /** Engine findings; undefined until the engine has answered for this session. */
  findings?: readonly FindingLike[] | undefined;
  /** The platform's own count and limit; undefined until the engine has answered. */
  length?: { count: number; limit: number | null } | undefined;
  prompts: readonly ChecklistPromptLike[];
  modes: readonly TriggerMode[];
  accountType: AccountType;
  isReply: boolean;
}

export interface DraftPersistence {
  /** The stored ticks of this draft, if any (validated here). */
  load(): Promise<unknown>;
  save(state: StoredChecklistState): void;
  clear(): void;
}

export interface ControllerDeps {
  platform: string;
  /** `tabId:composerKey` (the content script uses a placeholder tab; the background keys by the real one). */
  draftKey: string;
  mode(): ChecklistMode;
  persistence?: DraftPersistence;
  appendLog?(entry: OverrideLogEntry): void | Promise<void>;
  /** Unguessable prefix for release tokens (a random UUID). */
  tokenPrefix: string;
  now?(): Date;
  /** Make the checklist visible (expand the panel). */
  reveal?(): void;
  /** The templates in effect; empty until they are loaded (see setTemplates). */
  templates?: readonly ChecklistTemplate[];
  input?: DraftInput;
}

/**
 * Re-dispatches a held submit exactly once with the token; returns false when
 * there was nothing to re-dispatch to (the Post button vanished…).
 */
export type Redispatcher = (redispatch: { token: string; source: SubmitSource }) => boolean;

export interface ControllerState {
  templates: readonly ChecklistTemplate[];
  input: DraftInput;
  /** null until the templates have arrived from the background. */
  selection: TemplateSelection | null;
  checklist: ChecklistState;
  items: ItemStatus[];
  /** Ids of the required items still open. */
  open: string[];
  complete: boolean;
  hold: HoldState;
  /** A post is held: show data-post-held. */
  held: boolean;
  /** remind mode: the one reminder for this draft is showing. */
  reminder: boolean;
  /** Increments each time the first open item should take focus. */
  focusRequest: number;
  /** Why the last release/override was refused. */
  rejection: HoldRejection | null;
  /** A release could not be re-dispatched: the user must press Post again. */
  postAgain: boolean;
}

export interface ChecklistController {
  store: StoreApi<ControllerState>;
  mode(): ChecklistMode;
  /** The draft or settings changed. */
  update(input: DraftInput): void;
  setTemplates(templates: readonly ChecklistTemplate[]): void;
  /** A template chosen by hand; null goes back to the automatic choice. */
  chooseTemplate(templateId: string | null): void;
  tick(itemId: string, checked: boolean): void;
  /** A submit attempt caught by the guard. */
  submit(source: SubmitSource, token?: string): HoldEffects;
  /** "Post now" (checklist complete). */
  release(): HoldEffects;
  /** "Post anyway" with a reason. */
  override(reason: string): HoldEffects;
  /** "Keep editing": drop the held post. */
  dismiss(): void;
  dismissReminder(): void;
  /** The platform accepted the post (the composer emptied or went away). */
  postSucceeded(): void;
  setRedispatcher(fn: Redispatcher | undefined): void;
  /** Loads stored ticks (call once after creation). */
  ready: Promise<void>;
}

const EMPTY_INPUT: DraftInput = { text: '', prompts: [], modes: [], accountType: 'official', isReply: false };

function derive(templates: readonly ChecklistTemplate[], input: DraftInput, checklist: ChecklistState) {
  // Templates not loaded yet: nothing to show, and nothing is complete (a held post stays held).
  if (templates.length === 0) return { selection: null, checklist, items: [], open: [], complete: false };
  let state = checklist;
  const selection = selectTemplate(templates, {
    text: input.text,
    modes: input.modes,
    accountType: input.accountType,
    isReply: input.isReply,
    prompts: input.prompts,
    ...(state.manualTemplateId !== undefined ? { manualTemplateId: state.manualTemplateId } : {}),
  });
  if (selection.missingManualTemplateId !== undefined) state = resetManualTemplate(state);
  const template = selection.template;
  const results = evaluateTemplateAutoChecks(template, {
    text: input.text,
    ...(input.findings !== undefined ? { findings: input.findings } : {}),
    ...(input.length !== undefined ? { length: input.length } : {}),
    // Adapters do not expose attached images or a bilingual requirement yet:
    // those items stay manual ('unknown').
    images: 'unknown',
  });
  state = applyAutoResults(state, template, results);
  const open = openItems(state, template);
  return { selection, checklist: state, items: checklistView(state, template), open, complete: open.length === 0 };
}

/** What the panel shows after one step of the hold machine (pure; the caller runs the effects). */
export function stepPatch(
  s: Pick<ControllerState, 'focusRequest'>,
  event: HoldEvent,
  state: HoldState,
  effects: HoldEffects,
  mode: ChecklistMode,
): Partial<ControllerState> {
  const patch: Partial<ControllerState> = { hold: state, held: effects.held };
  if (effects.rejected) patch.rejection = effects.rejected;
  else if (event.type !== 'checklist-changed') patch.rejection = null;
  if (effects.show && mode === 'remind') patch.reminder = true;
  if (effects.focusFirstOpenItem) patch.focusRequest = s.focusRequest + 1;
  if (!effects.held) patch.postAgain = false;
  return patch;
}

/** Writes an override-log entry; a failing store is reported, never thrown into the page. */
function appendLogSafely(appendLog: ControllerDeps['appendLog'], entry: NonNullable<HoldEffects['logEntry']>): void {
  try {
    void Promise.resolve(appendLog?.(entry)).catch((error: unknown) => console.warn('[Envoy] could not write the override log', error));
  } catch (error) {
    console.warn('[Envoy] could not write the override log', error);
  }
}

function storedKey(state: ChecklistState): string {
  return JSON.stringify(toStoredState(state));
}

export function createChecklistController(deps: ControllerDeps): ChecklistController {
  const templates0 = deps.templates ?? [];
  const input0 = deps.input ?? EMPTY_INPUT;
  const checklist0 = createChecklistState(deps.draftKey, DEFAULT_TEMPLATE_ID);
  const store = createStore<ControllerState>()(() => ({
    templates: templates0,
    input: input0,
    ...derive(templates0, input0, checklist0),
    hold: createHoldState(deps.tokenPrefix),
    held: false,
    reminder: false,
    focusRequest: 0,
    rejection: null,
    postAgain: false,
  }));

  let redispatcher: Redispatcher | undefined;
  /** The user changed ticks or template before the stored state arrived: keep theirs. */
  let touched = false;
  /** The reminder on show belongs to a draft that has since been posted. */
  let reminderPosted = false;
  let lastSaved = storedKey(store.getState().checklist);

  const persist = () => {
    const key = storedKey(store.getState().checklist);
    if (key === lastSaved) return;
    lastSaved = key;
    deps.persistence?.save(toStoredState(store.getState().checklist));
  };

  /** Recomputes everything derived; tells the machine when completeness changed. */
  const recompute = (patch: Partial<Pick<ControllerState, 'templates' | 'input' | 'checklist'>> = {}) => {
    const s = store.getState();
    const templates = patch.templates ?? s.templates;
    const input = patch.input ?? s.input;
    const derived = derive(templates, input, patch.checklist ?? s.checklist);
    store.setState({ templates, input, ...derived });
    if (derived.complete !== s.complete) step({ type: 'checklist-changed' });
  };

  const mode = () => deps.mode();

  const step = (event: HoldEvent): HoldEffects => {
    const s = store.getState();
    const { state, effects } = holdStep(s.hold, event, { mode: mode(), complete: s.complete });
    const patch = stepPatch(s, event, state, effects, mode());
    // A new reminder belongs to the draft on screen, not to one already posted.
    if (patch.reminder) reminderPosted = false;
    if (effects.show) deps.reveal?.();
    store.setState(patch);
    if (effects.logEntry) appendLogSafely(deps.appendLog, effects.logEntry);
    if (effects.clearDraft) {
      touched = false;
      const fresh = createChecklistState(deps.draftKey, DEFAULT_TEMPLATE_ID);
      lastSaved = storedKey(fresh);
      deps.persistence?.clear();
      recompute({ checklist: fresh });
    }
    if (effects.redispatch) {
      const done = redispatcher?.(effects.redispatch) ?? false;
      if (!done) store.setState({ postAgain: true });
    }
    return effects;
  };

  const ready = (async () => {
    if (!deps.persistence) return;
    try {
      const stored = fromStoredState(await deps.persistence.load());
      if (!stored || touched) return;
      const checklist = { ...stored, draftKey: deps.draftKey };
      lastSaved = storedKey(checklist);
      recompute({ checklist });
    } catch (error) {
      console.debug('[Envoy] checklist ticks could not be loaded', error);
    }
  })();

  return {
    store,
    mode,
    ready,
    update(input) {
      const textChanged = input.text !== store.getState().input.text;
      recompute({ input });
      // A new draft after a post: the reminder was for the previous one.
      if (textChanged && input.text.trim() !== '' && reminderPosted) {
        reminderPosted = false;
        store.setState({ reminder: false });
      }
      if (textChanged) step({ type: 'draft-changed' });
    },
    setTemplates(templates) {
      if (templates.length > 0) recompute({ templates });
    },
    chooseTemplate(templateId) {
      touched = true;
      const s = store.getState();
      const checklist = templateId === null ? resetManualTemplate(s.checklist) : setManualTemplate(s.checklist, templateId);
      recompute({ checklist });
      persist();
    },
    tick(itemId, checked) {
      touched = true;
      const s = store.getState();
      if (!s.selection) return;
      const result = setTick(s.checklist, s.selection.template, itemId, checked);
      if (result.outcome === 'ticked' || result.outcome === 'unticked') {
        recompute({ checklist: result.state });
        persist();
      }
    },
    submit(source, token) {
      return step(token === undefined ? { type: 'submit', source } : { type: 'submit', source, token });
    },
    release() {
      return step({ type: 'release' });
    },
    override(reason) {
      const s = store.getState();
      return step({
        type: 'override',
        reason,
        at: deps.now?.() ?? new Date(),
        platform: deps.platform,
        templateId: s.selection?.template.id ?? 'unavailable',
        openItems: s.open,
      });
    },
    dismiss() {
      step({ type: 'dismiss' });
    },
    dismissReminder() {
      reminderPosted = false;
      store.setState({ reminder: false });
    },
    postSucceeded() {
      if (store.getState().reminder) reminderPosted = true;
      step({ type: 'post-succeeded' });
    },
    setRedispatcher(fn) {
      redispatcher = fn;
    },
  };
}

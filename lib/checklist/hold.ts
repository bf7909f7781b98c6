/**
 * The hold state machine for submit attempts on one draft.
 *
 * The DOM layer intercepts the platform's Post button, the posting keyboard
 * shortcut, Enter-to-send and form submission in the capture phase, feeds each
 * one here as a `submit` event and acts on the returned effects. It is pure:
 * `holdStep(state, event, ctx)` returns the next state and the effects.
 *
 * Phases: idle → held → released | overridden → submitted
 *   idle        nothing pending
 *   held        a submit was blocked; the checklist is open (data-post-held)
 *   released    a submit was let through (or is being re-dispatched)
 *   overridden  the user overrode the hold with a reason; the submit is being re-dispatched
 *   submitted   the post succeeded; the draft is finished (clear its checklist)
 *
 * Modes (`ctx.mode`, organisation policy already applied by the caller):
 *   off     every submit goes through; the checklist is never shown.
 *   remind  every submit goes through; the FIRST submit of a draft with open
 *           required items also shows the checklist. At most one reminder per
 *           draft: later submits never show it again.
 *   hold    a submit goes through only when the checklist is complete;
 *           otherwise it is held (allow=false, show, focus the first open item).
 *
 * Leaving a held state:
 *   - The user completes the checklist and presses Post again → allowed.
 *   - The user completes the checklist and presses "Post now" in the overlay
 *     (`release`) → effect `redispatch` with a one-shot release token.
 *   - The user overrides with a reason (`override`) → effect `redispatch` with
 *     a one-shot override token and a `logEntry` for the local log.
 *   The machine never posts by itself when the last item gets ticked (a tick
 *   or an edit must not send the post).
 *
 * Re-entrancy: the caller re-dispatches the held submit exactly once, passing
 * the token in that `submit` event. A token is honoured once; reusing it, or
 * an unknown token, is evaluated like any other submit. An override token
 * lets the submit through even though items are open; a release token only
 * while the checklist is still complete. Editing the draft revokes a pending
 * token (the override/release was for the draft as it was).
 */
import { checkOverrideReason, createOverrideLogEntry, type OverrideLogEntry } from './log-entry';

export type ChecklistMode = 'off' | 'remind' | 'hold';
export type SubmitSource = 'button' | 'shortcut' | 'form' | 'enter';
export type HoldPhase = 'idle' | 'held' | 'released' | 'overridden' | 'submitted';

export interface ReleaseToken {
  readonly id: string;
  readonly kind: 'release' | 'override';
  /** The kind of submit to re-dispatch. */
  readonly source: SubmitSource;
}

export interface HoldState {
  readonly phase: HoldPhase;
  /** remind mode: the one reminder for this draft has been shown. */
  readonly reminded: boolean;
  /** The submit that is held (phase 'held'), for re-dispatching it later. */
  readonly heldSource: SubmitSource | null;
  /** The one outstanding release token, if any. */
  readonly token: ReleaseToken | null;
  /** Tokens issued so far by this machine (kept across drafts, so a token id is never issued twice). */
  readonly issued: number;
  /** Prefix of token ids; pass something unguessable and unique per machine (e.g. a random UUID). */
  readonly tokenPrefix: string;
}

/** What the caller knows at the time of the event. */
export interface HoldContext {
  readonly mode: ChecklistMode;
  /** `isComplete(...)` of the draft's checklist right now. */
  readonly complete: boolean;
}

export type HoldEvent =
  /** A submit attempt; `token` is set only on the caller's re-dispatch. */
  | { readonly type: 'submit'; readonly source: SubmitSource; readonly token?: string }
  /** Ticks or automatic results changed (ctx.complete is the new value). */
  | { readonly type: 'checklist-changed' }
  /** The user pressed "Post now" in the checklist overlay. */
  | { readonly type: 'release' }
  /** The user overrode the hold. `openItems`: required items still open. */
  | {
      readonly type: 'override';
      readonly reason: string;
      readonly at: Date | string;
      readonly platform: string;
      readonly templateId: string;
      readonly openItems: readonly string[];
      /** Only when the user opted in to keeping an excerpt of the draft in the log. */
      readonly draftExcerpt?: string;
    }
  /** The user closed the checklist without posting. */
  | { readonly type: 'dismiss' }
  /** The draft's text or attachments changed. */
  | { readonly type: 'draft-changed' }
  /** The platform confirmed the post. */
  | { readonly type: 'post-succeeded' };

export type HoldRejection =
  /** override / release while nothing is held. */
  | 'not-held'
  /** override with an empty reason. */
  | 'reason-missing'
  /** override with a reason shorter than the minimum, or without any letter or digit. */
  | 'reason-too-short'
  /** release while required items are still open. */
  | 'incomplete';

export interface HoldEffects {
  /** Let this submit event proceed (only meaningful for `submit`; false otherwise). */
  readonly allow: boolean;
  /** Show the checklist overlay now. */
  readonly show: boolean;
  /** Move focus to the first open required item. */
  readonly focusFirstOpenItem: boolean;
  /** Whether a post is held after this step: set or remove `data-post-held` accordingly. */
  readonly held: boolean;
  /** Re-dispatch the held submit exactly once, passing `token` in its `submit` event. */
  readonly redispatch?: { readonly token: string; readonly source: SubmitSource };
  /** Append this entry to the local override log. */
  readonly logEntry?: OverrideLogEntry;
  /** The post succeeded: clear this draft's checklist state (and reset this machine). */
  readonly clearDraft: boolean;
  /** The event was refused, and why (the state is unchanged). */
  readonly rejected?: HoldRejection;
}

export interface HoldStep {
  readonly state: HoldState;
  readonly effects: HoldEffects;
}

/**
 * A fresh machine. `tokenPrefix` should be unique and unguessable (the DOM
 * layer passes e.g. `crypto.randomUUID()`), so a token can never be forged by
 * page scripts nor confused with one from another composer.
 */
export function createHoldState(tokenPrefix = 'envoy'): HoldState {
  return { phase: 'idle', reminded: false, heldSource: null, token: null, issued: 0, tokenPrefix };
}

/** The same machine starting a new draft: per-draft state is reset, token numbering continues. */
function nextDraft(state: HoldState): HoldState {
  return { ...createHoldState(state.tokenPrefix), issued: state.issued };
}

function effects(state: HoldState, partial: Partial<HoldEffects> = {}): HoldEffects {
  return {
    allow: false,
    show: false,
    focusFirstOpenItem: false,
    clearDraft: false,
    ...partial,
    held: state.phase === 'held',
  };
}

function step(state: HoldState, partial?: Partial<HoldEffects>): HoldStep {
  return { state, effects: effects(state, partial) };
}

function issueToken(state: HoldState, kind: ReleaseToken['kind'], source: SubmitSource): HoldState {
  const issued = state.issued + 1;
  return { ...state, issued, token: { id: `${state.tokenPrefix}-${kind}-${issued}`, kind, source } };
}

function onSubmit(state: HoldState, event: { source: SubmitSource; token?: string }, ctx: HoldContext): HoldStep {
  // A finished draft in the same composer: start afresh.
  let current = state.phase === 'submitted' ? nextDraft(state) : state;

  // The caller's re-dispatch: honour a matching token exactly once.
  if (event.token !== undefined && current.token !== null && event.token === current.token.id) {
    const token = current.token;
    current = { ...current, token: null };
    if (token.kind === 'override') {
      return step({ ...current, phase: 'overridden', heldSource: null }, { allow: true });
    }
    if (ctx.complete || ctx.mode !== 'hold') {
      return step({ ...current, phase: 'released', heldSource: null }, { allow: true });
    }
    // A release token is void once the checklist is incomplete again: evaluate normally.
  }

  switch (ctx.mode) {
    case 'off':
      return step({ ...current, phase: 'released', heldSource: null }, { allow: true });
    case 'remind': {
      const show = !current.reminded && !ctx.complete;
      return step(
        { ...current, phase: 'released', heldSource: null, reminded: current.reminded || show },
        { allow: true, show },
      );
    }
    case 'hold':
      if (ctx.complete) return step({ ...current, phase: 'released', heldSource: null }, { allow: true });
      return step(
        { ...current, phase: 'held', heldSource: event.source },
        { allow: false, show: true, focusFirstOpenItem: true },
      );
  }
}

/** Advances the machine by one event. */
export function holdStep(state: HoldState, event: HoldEvent, ctx: HoldContext): HoldStep {
  switch (event.type) {
    case 'submit':
      return onSubmit(state, event, ctx);

    case 'checklist-changed': {
      // A release token issued while complete is void once something is unticked.
      const current =
        !ctx.complete && state.token?.kind === 'release' ? { ...state, token: null } : state;
      return step(current);
    }

    case 'release': {
      if (state.phase !== 'held' || state.heldSource === null) return step(state, { rejected: 'not-held' });
      if (!ctx.complete && ctx.mode === 'hold') {
        return step(state, { rejected: 'incomplete', show: true, focusFirstOpenItem: true });
      }
      const next = issueToken({ ...state, phase: 'released', heldSource: null }, 'release', state.heldSource);
      const token = next.token as ReleaseToken;
      return step(next, { redispatch: { token: token.id, source: token.source } });
    }

    case 'override': {
      if (state.phase !== 'held' || state.heldSource === null) return step(state, { rejected: 'not-held' });
      const reason = checkOverrideReason(event.reason);
      if (!reason.ok) {
        return step(state, { rejected: reason.error === 'missing' ? 'reason-missing' : 'reason-too-short' });
      }
      const logEntry = createOverrideLogEntry({
        at: event.at,
        platform: event.platform,
        templateId: event.templateId,
        openItems: event.openItems,
        reason: reason.reason,
        ...(event.draftExcerpt !== undefined ? { draftExcerpt: event.draftExcerpt } : {}),
      });
      const next = issueToken({ ...state, phase: 'overridden', heldSource: null }, 'override', state.heldSource);
      const token = next.token as ReleaseToken;
      return step(next, { redispatch: { token: token.id, source: token.source }, logEntry });
    }

    case 'dismiss':
      if (state.phase !== 'held') return step(state);
      return step({ ...state, phase: 'idle', heldSource: null });

    case 'draft-changed':
      if (state.phase === 'submitted') return step(nextDraft(state));
      if (state.phase === 'released' || state.phase === 'overridden') {
        // The pending post did not go out (or is being re-dispatched for the old text).
        return step({ ...state, phase: 'idle', token: null });
      }
      return step({ ...state, token: null });

    case 'post-succeeded':
      return step({ ...state, phase: 'submitted', heldSource: null, token: null }, { clearDraft: true });
  }
}

/**
 * The translate panel's state machine (components/translation/TranslatePanel.tsx), pure so it can
 * be tested alone: idle → planning → (blocked | confirm destination | translating) → done
 * (preview; written keeps it) | error. The panel sends the requests; this decides what each answer
 * means. Type-only imports: it runs in the content script (size budget, no translation library).
 */
import type { PlanStep, TranslatePlanResponse, TranslateResponse, TranslationResult } from '@/lib/messages';

export type PanelErrorKind = Extract<TranslateResponse, { ok: false }>['error']['kind'] | 'extension';

export interface ShownError {
  kind: PanelErrorKind;
  host?: string;
  /** Origin pattern to grant, for kind `permission`. */
  origin?: string;
  destination?: string;
}

export type BlockedReason = 'source-unknown' | 'same-language' | 'none';

export type Phase =
  | { name: 'idle' }
  | { name: 'planning' }
  | { name: 'blocked'; reason: BlockedReason; steps: PlanStep[]; from?: string }
  | { name: 'confirm'; step: PlanStep; from: string }
  | { name: 'translating'; step?: PlanStep; from: string }
  | { name: 'done'; result: TranslationResult; draft: string }
  | { name: 'error'; error: ShownError; step?: PlanStep };

/** The user's confirmation of one cloud destination, as minted by the background. */
export interface CloudConfirmation {
  destination: string;
  token: string;
}

export type PanelEvent =
  | { type: 'start' }
  /** The plan for `to`; `confirmed` is the cloud confirmation this run carries, if any. */
  | { type: 'planned'; plan: TranslatePlanResponse; to: string; confirmed?: CloudConfirmation | undefined }
  /** The translation answer for the draft `draft` (full text when the request was sent). */
  | { type: 'translated'; response: TranslateResponse; draft: string }
  /** The background could not be reached (or threw). */
  | { type: 'failed' }
  /** The background refused to mint a confirmation for `destination`. */
  | { type: 'confirm-refused'; destination: string }
  /** The translation was written; the draft is now `draft`. */
  | { type: 'written'; draft: string };

const base = (tag: string) => tag.toLowerCase().split('-')[0] ?? tag;
const ALIASES: Record<string, string> = { tl: 'fil', iw: 'he', no: 'nb', zlm: 'ms', in: 'id' };

/** Same language whatever the region or legacy code ("fil" = "tl", "en-GB" = "en"). */
export function sameLanguage(a: string, b: string): boolean {
  const x = base(a);
  const y = base(b);
  return (ALIASES[x] ?? x) === (ALIASES[y] ?? y);
}

/** `https://host/*` → `host`. */
export function hostOfPattern(pattern: string | undefined): string | undefined {
  return pattern?.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

export const IDLE: Phase = { name: 'idle' };

export function panelReducer(phase: Phase, event: PanelEvent): Phase {
  switch (event.type) {
    case 'start':
      return { name: 'planning' };
    case 'failed':
      return { name: 'error', error: { kind: 'extension' } };
    case 'confirm-refused':
      return { name: 'error', error: { kind: 'not-allowed', destination: event.destination } };
    case 'planned':
      return afterPlan(event.plan, event.to, event.confirmed);
    case 'translated':
      return afterTranslate(phase, event.response, event.draft);
    case 'written':
      return phase.name === 'done' ? { ...phase, draft: event.draft } : phase;
  }
}

/** What a plan leads to: an error, a reason nothing runs, the cloud confirmation, or translating. */
export function afterPlan(plan: TranslatePlanResponse, to: string, confirmed: CloudConfirmation | undefined): Phase {
  if (!plan.ok) return { name: 'error', error: { kind: plan.error.kind, ...(plan.error.destination ? { destination: plan.error.destination } : {}) } };
  if (!plan.from) return { name: 'blocked', reason: 'source-unknown', steps: plan.steps };
  if (sameLanguage(plan.from, to)) return { name: 'blocked', reason: 'same-language', steps: plan.steps, from: plan.from };
  const step = plan.next;
  if (!step) return { name: 'blocked', reason: 'none', steps: plan.steps, from: plan.from };
  // A cloud service only with the user's confirmation of that very host.
  if (step.privacy === 'cloud' && confirmed?.destination !== step.destination) return { name: 'confirm', step, from: plan.from };
  return { name: 'translating', step, from: plan.from };
}

function afterTranslate(phase: Phase, response: TranslateResponse, draft: string): Phase {
  if (response.ok) return { name: 'done', result: response.result, draft };
  const from = phase.name === 'translating' ? phase.from : '';
  const step = phase.name === 'translating' ? phase.step : undefined;
  const e = response.error;
  if (e.kind === 'confirm-cloud' && e.destination) {
    return {
      name: 'confirm',
      step: { providerId: '', label: e.label ?? e.destination, destination: e.destination, privacy: 'cloud', isCloud: true, status: 'candidate' },
      from,
    };
  }
  const host = hostOfPattern(e.origin);
  return {
    name: 'error',
    error: { kind: e.kind, ...(host ? { host, origin: e.origin } : {}), ...(e.destination ? { destination: e.destination } : {}) },
    ...(step ? { step } : {}),
  };
}

/** The error a blocked plan shows: what the user can act on first (grant, download, allow cloud). */
export function blockedKind(steps: readonly PlanStep[]): 'permission' | 'download-required' | 'not-allowed' | 'unsupported-pair' {
  if (steps.some((s) => s.status === 'needs-permission')) return 'permission';
  if (steps.some((s) => s.status === 'download-required')) return 'download-required';
  if (steps.some((s) => s.status === 'cloud-not-allowed')) return 'not-allowed';
  return 'unsupported-pair';
}

export type Notice = 'written' | 'writeFailed' | 'stale' | 'copied' | 'downloaded' | 'downloadFailed' | 'accessDenied';

/** Notices that report a failure are alerts; the others are status messages. */
export function noticeRole(notice: Notice): 'alert' | 'status' {
  return notice === 'writeFailed' || notice === 'stale' || notice === 'downloadFailed' || notice === 'accessDenied' ? 'alert' : 'status';
}

import { createIncrementalChecker, type CompiledGuidelines } from '@/lib/engine';
import { countFor } from '@/lib/counting';
import type { CheckResponse, EnvoyRequest } from '@/lib/messages';
import { activeModes } from '@/lib/state/settings';
import type { SettingsStore } from '@/lib/state/settings-store';
import type { GuidelinesStore } from '@/extension/guidelines';

type CheckRequest = Extract<EnvoyRequest, { type: 'envoy:check' }>;

const MAX_SESSIONS = 32;
/**
 * The engine's time budget here: with parsing and counting (~20 ms at MAX_DRAFT_CHARS) one
 * check keeps the background busy under ~100 ms; what the budget leaves unread is reported.
 */
export const BACKGROUND_CHECK_BUDGET_MS = 40;

/**
 * The background's checking service: one incremental checker per open
 * composer (tab + composer id), so a keystroke re-analyses only the changed
 * paragraph. Runs the engine, re2js and the packs here instead of in every
 * page's content script.
 */
export function createCheckerService(settings: SettingsStore, guidelines: GuidelinesStore) {
  const sessions = new Map<string, { compiled: CompiledGuidelines; checker: ReturnType<typeof createIncrementalChecker> }>();

  return async function check(request: CheckRequest, tabId: number | undefined): Promise<CheckResponse> {
    await guidelines.ready;
    // Organisation packs are in force from the first check: wait while policy is unknown.
    await settings.policySettled;
    const compiled = guidelines.getState().guidelines;
    const key = `${tabId ?? 'page'}:${request.composerId}`;
    let session = sessions.get(key);
    if (!session || session.compiled !== compiled) {
      session = { compiled, checker: createIncrementalChecker(compiled, { budgetMs: BACKGROUND_CHECK_BUDGET_MS }) };
      sessions.delete(key);
      sessions.set(key, session);
      // Least recently created sessions go first; tabs come and go.
      while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    }
    const view = settings.getState().effective;
    const result = session.checker.check(request.text, {
      platform: request.platform,
      accountType: view.accountType,
      modes: activeModes(view),
    });
    return { ...result, count: countFor(request.counting, request.text) };
  };
}

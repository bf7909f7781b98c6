/**
 * Panel feature: the pre-publish checklist beside the composer, and the guard
 * that can hold the platform's Post button (issue 6).
 *
 * - The template is chosen from the draft (engine prompts, modes, account,
 *   terms) and can be switched by hand; automatic items follow the engine's
 *   findings and the platform count.
 * - Ticks are kept per tab and composer (storage.session through the
 *   background) and cleared after a successful post.
 * - Mode (settings.checklistMode, organisation policy already applied): `off`
 *   renders nothing and intercepts nothing; `remind` lets posts go and shows
 *   the checklist once per draft; `hold` holds them (submit-guard.ts).
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '@/components/i18n';
import { ChecklistSection } from '@/components/checklist/ChecklistSection';
import type { ChecklistMode } from '@/lib/checklist/hold';
import { selectTemplate } from '@/lib/checklist/select';
import { makeDraftKey } from '@/lib/checklist/state';
import { activeModes } from '@/lib/state/settings';
import { createChecklistController, type ChecklistController, type DraftInput } from '@/entrypoints/content/checklist-controller';
import { appendOverrideLog, draftPersistence, watchTemplates } from '@/entrypoints/content/checklist-storage';
import type { PanelFeature, SessionApi, SessionState } from '@/entrypoints/content/session-api';
import type { SettingsView } from '@/lib/state/settings-store';
import { attachSubmitGuard } from '@/entrypoints/content/submit-guard';

const controllers = new WeakMap<SessionApi, { controller: ChecklistController; answered: { value: boolean } }>();

/**
 * A key for "this composer in this tab" that survives the session being
 * restarted (focus moving away and back, a reload of the same page): the
 * platform, the page (path and hash: Telegram chats differ by hash), which
 * composer kind and which of those on the page.
 */
export function composerKeyOf(api: Pick<SessionApi, 'adapter' | 'spec' | 'element'>): string {
  const specIndex = api.adapter.composers.indexOf(api.spec);
  let ordinal = 0;
  try {
    const root = api.element.getRootNode() as Document | ShadowRoot;
    ordinal = Math.max(0, [...root.querySelectorAll(api.spec.selector)].indexOf(api.element));
  } catch {
    ordinal = 0;
  }
  return `${api.adapter.id}|${location.pathname}${location.hash}|${specIndex}.${ordinal}`.slice(0, 300);
}

/** A random UUID; pages on plain http have no crypto.randomUUID, but getRandomValues works everywhere. */
function unguessableId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The mode in force. While the organisation's policy is not known yet (a profile that never saw
 * it, in the first seconds after browser start) posts are held: fail closed.
 */
function modeFor(view: SettingsView): ChecklistMode {
  return view.policyPending ? 'hold' : view.effective.checklistMode;
}

function modeOf(api: SessionApi): ChecklistMode {
  return modeFor(api.settings.getState());
}

function inputOf(api: SessionApi, state: SessionState, answered: boolean): DraftInput {
  const settings = api.settings.getState().effective;
  return {
    text: state.text,
    findings: answered ? state.findings : undefined,
    length: answered ? { count: state.counter.count, limit: state.counter.limit > 0 ? state.counter.limit : null } : undefined,
    prompts: state.checklistPrompts,
    modes: activeModes(settings),
    accountType: settings.accountType,
    isReply: api.spec.kind === 'reply',
  };
}

function entryFor(api: SessionApi) {
  let entry = controllers.get(api);
  if (!entry) {
    const answered = { value: false };
    const composerKey = composerKeyOf(api);
    const controller = createChecklistController({
      platform: api.adapter.id,
      draftKey: makeDraftKey('tab', composerKey),
      mode: () => modeOf(api),
      persistence: draftPersistence(composerKey),
      appendLog: appendOverrideLog,
      tokenPrefix: unguessableId(),
      reveal: () => {
        if (api.state.getState().collapsed) api.state.setState({ collapsed: false });
      },
      input: inputOf(api, api.state.getState(), false),
    });
    entry = { controller, answered };
    controllers.set(api, entry);
  }
  return entry;
}

export function checklistControllerOf(api: SessionApi): ChecklistController {
  return entryFor(api).controller;
}

function ChecklistPanelSection({ api }: { api: SessionApi }) {
  const { controller } = entryFor(api);
  const s = useStore(controller.store);
  const mode = useStore(api.settings, modeFor);
  const policyPending = useStore(api.settings, (v) => v.policyPending);
  const { t } = useI18n();
  const checking = policyPending ? (
    <p className="checklist-note" role="status" data-policy-pending="">
      {t('policy.checking')}
    </p>
  ) : null;
  const automaticTemplate = useMemo(
    () =>
      s.selection && s.selection.reason.kind === 'manual'
        ? selectTemplate(s.templates, {
            text: s.input.text,
            modes: s.input.modes,
            accountType: s.input.accountType,
            isReply: s.input.isReply,
            prompts: s.input.prompts,
          }).template
        : s.selection?.template,
    [s.selection, s.templates, s.input],
  );
  if (mode === 'off') return null;
  if (!s.selection) {
    return (
      <section className="checklist" data-checklist="" aria-busy="true">
        {s.held && (
          <p className="checklist-held" role="alert" data-post-held="">
            {t('checklist.incomplete')}
          </p>
        )}
        {checking}
        <p className="checklist-note">{t('common.loading')}</p>
      </section>
    );
  }
  return (
    <>
      {checking}
      <ChecklistSection
      mode={mode}
      templates={s.templates}
      template={s.selection.template}
      reason={s.selection.reason}
      automaticTemplate={automaticTemplate}
      items={s.items}
      complete={s.complete}
      held={s.held}
      reminder={s.reminder}
      focusRequest={s.focusRequest}
      rejection={s.rejection}
      postAgain={s.postAgain}
      onTick={(id, checked) => controller.tick(id, checked)}
      onChooseTemplate={(id) => controller.chooseTemplate(id)}
      onPostNow={() => controller.release()}
      onOverride={(reason) => controller.override(reason)}
      onKeepEditing={() => controller.dismiss()}
      onDismissReminder={() => controller.dismissReminder()}
      />
    </>
  );
}

export const checklistFeature: PanelFeature = {
  id: 'checklist',
  Section: ChecklistPanelSection,
  attach(api) {
    const { controller, answered } = entryFor(api);
    const cleanups: Array<() => void> = [];

    cleanups.push(
      api.state.subscribe((state, previous) => {
        if (
          state.text === previous.text &&
          state.findings === previous.findings &&
          state.counter === previous.counter &&
          state.checklistPrompts === previous.checklistPrompts
        ) {
          return;
        }
        answered.value = true;
        controller.update(inputOf(api, state, true));
      }),
    );
    cleanups.push(
      api.settings.subscribe((view, previous) => {
        if (view.effective === previous.effective && view.policyPending === previous.policyPending) return;
        controller.update(inputOf(api, api.state.getState(), answered.value));
        // Switched to off/remind (or the policy, once known, does not hold) while a post was held:
        // nothing holds it any more; the user posts again.
        if (modeFor(view) !== 'hold' && controller.store.getState().held) controller.dismiss();
      }),
    );
    cleanups.push(watchTemplates((templates) => controller.setTemplates(templates)));
    cleanups.push(
      attachSubmitGuard({
        element: api.element,
        spec: api.spec,
        host: api.host,
        mode: () => modeOf(api),
        readText: () => api.readText(),
        controller,
        refresh: () => api.refresh(),
      }),
    );

    return () => {
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    };
  },
};

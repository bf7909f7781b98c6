/**
 * Every action of the in-page UI runs only on trusted input (components/trusted.ts): a page
 * script's click or change event does nothing, the user's input (Testing Library's userEvent,
 * counted as trusted here, see tests/unit/trusted-events.ts) works. The real browser's flag is
 * exercised end to end in tests/e2e/trusted-input.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '@/components/i18n';
import { Panel } from '@/components/panel/Panel';
import type { PanelFinding } from '@/components/panel/types';
import { ChecklistSection, type ChecklistSectionProps } from '@/components/checklist/ChecklistSection';
import { TranslatePanel } from '@/components/translation/TranslatePanel';
import { isTrustedInput, onTrusted } from '@/components/trusted';
import { BUILT_IN_TEMPLATES, STANDARD_TEMPLATE } from '@/lib/checklist';
import type { PlanStep, TranslationResult } from '@/lib/messages';
import { asPageScript, pageScriptClick } from '../trusted-events';

afterEach(() => cleanup());

/** A page script's `select.value = v; select.dispatchEvent(new Event('change'))`. */
function pageScriptSelect(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(asPageScript(new Event('change', { bubbles: true })));
}

const finding: PanelFinding = {
  key: 'f1',
  ruleId: 'core.names.swaziland',
  severity: 'error',
  category: 'names',
  range: { start: 0, end: 9 },
  match: 'Swaziland',
  message: { en: 'Use the current name' },
  explanation: { en: 'Renamed in 2018.' },
  sources: [],
  fixes: [{ replacement: 'Eswatini', range: { start: 0, end: 9 } }],
};

describe('onTrusted', () => {
  it('runs the action for trusted events only (DOM and React synthetic events)', () => {
    const action = vi.fn();
    const gated = onTrusted(action);
    gated({ isTrusted: false });
    gated({ nativeEvent: { isTrusted: false } });
    gated({});
    expect(action).not.toHaveBeenCalled();
    gated({ isTrusted: true });
    gated({ nativeEvent: { isTrusted: true } });
    expect(action).toHaveBeenCalledTimes(2);
    expect(isTrustedInput({ nativeEvent: { isTrusted: true }, isTrusted: false } as never)).toBe(true);
  });
});

describe('panel actions', () => {
  it('apply, why, ignore once, ignore for this post and the panel toggle ignore page-script clicks', async () => {
    const actions = { onToggle: vi.fn(), onApply: vi.fn(), onIgnoreOnce: vi.fn(), onIgnorePost: vi.fn() };
    render(
      <I18nProvider lang="en">
        <Panel findings={[finding]} counter={{ count: 9, limit: 280 }} canFix collapsed={false} {...actions} />
      </I18nProvider>,
    );
    // Minimise, Apply, Why?, and the two ignore actions inside the (closed) details.
    const buttons = screen.getAllByRole('button', { hidden: true });
    expect(buttons.length).toBe(5);
    for (const button of buttons) pageScriptClick(button);
    expect(actions.onApply).not.toHaveBeenCalled();
    expect(actions.onIgnoreOnce).not.toHaveBeenCalled();
    expect(actions.onIgnorePost).not.toHaveBeenCalled();
    expect(actions.onToggle).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Why?' }).getAttribute('aria-expanded')).toBe('false');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Apply “Eswatini”/ }));
    expect(actions.onApply).toHaveBeenCalledWith(finding, finding.fixes[0]);
    await user.click(screen.getByRole('button', { name: 'Why?' }));
    expect(screen.getByRole('button', { name: 'Why?' }).getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Ignore once' }));
    expect(actions.onIgnoreOnce).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Ignore for this post' }));
    expect(actions.onIgnorePost).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Minimise the Envoy panel' }));
    expect(actions.onToggle).toHaveBeenCalledTimes(1);
  });
});

function checklistProps(overrides: Partial<ChecklistSectionProps> = {}): ChecklistSectionProps {
  return {
    mode: 'hold',
    templates: BUILT_IN_TEMPLATES,
    template: STANDARD_TEMPLATE,
    reason: { kind: 'default' },
    items: STANDARD_TEMPLATE.items.map((i) => ({ id: i.id, required: i.required, checked: false, by: null, locked: false })),
    complete: false,
    held: true,
    reminder: false,
    focusRequest: 0,
    rejection: null,
    postAgain: false,
    onTick: vi.fn(),
    onChooseTemplate: vi.fn(),
    onPostNow: vi.fn(),
    onOverride: vi.fn(),
    onKeepEditing: vi.fn(),
    onDismissReminder: vi.fn(),
    ...overrides,
  };
}

describe('checklist actions', () => {
  it('ticks, template choice, post now, post anyway, confirm and keep editing ignore page scripts', async () => {
    const p = checklistProps();
    const { rerender } = render(
      <I18nProvider lang="en">
        <ChecklistSection {...p} />
      </I18nProvider>,
    );
    const held = within(document.querySelector<HTMLElement>('[data-post-held]')!);
    for (const box of screen.getAllByRole('checkbox')) pageScriptClick(box);
    pageScriptSelect(screen.getByLabelText('Checklist template') as HTMLSelectElement, BUILT_IN_TEMPLATES[1]!.id);
    pageScriptClick(held.getByRole('button', { name: 'Post anyway…' }));
    pageScriptClick(held.getByRole('button', { name: 'Keep editing' }));
    expect(p.onTick).not.toHaveBeenCalled();
    expect(p.onChooseTemplate).not.toHaveBeenCalled();
    expect(p.onKeepEditing).not.toHaveBeenCalled();
    expect(held.queryByLabelText('Reason for posting anyway')).toBeNull();
    expect(screen.getAllByRole<HTMLInputElement>('checkbox').every((b) => !b.checked)).toBe(true);

    const user = userEvent.setup();
    await user.click(held.getByRole('button', { name: 'Post anyway…' }));
    await user.type(held.getByLabelText('Reason for posting anyway'), 'Cleared by phone');
    // The override's submit button: a script click does nothing, not even through the form.
    pageScriptClick(held.getByRole('button', { name: 'Confirm and post' }));
    expect(p.onOverride).not.toHaveBeenCalled();
    await user.click(held.getByRole('button', { name: 'Confirm and post' }));
    expect(p.onOverride).toHaveBeenCalledWith('Cleared by phone');
    await user.click(screen.getAllByRole('checkbox')[1]!);
    expect(p.onTick).toHaveBeenCalledTimes(1);

    rerender(
      <I18nProvider lang="en">
        <ChecklistSection {...p} complete reminder held={false} />
      </I18nProvider>,
    );
    pageScriptClick(screen.getByRole('button', { name: 'Dismiss' }));
    expect(p.onDismissReminder).not.toHaveBeenCalled();
    rerender(
      <I18nProvider lang="en">
        <ChecklistSection {...p} complete />
      </I18nProvider>,
    );
    pageScriptClick(screen.getByRole('button', { name: 'Post now' }));
    expect(p.onPostNow).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Post now' }));
    expect(p.onPostNow).toHaveBeenCalledTimes(1);
  });
});

describe('translation actions', () => {
  const deepl: PlanStep = { providerId: 'deepl:api-free.deepl.com', label: 'DeepL', destination: 'api-free.deepl.com', privacy: 'cloud', isCloud: true, status: 'candidate' };
  const result: TranslationResult = {
    text: 'Bonjour',
    range: { start: 0, end: 5 },
    from: 'en',
    to: 'fr',
    providerId: deepl.providerId,
    providerLabel: 'DeepL',
    destination: deepl.destination,
    privacy: 'cloud',
    isCloud: true,
    method: 'placeholder',
    glossaryIssues: [],
    warnings: [],
    spans: [],
    elapsedMs: 1,
  };

  it('Translate, target language, the cloud confirmation, the writes and Translate again ignore page scripts', async () => {
    const client = {
      plan: vi.fn(async () => ({ ok: true as const, from: 'en', steps: [deepl], next: deepl })),
      translate: vi.fn(async () => ({ ok: true as const, result })),
      confirmCloud: vi.fn(async (destination: string) => `token-for-${destination}`),
    };
    const write = vi.fn(async () => true);
    render(
      <I18nProvider lang="en">
        <TranslatePanel client={client} readDraft={() => ({ text: 'Hello' })} write={write} defaultTarget="fr" separator={'\n\n'} />
      </I18nProvider>,
    );
    pageScriptClick(screen.getByRole('button', { name: 'Translate' }));
    expect(screen.queryByLabelText('Target language')).toBeNull();
    expect(client.plan).not.toHaveBeenCalled();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    const confirm = await screen.findByRole('button', { name: 'Send to api-free.deepl.com' });
    pageScriptSelect(screen.getByLabelText('Target language') as HTMLSelectElement, 'km');
    expect((screen.getByLabelText('Target language') as HTMLSelectElement).value).toBe('fr');
    expect(client.plan).toHaveBeenCalledTimes(1);
    pageScriptClick(confirm);
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(client.translate).not.toHaveBeenCalled();

    await user.click(confirm);
    await waitFor(() => expect(client.translate).toHaveBeenCalledTimes(1));
    await screen.findByRole('button', { name: 'Insert below' });
    pageScriptClick(screen.getByRole('button', { name: 'Insert below' }));
    pageScriptClick(screen.getByRole('button', { name: 'Replace draft' }));
    pageScriptClick(screen.getByRole('button', { name: 'Translate again' }));
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(write).not.toHaveBeenCalled();
    expect(client.plan).toHaveBeenCalledTimes(2); // the confirmed run only: "Translate again" ignored the page script
    await user.click(screen.getByRole('button', { name: 'Replace draft' }));
    expect(write).toHaveBeenCalledTimes(1);
  });
});

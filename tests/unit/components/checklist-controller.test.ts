/**
 * The content-side checklist controller: template selection from the draft
 * and settings, automatic items following the draft, ticks kept per draft
 * (and cleared after a successful post), and the hold machine as the submit
 * guard drives it (hold / remind / off, release, override with a reason).
 */
import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_TEMPLATES, toStoredState, type OverrideLogEntry } from '@/lib/checklist';
import type { FindingLike } from '@/lib/checklist/auto';
import type { ChecklistMode } from '@/lib/checklist/hold';
import { createChecklistController, type DraftInput, type DraftPersistence } from '@/entrypoints/content/checklist-controller';

function input(text: string, extra: Partial<DraftInput> = {}): DraftInput {
  return {
    text,
    findings: [],
    length: { count: [...text].length, limit: 280 },
    prompts: [],
    modes: [],
    accountType: 'official',
    isReply: false,
    ...extra,
  };
}

function memoryPersistence(initial?: unknown): DraftPersistence & { saved: unknown[]; cleared: number } {
  const p = {
    saved: [] as unknown[],
    cleared: 0,
    load: async () => initial,
    save: (state: unknown) => void p.saved.push(state),
    clear: () => void (p.cleared += 1),
  };
  return p;
}

function setup(options: { mode?: ChecklistMode; persistence?: DraftPersistence; text?: string } = {}) {
  let mode: ChecklistMode = options.mode ?? 'hold';
  const log: OverrideLogEntry[] = [];
  const reveal = vi.fn();
  const controller = createChecklistController({
    platform: 'x',
    draftKey: 'tab:x|/home|0.0',
    mode: () => mode,
    tokenPrefix: 'test-prefix',
    templates: BUILT_IN_TEMPLATES,
    appendLog: (entry) => void log.push(entry),
    reveal,
    now: () => new Date('2026-03-01T10:00:00Z'),
    ...(options.persistence ? { persistence: options.persistence } : {}),
    input: input(options.text ?? 'Good morning from the embassy'),
  });
  const tickAllRequired = () => {
    for (const item of controller.store.getState().items) {
      if (item.required && !item.checked) controller.tick(item.id, true);
    }
  };
  return { controller, log, reveal, tickAllRequired, setMode: (m: ChecklistMode) => (mode = m) };
}

const state = (c: ReturnType<typeof setup>['controller']) => c.store.getState();

describe('template selection', () => {
  it('uses the standard template by default and the condolence template for condolence words', () => {
    const { controller } = setup();
    expect(state(controller).selection?.template.id).toBe('standard');
    expect(state(controller).selection?.reason.kind).toBe('default');
    controller.update(input('Our deepest condolences to the family'));
    expect(state(controller).selection?.template.id).toBe('condolence');
    expect(state(controller).selection?.reason).toEqual({ kind: 'term', term: 'condolences' });
  });

  it('follows crisis mode from settings, the account type and engine prompts', () => {
    const { controller } = setup();
    controller.update(input('Update for citizens', { modes: ['crisis'] }));
    expect(state(controller).selection?.template.id).toBe('crisis');
    controller.update(input('Update for citizens', { accountType: 'personal' }));
    expect(state(controller).selection?.template.id).toBe('personal');
    controller.update(input('Update for citizens', { prompts: [{ ruleId: 'visit-topic', template: 'official-visit' }] }));
    expect(state(controller).selection?.reason).toEqual({ kind: 'prompt', ruleId: 'visit-topic' });
  });

  it('a template chosen by hand sticks while the draft changes, until set back to automatic', () => {
    const { controller } = setup();
    controller.chooseTemplate('official-visit');
    controller.update(input('Our deepest condolences'));
    expect(state(controller).selection?.template.id).toBe('official-visit');
    expect(state(controller).selection?.reason.kind).toBe('manual');
    controller.chooseTemplate(null);
    expect(state(controller).selection?.template.id).toBe('condolence');
  });

  it('renders nothing and completes nothing until the templates arrive (a held post stays held)', () => {
    const controller = createChecklistController({
      platform: 'x',
      draftKey: 'tab:k',
      mode: () => 'hold',
      tokenPrefix: 'p',
      input: input('Hello there'),
    });
    expect(state(controller).selection).toBeNull();
    expect(controller.submit('button').allow).toBe(false);
    controller.setTemplates(BUILT_IN_TEMPLATES);
    expect(state(controller).selection?.template.id).toBe('standard');
    expect(state(controller).held).toBe(true);
  });
});

describe('automatic items', () => {
  const error: FindingLike = { severity: 'error', ruleId: 'title-order', category: 'protocol' };

  it('tick themselves from the engine and the count, and untick when the draft changes back', () => {
    const { controller } = setup();
    const item = (id: string) => state(controller).items.find((i) => i.id === id)!;
    expect(item('no-errors')).toMatchObject({ checked: true, by: 'auto', auto: 'pass' });
    expect(item('within-limit')).toMatchObject({ checked: true, auto: 'pass' });

    controller.update(input('A draft with a protocol error', { findings: [error] }));
    expect(item('no-errors')).toMatchObject({ checked: false, auto: 'fail', locked: true });
    controller.tick('no-errors', true);
    expect(item('no-errors').checked).toBe(false);

    controller.update(input('x'.repeat(300)));
    expect(item('within-limit')).toMatchObject({ checked: false, auto: 'fail' });
    controller.update(input('Fixed draft'));
    expect(item('no-errors').checked).toBe(true);
    expect(item('within-limit').checked).toBe(true);
  });

  it('are unknown (manual) until the engine has answered', () => {
    const { controller } = setup();
    controller.update({ ...input('Hello'), findings: undefined, length: undefined });
    const noErrors = state(controller).items.find((i) => i.id === 'no-errors')!;
    expect(noErrors).toMatchObject({ auto: 'unknown', checked: false, locked: false });
  });

  it('flags lower-case multi-word hashtags (optional item) and a cited source without a link', () => {
    const { controller } = setup();
    controller.update(input('According to the report, #humanrights matter'));
    const view = state(controller).items;
    expect(view.find((i) => i.id === 'hashtags')).toMatchObject({ auto: 'fail', required: false });
    expect(view.find((i) => i.id === 'source-link')).toMatchObject({ auto: 'fail' });
    controller.update(input('According to the report https://mfaic.gov.kh/r, #HumanRights matter'));
    expect(state(controller).items.find((i) => i.id === 'hashtags')?.auto).toBe('pass');
    expect(state(controller).items.find((i) => i.id === 'source-link')?.auto).toBe('pass');
  });
});

describe('ticks per draft', () => {
  it('persist while the user edits, are saved, and are cleared after a successful post', async () => {
    const persistence = memoryPersistence();
    const { controller } = setup({ persistence });
    await controller.ready;
    controller.tick('cleared', true);
    controller.update(input('Good morning from the embassy, edited'));
    expect(state(controller).items.find((i) => i.id === 'cleared')?.checked).toBe(true);
    expect(persistence.saved.at(-1)).toMatchObject({ ticks: { standard: ['cleared'] } });

    controller.submit('button');
    controller.postSucceeded();
    expect(persistence.cleared).toBe(1);
    expect(state(controller).items.find((i) => i.id === 'cleared')?.checked).toBe(false);
  });

  it('restores the stored ticks of the same composer', async () => {
    const { controller: first } = setup();
    first.tick('cleared', true);
    first.tick('names-titles', true);
    const stored = toStoredState(state(first).checklist);
    const { controller } = setup({ persistence: memoryPersistence(stored) });
    await controller.ready;
    const checked = state(controller).items.filter((i) => i.checked).map((i) => i.id);
    expect(checked).toEqual(expect.arrayContaining(['cleared', 'names-titles']));
  });

  it('ignores damaged stored data', async () => {
    const { controller } = setup({ persistence: memoryPersistence({ version: 9, ticks: 'x' }) });
    await controller.ready;
    expect(state(controller).items.some((i) => i.by === 'manual')).toBe(false);
  });
});

describe('hold state machine, as the guard drives it', () => {
  it('hold: holds an incomplete draft, reveals the list and asks for focus; lets it go once complete', () => {
    const { controller, reveal, tickAllRequired } = setup();
    const effects = controller.submit('button');
    expect(effects).toMatchObject({ allow: false, show: true, held: true, focusFirstOpenItem: true });
    expect(state(controller)).toMatchObject({ held: true, focusRequest: 1 });
    expect(reveal).toHaveBeenCalled();
    expect(controller.submit('shortcut').allow).toBe(false);
    expect(state(controller).focusRequest).toBe(2);

    tickAllRequired();
    expect(state(controller).complete).toBe(true);
    // Ticking the last item does not post by itself: still held until Post is pressed.
    expect(state(controller).held).toBe(true);
    expect(controller.submit('button')).toMatchObject({ allow: true, held: false });
  });

  it('"Post now" re-dispatches the held submit exactly once with a one-shot token', () => {
    const { controller, tickAllRequired } = setup();
    const redispatch = vi.fn((r: { token: string; source: string }) => controller.submit(r.source as never, r.token).allow);
    controller.setRedispatcher(redispatch);
    controller.submit('enter');
    expect(controller.release()).toMatchObject({ rejected: 'incomplete' });
    expect(redispatch).not.toHaveBeenCalled();
    tickAllRequired();
    controller.release();
    expect(redispatch).toHaveBeenCalledTimes(1);
    expect(redispatch.mock.calls[0]![0]).toMatchObject({ source: 'enter' });
    expect(redispatch.mock.results[0]!.value).toBe(true);
    expect(state(controller).held).toBe(false);
    // The token is spent: with an item open again, reusing it is held like any submit.
    const token = redispatch.mock.calls[0]![0].token;
    controller.tick('cleared', false);
    expect(controller.submit('enter', token).allow).toBe(false);
  });

  it('a page cannot forge the token: an unknown token is just another submit', () => {
    const { controller } = setup();
    controller.submit('button');
    expect(controller.submit('button', 'test-prefix-override-1').allow).toBe(false);
  });

  it('override needs a reason, logs it with the open items and re-dispatches once', () => {
    const { controller, log } = setup();
    const redispatch = vi.fn(() => true);
    controller.setRedispatcher(redispatch);
    controller.submit('button');
    expect(controller.override('  ').rejected).toBe('reason-missing');
    expect(state(controller).rejection).toBe('reason-missing');
    expect(controller.override('ok').rejected).toBe('reason-too-short');
    expect(redispatch).not.toHaveBeenCalled();
    expect(log).toEqual([]);

    controller.override('Approved by the ambassador by phone');
    expect(redispatch).toHaveBeenCalledTimes(1);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      reason: 'Approved by the ambassador by phone',
      platform: 'x',
      templateId: 'standard',
      at: '2026-03-01T10:00:00.000Z',
    });
    expect(log[0]!.openItems).toEqual(expect.arrayContaining(['cleared', 'names-titles']));
    expect(state(controller)).toMatchObject({ held: false, rejection: null });
  });

  it('a re-dispatch with nothing to click asks the user to press Post again', () => {
    const { controller } = setup();
    controller.setRedispatcher(() => false);
    controller.submit('button');
    controller.override('Approved by the ambassador by phone');
    expect(state(controller).postAgain).toBe(true);
  });

  it('remind: the post goes, the checklist shows once per draft, and again for the next draft', () => {
    const { controller, reveal } = setup({ mode: 'remind' });
    expect(controller.submit('button')).toMatchObject({ allow: true, show: true });
    expect(state(controller).reminder).toBe(true);
    expect(reveal).toHaveBeenCalledTimes(1);
    // Same draft again (the post failed): no second reminder.
    expect(controller.submit('button')).toMatchObject({ allow: true, show: false });
    controller.postSucceeded();
    controller.update(input(''));
    expect(state(controller).reminder).toBe(true);
    controller.update(input('Second draft'));
    expect(state(controller).reminder).toBe(false);
    expect(controller.submit('button')).toMatchObject({ allow: true, show: true });
    expect(state(controller).reminder).toBe(true);
  });

  it('off: everything goes through and nothing shows', () => {
    const { controller, reveal } = setup({ mode: 'off' });
    expect(controller.submit('button')).toMatchObject({ allow: true, show: false, held: false });
    expect(reveal).not.toHaveBeenCalled();
  });

  it('"Keep editing" drops the held post', () => {
    const { controller } = setup();
    controller.submit('button');
    controller.dismiss();
    expect(state(controller).held).toBe(false);
  });
});

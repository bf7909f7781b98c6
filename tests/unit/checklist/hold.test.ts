import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHoldState,
  holdStep,
  type ChecklistMode,
  type HoldContext,
  type HoldEvent,
  type HoldState,
  type SubmitSource,
} from '@/lib/checklist';

const OFF: HoldContext = { mode: 'off', complete: false };
const REMIND_OPEN: HoldContext = { mode: 'remind', complete: false };
const REMIND_DONE: HoldContext = { mode: 'remind', complete: true };
const HOLD_OPEN: HoldContext = { mode: 'hold', complete: false };
const HOLD_DONE: HoldContext = { mode: 'hold', complete: true };

const submit = (source: SubmitSource = 'button', token?: string): HoldEvent =>
  token === undefined ? { type: 'submit', source } : { type: 'submit', source, token };
const override = (reason: string): HoldEvent => ({
  type: 'override',
  reason,
  at: '2025-03-01T09:30:00.000Z',
  platform: 'x',
  templateId: 'standard',
  openItems: ['cleared', 'names-titles'],
});

function run(events: readonly [HoldEvent, HoldContext][], start: HoldState = createHoldState()) {
  let state = start;
  const steps = events.map(([event, ctx]) => {
    const result = holdStep(state, event, ctx);
    state = result.state;
    return result;
  });
  return { state, steps };
}

describe('mode off', () => {
  it('always lets every kind of submit go and never shows the checklist', () => {
    for (const source of ['button', 'shortcut', 'form', 'enter'] as const) {
      const { effects, state } = holdStep(createHoldState(), submit(source), OFF);
      expect(effects).toEqual({ allow: true, show: false, focusFirstOpenItem: false, held: false, clearDraft: false });
      expect(state.phase).toBe('released');
    }
  });
});

describe('mode remind', () => {
  it('shows the checklist on the first submit of a draft and lets it go; never again for that draft', () => {
    const { steps } = run([
      [submit('button'), REMIND_OPEN],
      [{ type: 'draft-changed' }, REMIND_OPEN],
      [submit('shortcut'), REMIND_OPEN],
      [submit('enter'), REMIND_OPEN],
    ]);
    expect(steps[0]!.effects).toMatchObject({ allow: true, show: true, focusFirstOpenItem: false, held: false });
    expect(steps[2]!.effects).toMatchObject({ allow: true, show: false });
    expect(steps[3]!.effects).toMatchObject({ allow: true, show: false });
  });

  it('does not spend the reminder when the checklist is already complete', () => {
    const { steps } = run([
      [submit(), REMIND_DONE],
      [submit(), REMIND_OPEN],
      [submit(), REMIND_OPEN],
    ]);
    expect(steps.map((s) => s.effects.show)).toEqual([false, true, false]);
    expect(steps.every((s) => s.effects.allow)).toBe(true);
  });

  it('reminds again for the next draft after a successful post', () => {
    const { steps } = run([
      [submit(), REMIND_OPEN],
      [{ type: 'post-succeeded' }, REMIND_OPEN],
      [submit(), REMIND_OPEN],
    ]);
    expect(steps[1]!.effects.clearDraft).toBe(true);
    expect(steps[2]!.effects.show).toBe(true);
  });
});

describe('mode hold', () => {
  it('holds a submit while required items are open: no allow, show, focus, held marker', () => {
    for (const source of ['button', 'shortcut', 'form', 'enter'] as const) {
      const { state, effects } = holdStep(createHoldState(), submit(source), HOLD_OPEN);
      expect(effects).toEqual({ allow: false, show: true, focusFirstOpenItem: true, held: true, clearDraft: false });
      expect(state).toMatchObject({ phase: 'held', heldSource: source });
    }
  });

  it('lets a submit go when the checklist is complete', () => {
    const { state, effects } = holdStep(createHoldState(), submit(), HOLD_DONE);
    expect(effects).toMatchObject({ allow: true, show: false, held: false });
    expect(state.phase).toBe('released');
  });

  it('keeps holding while ticks change, and never posts by itself when the last item is ticked', () => {
    const { steps, state } = run([
      [submit('shortcut'), HOLD_OPEN],
      [{ type: 'checklist-changed' }, HOLD_OPEN],
      [{ type: 'checklist-changed' }, HOLD_DONE],
    ]);
    expect(steps[2]!.effects).toMatchObject({ allow: false, held: true });
    expect(steps[2]!.effects.redispatch).toBeUndefined();
    expect(state.phase).toBe('held');
  });

  it('after completion, pressing Post again goes through', () => {
    const { steps, state } = run([
      [submit(), HOLD_OPEN],
      [{ type: 'checklist-changed' }, HOLD_DONE],
      [submit(), HOLD_DONE],
    ]);
    expect(steps[2]!.effects).toMatchObject({ allow: true, held: false });
    expect(state.phase).toBe('released');
  });

  it('"Post now" releases exactly once: one redispatch whose token is honoured once', () => {
    const held = holdStep(createHoldState(), submit('form'), HOLD_OPEN).state;
    const released = holdStep(held, { type: 'release' }, HOLD_DONE);
    expect(released.effects).toMatchObject({ allow: false, held: false });
    expect(released.effects.redispatch).toEqual({ token: expect.any(String), source: 'form' });
    const token = released.effects.redispatch!.token;

    const first = holdStep(released.state, submit('form', token), HOLD_DONE);
    expect(first.effects.allow).toBe(true);
    // A second dispatch with the same token is treated like any other submit.
    const second = holdStep(first.state, submit('form', token), HOLD_OPEN);
    expect(second.effects.allow).toBe(false);
    expect(second.state.phase).toBe('held');
    // A second "Post now" without a new hold is refused.
    expect(holdStep(first.state, { type: 'release' }, HOLD_DONE).effects.rejected).toBe('not-held');
  });

  it('refuses "Post now" while required items are open and focuses the first one', () => {
    const held = holdStep(createHoldState(), submit(), HOLD_OPEN).state;
    const r = holdStep(held, { type: 'release' }, HOLD_OPEN);
    expect(r.effects).toMatchObject({ rejected: 'incomplete', focusFirstOpenItem: true, allow: false, held: true });
    expect(r.effects.redispatch).toBeUndefined();
    expect(r.state).toBe(held);
  });

  it('voids a release token if an item is unticked before the re-dispatch', () => {
    const { state, steps } = run([
      [submit(), HOLD_OPEN],
      [{ type: 'release' }, HOLD_DONE],
      [{ type: 'checklist-changed' }, HOLD_OPEN],
    ]);
    const token = steps[1]!.effects.redispatch!.token;
    const redispatch = holdStep(state, submit('button', token), HOLD_OPEN);
    expect(redispatch.effects.allow).toBe(false);
    expect(redispatch.state.phase).toBe('held');
  });

  it('dismissing the checklist removes the held marker without posting', () => {
    const { steps, state } = run([
      [submit(), HOLD_OPEN],
      [{ type: 'dismiss' }, HOLD_OPEN],
    ]);
    expect(steps[1]!.effects).toMatchObject({ allow: false, held: false });
    expect(state.phase).toBe('idle');
  });
});

describe('override with a reason', () => {
  it('requires a reason: empty, blank, too short or punctuation-only reasons are refused', () => {
    const held = holdStep(createHoldState(), submit(), HOLD_OPEN).state;
    const cases: [string, string][] = [
      ['', 'reason-missing'],
      ['   \n ', 'reason-missing'],
      ['ok', 'reason-too-short'],
      [' abc  ', 'reason-too-short'],
      ['.....', 'reason-too-short'],
    ];
    for (const [reason, rejected] of cases) {
      const r = holdStep(held, override(reason), HOLD_OPEN);
      expect(r.effects.rejected, JSON.stringify(reason)).toBe(rejected);
      expect(r.effects.logEntry).toBeUndefined();
      expect(r.effects.redispatch).toBeUndefined();
      expect(r.state).toBe(held);
    }
  });

  it('releases the held post once and produces a log entry without the draft', () => {
    const held = holdStep(createHoldState(), submit('shortcut'), HOLD_OPEN).state;
    const r = holdStep(held, override('  Minister approved by phone  '), HOLD_OPEN);
    expect(r.state.phase).toBe('overridden');
    expect(r.effects.held).toBe(false);
    expect(r.effects.redispatch?.source).toBe('shortcut');
    expect(r.effects.logEntry).toEqual({
      at: '2025-03-01T09:30:00.000Z',
      platform: 'x',
      templateId: 'standard',
      openItems: ['cleared', 'names-titles'],
      reason: 'Minister approved by phone',
    });
    const token = r.effects.redispatch!.token;
    const go = holdStep(r.state, submit('shortcut', token), HOLD_OPEN);
    expect(go.effects.allow).toBe(true);
    expect(go.effects.logEntry).toBeUndefined();
    expect(holdStep(go.state, submit('shortcut', token), HOLD_OPEN).effects.allow).toBe(false);
  });

  it('accepts a Khmer reason', () => {
    const held = holdStep(createHoldState(), submit(), HOLD_OPEN).state;
    const r = holdStep(held, override('ឯកឧត្តមឯកអគ្គរាជទូតបានអនុម័ត'), HOLD_OPEN);
    expect(r.effects.logEntry?.reason).toBe('ឯកឧត្តមឯកអគ្គរាជទូតបានអនុម័ត');
  });

  it('is refused when nothing is held', () => {
    expect(holdStep(createHoldState(), override('valid reason'), HOLD_OPEN).effects.rejected).toBe('not-held');
  });

  it('is revoked if the draft changes before the re-dispatch', () => {
    const { state, steps } = run([
      [submit(), HOLD_OPEN],
      [override('Approved by the spokesperson'), HOLD_OPEN],
      [{ type: 'draft-changed' }, HOLD_OPEN],
    ]);
    const token = steps[1]!.effects.redispatch!.token;
    expect(holdStep(state, submit('button', token), HOLD_OPEN).effects.allow).toBe(false);
  });

  it('ignores forged or stale tokens', () => {
    const held = holdStep(createHoldState(), submit(), HOLD_OPEN).state;
    expect(holdStep(held, submit('button', 'envoy-override-1'), HOLD_OPEN).effects.allow).toBe(false);
  });
});

describe('post success', () => {
  it('moves to submitted, asks to clear the draft, and a new draft starts fresh', () => {
    const { steps, state } = run([
      [submit(), HOLD_DONE],
      [{ type: 'post-succeeded' }, HOLD_DONE],
    ]);
    expect(steps[1]!.effects).toMatchObject({ clearDraft: true, held: false });
    expect(state.phase).toBe('submitted');
    const next = holdStep(state, { type: 'draft-changed' }, HOLD_OPEN);
    expect(next.state).toEqual(createHoldState());
    expect(holdStep(state, submit(), HOLD_OPEN).state.phase).toBe('held');
  });

  it('never issues the same token twice, even across drafts, so a stale re-dispatch cannot release a new draft', () => {
    const { steps, state } = run(
      [
        [submit(), HOLD_OPEN],
        [override('Approved by the head of mission'), HOLD_OPEN],
        [{ type: 'post-succeeded' }, HOLD_OPEN],
        [submit(), HOLD_OPEN],
        [override('Approved by the spokesperson'), HOLD_OPEN],
      ],
      createHoldState('tab7-3f9c'),
    );
    const first = steps[1]!.effects.redispatch!.token;
    const second = steps[4]!.effects.redispatch!.token;
    expect(first).not.toBe(second);
    expect(first.startsWith('tab7-3f9c-')).toBe(true);
    // The stale token from the first draft does not release the second draft's held post.
    const stale = holdStep(state, submit('button', first), HOLD_OPEN);
    expect(stale.effects.allow).toBe(false);
    expect(holdStep(stale.state, submit('button', second), HOLD_OPEN).effects.allow).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Property: a held submit is never allowed while required items are open and
// no valid override happened for it.
// ---------------------------------------------------------------------------

type Cmd =
  | { kind: 'submit'; source: SubmitSource; token: 'none' | 'latest' | 'forged' }
  | { kind: 'checklist-changed' }
  | { kind: 'release' }
  | { kind: 'override'; reason: string }
  | { kind: 'dismiss' }
  | { kind: 'draft-changed' }
  | { kind: 'post-succeeded' };

const sourceArb = fc.constantFrom<SubmitSource>('button', 'shortcut', 'form', 'enter');
const reasonArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', ' ', 'ok', '.....', 'abcd', 'Approved by HoM', 'ឯកភាពរួចហើយ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('submit' as const), source: sourceArb, token: fc.constantFrom('none' as const, 'latest' as const, 'latest' as const, 'forged' as const) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'checklist-changed' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'release' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('override' as const), reason: reasonArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'dismiss' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'draft-changed' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'post-succeeded' as const }) },
);
const ctxArb: fc.Arbitrary<HoldContext> = fc.record({
  mode: fc.constantFrom<ChecklistMode>('off', 'remind', 'hold', 'hold', 'hold', 'hold'),
  complete: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 2, arbitrary: fc.constant(false) }),
});

/** Runs a script and checks the invariants after every step. */
function checkScript(script: readonly (readonly [Cmd, HoldContext])[]): void {
  let state = createHoldState();
  let latestToken: string | undefined;
  const overrideTokens = new Set<string>();
  const usedTokens = new Set<string>();
  let reminders = 0;
  for (const [cmd, ctx] of script) {
    let event: HoldEvent;
    if (cmd.kind === 'submit') {
      const token = cmd.token === 'latest' ? latestToken : cmd.token === 'forged' ? 'envoy-override-999' : undefined;
      event = token === undefined ? { type: 'submit', source: cmd.source } : { type: 'submit', source: cmd.source, token };
    } else if (cmd.kind === 'override') {
      event = { type: 'override', reason: cmd.reason, at: '2025-01-01T00:00:00Z', platform: 'x', templateId: 't', openItems: ['a'] };
    } else {
      event = { type: cmd.kind };
    }
    const before = state;
    const { state: next, effects } = holdStep(state, event, ctx);

    if (event.type === 'submit') {
      if (effects.allow && ctx.mode === 'hold' && !ctx.complete) {
        // Only an override token, issued for a valid reason, never used before.
        expect(event.token).toBeDefined();
        expect(overrideTokens.has(event.token!)).toBe(true);
        expect(usedTokens.has(event.token!)).toBe(false);
      }
      if (effects.allow && event.token !== undefined) usedTokens.add(event.token);
      if (ctx.mode === 'off') expect(effects).toMatchObject({ allow: true, show: false });
      if (ctx.mode === 'remind') expect(effects.allow).toBe(true);
      if (ctx.mode === 'remind' && effects.show) reminders += 1;
    } else {
      expect(effects.allow).toBe(false);
    }
    if (event.type === 'post-succeeded') reminders = 0;

    // A held submit is always visible and focused.
    if (!effects.allow && event.type === 'submit') {
      expect(effects).toMatchObject({ show: true, focusFirstOpenItem: true, held: true });
    }
    // Overrides: a log entry and a redispatch exactly when the reason is valid and something was held.
    if (event.type === 'override') {
      const trimmed = event.reason.trim();
      const valid = before.phase === 'held' && [...trimmed.replace(/\s+/g, ' ')].length >= 5 && /[\p{L}\p{N}]/u.test(trimmed);
      expect(effects.logEntry !== undefined).toBe(valid);
      expect(effects.redispatch !== undefined).toBe(valid);
      if (effects.redispatch) overrideTokens.add(effects.redispatch.token);
    }
    // At most one reminder per draft.
    expect(reminders).toBeLessThanOrEqual(1);
    // The held marker mirrors the phase.
    expect(effects.held).toBe(next.phase === 'held');
    if (effects.redispatch) latestToken = effects.redispatch.token;
    state = next;
  }
}

const scriptArb = fc.array(fc.tuple(cmdArb, ctxArb), { maxLength: 40 });
const HELD_THEN_OVERRIDDEN: [Cmd, HoldContext][] = [
  [{ kind: 'submit', source: 'button', token: 'none' }, HOLD_OPEN],
  [{ kind: 'override', reason: 'Approved by the head of mission' }, HOLD_OPEN],
];

describe('property', () => {
  it('in hold mode, a submit with required items open is allowed only by an unused token from a valid override', () => {
    fc.assert(fc.property(scriptArb, checkScript), { numRuns: 1000 });
  });

  it('after an override, its token releases at most one submit whatever follows', () => {
    fc.assert(
      fc.property(scriptArb, (rest) => checkScript([...HELD_THEN_OVERRIDDEN, ...rest])),
      { numRuns: 500 },
    );
  });
});

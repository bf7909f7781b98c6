/** stepPatch: what the panel shows after one step of the hold machine, alone. */
import { describe, expect, it } from 'vitest';
import { createHoldState, type HoldEffects } from '@/lib/checklist/hold';
import { stepPatch } from '@/entrypoints/content/checklist-controller';

const none: HoldEffects = { allow: false, show: false, focusFirstOpenItem: false, held: false, clearDraft: false };
const hold = createHoldState('t');

describe('stepPatch', () => {
  it('a held submit in hold mode shows the post as held and asks for focus', () => {
    const patch = stepPatch({ focusRequest: 2 }, { type: 'submit', source: 'button' }, hold, { ...none, show: true, held: true, focusFirstOpenItem: true }, 'hold');
    expect(patch).toEqual({ hold, held: true, rejection: null, focusRequest: 3 });
  });

  it('remind mode shows the one reminder; a released post clears "post again"', () => {
    const patch = stepPatch({ focusRequest: 0 }, { type: 'submit', source: 'enter' }, hold, { ...none, show: true, allow: true }, 'remind');
    expect(patch).toEqual({ hold, held: false, rejection: null, reminder: true, postAgain: false });
  });

  it('keeps the last refusal when only the checklist changed, and records a new one', () => {
    expect(stepPatch({ focusRequest: 0 }, { type: 'checklist-changed' }, hold, { ...none, held: true }, 'hold')).toEqual({ hold, held: true });
    const rejected = stepPatch({ focusRequest: 0 }, { type: 'release' }, hold, { ...none, held: true, rejected: 'incomplete' }, 'hold');
    expect(rejected.rejection).toBe('incomplete');
  });
});

import { describe, expect, it } from 'vitest';
import { applyFix } from '@/lib/engine';
import { matches, run } from './helpers';

describe('substitute rules', () => {
  const names = {
    type: 'substitute',
    message: { en: 'Use “{suggestion}”.' },
    swap: [
      { from: ['Swaziland'], to: ['Eswatini'] },
      { from: ['Vietnam'], to: ['Viet Nam'] },
      { from: ['gap pad'], to: ['thermal gap pad'] },
    ],
  } as const;

  it('flags the old form and suggests the new one', () => {
    const r = run(names, 'Trade with Swaziland and Vietnam.');
    expect(matches(r)).toEqual(['Swaziland', 'Vietnam']);
    expect(r.findings[0]!.message.en).toBe('Use “Eswatini”.');
    expect(applyFix('Trade with Swaziland and Vietnam.', r.findings[1]!.fixes[0]!)).toBe('Trade with Swaziland and Viet Nam.');
  });

  it('does not fire where the correct form already stands (superset guard)', () => {
    expect(run(names, 'Viet Nam and a thermal gap pad.').findings).toHaveLength(0);
    expect(matches(run(names, 'a gap pad'))).toEqual(['gap pad']);
  });

  it('offers several suggestions, case-matched', () => {
    const r = run({ type: 'substitute', swap: [{ from: ['Burma'], to: ['Myanmar', 'the Republic of the Union of Myanmar'] }] }, 'BURMA');
    expect(r.findings[0]!.fixes.map((f) => f.replacement)).toEqual(['MYANMAR', 'THE REPUBLIC OF THE UNION OF MYANMAR']);
  });

  it('does not fire on a case-only swap when the text already equals the suggestion', () => {
    const rule = { type: 'substitute', swap: [{ from: ['asean'], to: ['ASEAN'] }], fix: { action: 'replace', case: 'exact' } } as const;
    expect(run(rule, 'ASEAN summit').findings).toHaveLength(0);
    const r = run(rule, 'Asean summit');
    expect(applyFix('Asean summit', r.findings[0]!.fixes[0]!)).toBe('ASEAN summit');
  });
});

import { describe, expect, it } from 'vitest';
import { applyFix } from '@/lib/engine';
import { matches, run } from './helpers';

describe('consistency rules', () => {
  const vn = { type: 'consistency', variants: [['Viet Nam'], ['Vietnam', 'Viêt Nam']], message: { en: 'Use one spelling: {suggestion}.' } } as const;

  it('is silent when only one variant is used', () => {
    expect(run(vn, 'Vietnam and Vietnam').findings).toHaveLength(0);
    expect(run(vn, 'Viet Nam').findings).toHaveLength(0);
  });

  it('flags the minority variant; ties go to the preferred variant', () => {
    const tie = run(vn, 'Viet Nam and Vietnam.');
    expect(matches(tie)).toEqual(['Vietnam']);
    expect(applyFix('Viet Nam and Vietnam.', tie.findings[0]!.fixes[0]!)).toBe('Viet Nam and Viet Nam.');
    const majority = run(vn, 'Vietnam, Viêt Nam and Viet Nam.');
    expect(matches(majority)).toEqual(['Viet Nam']);
    expect(majority.findings[0]!.fixes[0]!.replacement).toBe('Vietnam');
  });

  it('treats a shorter variant inside a longer one as one use', () => {
    const r = run({ type: 'consistency', variants: [['Kingdom of Cambodia'], ['Cambodia']] }, 'the Kingdom of Cambodia');
    expect(r.findings).toHaveLength(0);
  });
});

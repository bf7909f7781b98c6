import { describe, expect, it } from 'vitest';
import { applyFix } from '@/lib/engine';
import { matches, run } from './helpers';

describe('conditional rules', () => {
  it('acronyms: flags the first use when the long form has not appeared before it', () => {
    const rule = { type: 'conditional', acronyms: [{ short: 'MFAIC', long: 'Ministry of Foreign Affairs and International Cooperation' }] } as const;
    const text = 'The MFAIC said the MFAIC will host.';
    const r = run(rule, text);
    expect(matches(r)).toEqual(['MFAIC']);
    expect(r.findings[0]!.range.start).toBe(4);
    expect(applyFix(text, r.findings[0]!.fixes[0]!)).toBe(
      'The Ministry of Foreign Affairs and International Cooperation (MFAIC) said the MFAIC will host.',
    );
    expect(run(rule, 'The Ministry of Foreign Affairs and International Cooperation (MFAIC) said.').findings).toHaveLength(0);
    expect(run(rule, 'see mfaic.gov.kh or mfaic').findings).toHaveLength(0); // case-sensitive, and never inside links
  });

  it('forbids: flags forbidden items near a trigger', () => {
    const rule = { type: 'conditional', if: ['condolences', 'ការចូលរួមរំលែកទុក្ខ'], forbids: ['🎉', '!'], within: 'sentence', fix: { action: 'remove' } } as const;
    const r = run(rule, 'Our deepest condolences 🎉! Great game today!');
    expect(matches(r)).toEqual(['🎉', '!']);
    expect(run(rule, 'Congratulations 🎉!').findings).toHaveLength(0);
    expect(matches(run(rule, 'ការចូលរួមរំលែកទុក្ខ 🎉'))).toEqual(['🎉']);
  });

  it('forbids within N characters', () => {
    const rule = { type: 'conditional', if: ['flood'], forbids: ['!'], within: 10 } as const;
    expect(matches(run(rule, 'The flood!'))).toEqual(['!']);
    expect(run(rule, 'The flood hit the provinces today, stay safe!').findings).toHaveLength(0);
  });

  it('requires: fires on the trigger when the required term is missing', () => {
    const rule = { type: 'conditional', if: ['embargoed'], requires: ['until'], within: 'sentence' } as const;
    expect(matches(run(rule, 'This is embargoed. Until Monday.'))).toEqual(['embargoed']);
    expect(run(rule, 'This is embargoed until Monday.').findings).toHaveLength(0);
    const post = { type: 'conditional', if: ['embargoed'], requires: ['until'] } as const;
    expect(run(post, 'Embargoed. Still embargoed.').findings).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('checklist rules', () => {
  const rule = {
    type: 'checklist', severity: 'suggestion', topics: ['earthquake', 'flood', 'រញ្ជួយដី'],
    prompt: { en: 'Verify casualty figures with an official source.' }, template: 'crisis',
  } as const;

  it('hands a prompt to the checklist, never an inline finding', () => {
    const text = 'Thoughts with everyone affected by the flood and the earthquake.';
    const r = run(rule, text);
    const at = text.indexOf('flood'); // the first topic mentioned
    expect(r.findings).toHaveLength(0);
    expect(r.checklistPrompts).toEqual([
      { ruleId: expect.any(String), packId: 'test.pack', prompt: rule.prompt, template: 'crisis', range: { start: at, end: at + 5 } },
    ]);
  });

  it('triggers on Khmer topics and not on unrelated text', () => {
    expect(run(rule, 'រញ្ជួយដីនៅ').checklistPrompts).toHaveLength(1);
    expect(run(rule, 'Happy new year').checklistPrompts).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  AUTO_CHECK_IDS,
  BUILT_IN_TEMPLATES,
  STANDARD_TEMPLATE,
  autoSpecOf,
  findTemplate,
  hasKhmer,
  mergeTemplates,
  validateTemplate,
  type ChecklistTemplate,
} from '@/lib/checklist';

describe('built-in templates', () => {
  it('are the six templates of the issue, each valid', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id).sort()).toEqual(
      ['condolence', 'crisis', 'official-visit', 'personal', 'reply-criticism', 'standard'].sort(),
    );
    for (const t of BUILT_IN_TEMPLATES) {
      const result = validateTemplate(t);
      expect(result.ok, `${t.id}: ${result.ok ? '' : result.errors.map((e) => e.message).join('; ')}`).toBe(true);
    }
  });

  it('have 4–8 items, at least one required, and priorities that are all distinct', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      expect(t.items.length, t.id).toBeGreaterThanOrEqual(4);
      expect(t.items.length, t.id).toBeLessThanOrEqual(8);
      expect(t.items.some((i) => i.required), t.id).toBe(true);
    }
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.priority)).size).toBe(BUILT_IN_TEMPLATES.length);
  });

  it('give every title and item text in English, Khmer (in Khmer script) and French', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const text of [t.title, ...t.items.map((i) => i.text)]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.fr?.trim() ?? '', `${t.id}: ${text.en}`).not.toBe('');
        expect(hasKhmer(text.km), `${t.id}: ${text.en}`).toBe(true);
        expect(text.en).not.toBe(text.fr);
      }
    }
  });

  it('use every automatic check somewhere, and the standard template has no triggers (fallback)', () => {
    const used = new Set(BUILT_IN_TEMPLATES.flatMap((t) => t.items.map((i) => autoSpecOf(i)?.id).filter(Boolean)));
    expect([...used].sort()).toEqual([...AUTO_CHECK_IDS].sort());
    expect(STANDARD_TEMPLATE.triggers).toBeUndefined();
  });

  it('include the protocol items a diplomat expects', () => {
    const condolence = findTemplate(BUILT_IN_TEMPLATES, 'condolence')!;
    expect(condolence.items.find((i) => i.id === 'protocol-wording')?.text.en).toBe(
      'Condolences worded per protocol; no promotional content',
    );
    expect(STANDARD_TEMPLATE.items.find((i) => i.id === 'cleared')?.required).toBe(true);
  });
});

describe('mergeTemplates', () => {
  it('lets later layers (options, then policy) replace templates by id and add new ones', () => {
    const userStandard: ChecklistTemplate = { ...STANDARD_TEMPLATE, priority: 5 };
    const policyStandard: ChecklistTemplate = { ...STANDARD_TEMPLATE, priority: 7 };
    const election: ChecklistTemplate = {
      id: 'election',
      title: { en: 'Election period', km: 'រយៈពេលបោះឆ្នោត' },
      priority: 85,
      triggers: { terms: [], modes: ['election'] },
      items: [{ id: 'neutral', text: { en: 'Politically neutral', km: 'អព្យាក្រឹតនយោបាយ' }, required: true }],
    };
    const merged = mergeTemplates(BUILT_IN_TEMPLATES, [userStandard], [policyStandard, election]);
    expect(merged).toHaveLength(7);
    expect(findTemplate(merged, 'standard')?.priority).toBe(7);
    expect(findTemplate(merged, 'election')).toBe(election);
  });
});

import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  autoSpecOf,
  localize,
  validateTemplate,
  validateTemplateSet,
  type ChecklistTemplate,
} from '@/lib/checklist';

function validTemplate(): Record<string, unknown> {
  return {
    id: 'press-release',
    title: { en: 'Press release', km: 'សេចក្ដីប្រកាសព័ត៌មាន' },
    priority: 10,
    items: [
      { id: 'cleared', text: { en: 'Cleared', km: 'បានឯកភាព', fr: 'Validé' }, required: true },
      { id: 'limit', text: { en: 'Within limit', km: 'មិនលើសកំណត់' }, required: true, auto: { id: 'within-limit', params: { limit: 240 } } },
    ],
    triggers: { terms: ['press release', 'សេចក្ដីប្រកាសព័ត៌មាន'] },
  };
}

describe('validateTemplate', () => {
  it('accepts a well-formed template and normalises auto specs', () => {
    const result = validateTemplate(validTemplate());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toBe('press-release');
    expect(autoSpecOf(result.value.items[1]!)).toEqual({ id: 'within-limit', params: { limit: 240 } });
    expect(autoSpecOf(result.value.items[0]!)).toBeUndefined();
  });

  it('names template, item and field when a Khmer text is missing', () => {
    const t = validTemplate();
    (t.items as Record<string, unknown>[])[1]!.text = { en: 'Within limit' };
    const result = validateTemplate(t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ templateId: 'press-release', itemId: 'limit', itemIndex: 1, field: 'text.km' });
    expect(result.errors[0]!.message).toBe('Template "press-release", item "limit": the Khmer text is missing.');
  });

  it('reports blank text, bad ids, unknown auto checks and unknown fields in plain language', () => {
    const t = validTemplate();
    const items = t.items as Record<string, unknown>[];
    items[0]!.text = { en: '   ', km: 'បាន' };
    items[1]!.auto = 'spell-check';
    items[1]!.requried = true;
    t.id = 'Press Release';
    const result = validateTemplate(t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.errors.map((e) => e.message);
    expect(messages).toContain(
      'Template "Press Release": the id must use only lower-case letters, digits and single hyphens (for example "official-visit").',
    );
    expect(messages).toContain('Template "Press Release", item "cleared": the English text is empty.');
    expect(messages.some((m) => m.startsWith('Template "Press Release", item "limit": the automatic check is not a known automatic check'))).toBe(true);
    expect(messages).toContain('Template "Press Release", item "limit": has unknown field "requried".');
  });

  it('rejects duplicate item ids and a non-integer priority', () => {
    const t = validTemplate();
    (t.items as Record<string, unknown>[])[1]!.id = 'cleared';
    t.priority = 1.5;
    const result = validateTemplate(t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'Template "press-release": the priority should be a whole number.',
        'Template "press-release", item "cleared": another item in this template already uses the id "cleared"; item ids must be unique.',
      ]),
    );
  });

  it('reports an invalid trigger mode and an empty item list', () => {
    const t = validTemplate();
    t.items = [];
    t.triggers = { terms: [], modes: ['holiday'] };
    const result = validateTemplate(t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
    expect(byField['items']).toBe('Template "press-release": the list of items needs at least 1 entry.');
    expect(byField['triggers.modes.0']).toBe(
      'Template "press-release": the trigger modes (entry 1) must be one of: "crisis", "mourning", "election".',
    );
  });
});

describe('validateTemplateSet', () => {
  it('accepts the built-in templates', () => {
    expect(validateTemplateSet(BUILT_IN_TEMPLATES).ok).toBe(true);
  });

  it('rejects duplicate template ids and uses the position when the id is unreadable', () => {
    const result = validateTemplateSet([validTemplate(), validTemplate(), { title: 'x' }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.some((e) => e.templateIndex === 1 && /already uses this id/.test(e.message))).toBe(true);
    const third = result.errors.filter((e) => e.templateIndex === 2);
    expect(third.length).toBeGreaterThan(0);
    expect(third.every((e) => e.message.startsWith('Template #3'))).toBe(true);
    expect(third.map((e) => e.message)).toContain('Template #3: the id is missing.');
  });

  it('rejects an empty set and a non-list', () => {
    const empty = validateTemplateSet([]);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0]!.message).toBe('The template list needs at least one template.');
    const notList = validateTemplateSet({});
    expect(notList.ok).toBe(false);
    if (!notList.ok) expect(notList.errors[0]!.message).toBe('The template list should be a list of templates.');
  });
});

describe('localize', () => {
  it('falls back to English when French is missing', () => {
    const t = BUILT_IN_TEMPLATES[0] as ChecklistTemplate;
    expect(localize(t.title, 'km')).toBe(t.title.km);
    expect(localize({ en: 'Hello', km: 'សួស្ដី' }, 'fr')).toBe('Hello');
  });
});

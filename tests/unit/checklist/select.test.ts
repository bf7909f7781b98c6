import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  STANDARD_TEMPLATE,
  createChecklistState,
  describeReason,
  orderTemplates,
  resetManualTemplate,
  selectTemplate,
  setManualTemplate,
  type ChecklistTemplate,
  type SelectionContext,
} from '@/lib/checklist';

const select = (ctx: SelectionContext) => selectTemplate(BUILT_IN_TEMPLATES, ctx);

describe('selectTemplate: condolence', () => {
  it.each([
    ['en', 'Our deepest condolences to the people of Japan.', 'condolences'],
    ['en (case)', 'CONDOLENCES to the family of H.E. the former Minister', 'condolences'],
    ['fr', 'Sincères condoléances au peuple marocain.', 'condoléances'],
    ['fr (no accents)', 'Nos sinceres condoleances', 'condoléances'],
    ['km', 'ស្ថានទូតសូមចូលរួមរំលែកទុក្ខយ៉ាងក្រៀមក្រំបំផុត ចំពោះក្រុមគ្រួសារសព', 'ចូលរួមរំលែកទុក្ខ'],
    ['km with zero-width spaces', 'សូម\u200Bចូលរួម\u200Bរំលែក\u200Bទុក្ខ', 'ចូលរួមរំលែកទុក្ខ'],
  ])('condolence words in %s pick the condolence template', (_lang, text, term) => {
    const result = select({ text });
    expect(result.template.id).toBe('condolence');
    expect(result.reason).toEqual({ kind: 'term', term });
  });

  it('does not pick condolence for unrelated text', () => {
    expect(select({ text: 'Happy Independence Day to all Cambodians!' }).template.id).toBe('standard');
  });
});

describe('selectTemplate: modes, account type, reply context, prompts', () => {
  it('mourning mode picks the mourning template even without condolence words', () => {
    const result = select({ text: 'Programme update', modes: ['mourning'] });
    expect(result.template.id).toBe('condolence');
    expect(result.reason).toEqual({ kind: 'mode', mode: 'mourning' });
  });

  it('crisis mode picks the crisis template; condolence words still win (higher priority)', () => {
    expect(select({ text: 'Hotline for nationals', modes: ['crisis'] }).template.id).toBe('crisis');
    const both = select({ text: 'Our condolences to the victims', modes: ['crisis'] });
    expect(both.template.id).toBe('condolence');
  });

  it('a personal account picks the personal template', () => {
    const result = select({ text: 'Lovely morning run by the Mekong', accountType: 'personal' });
    expect(result.template.id).toBe('personal');
    expect(result.reason).toEqual({ kind: 'account-type', accountType: 'personal' });
    expect(select({ text: 'Morning run', accountType: 'official' }).template.id).toBe('standard');
  });

  it('a reply picks the reply-to-criticism template, above personal', () => {
    const result = select({ text: 'This is not accurate.', isReply: true, accountType: 'personal' });
    expect(result.template.id).toBe('reply-criticism');
    expect(result.reason).toEqual({ kind: 'reply' });
  });

  it('official-visit terms pick the official-visit template, in each language', () => {
    expect(select({ text: 'Courtesy call on H.E. the Minister' }).template.id).toBe('official-visit');
    expect(select({ text: 'Visite officielle du Premier ministre' }).template.id).toBe('official-visit');
    expect(select({ text: 'ជំនួបសម្តែងការគួរសមជាមួយឯកឧត្តមរដ្ឋមន្ត្រី' }).template.id).toBe('official-visit');
  });

  it('an engine prompt naming a template selects it, and unknown template names are ignored', () => {
    const result = select({ text: 'Statement', prompts: [{ ruleId: 'r1' }, { ruleId: 'cond-detect', template: 'condolence' }] });
    expect(result.template.id).toBe('condolence');
    expect(result.reason).toEqual({ kind: 'prompt', ruleId: 'cond-detect' });
    expect(select({ text: 'Statement', prompts: [{ ruleId: 'x', template: 'nope' }] }).template.id).toBe('standard');
  });

  it('lists every matched trigger of the chosen template, prompt first', () => {
    const result = select({
      text: 'Condolences on the passing of',
      modes: ['mourning'],
      prompts: [{ ruleId: 'p', template: 'condolence' }],
    });
    expect(result.matched).toEqual([
      { kind: 'prompt', ruleId: 'p' },
      { kind: 'mode', mode: 'mourning' },
      { kind: 'term', term: 'condolences' },
      { kind: 'term', term: 'passing of' },
    ]);
  });

  it('falls back to the standard template with reason "default"', () => {
    const result = select({ text: '' });
    expect(result.template).toBe(STANDARD_TEMPLATE);
    expect(result.reason).toEqual({ kind: 'default' });
  });
});

describe('selectTemplate: manual override', () => {
  it('sticks while the draft changes, until reset', () => {
    let state = createChecklistState('1:c', 'standard');
    state = setManualTemplate(state, 'official-visit');
    for (const text of ['Our condolences', 'Breaking: evacuation', '']) {
      const result = select({ text, modes: ['mourning'], manualTemplateId: state.manualTemplateId });
      expect(result.template.id).toBe('official-visit');
      expect(result.reason).toEqual({ kind: 'manual' });
    }
    state = resetManualTemplate(state);
    expect(state.manualTemplateId).toBeUndefined();
    expect(select({ text: 'Our condolences', manualTemplateId: state.manualTemplateId }).template.id).toBe('condolence');
  });

  it('is ignored (and reported) when the template no longer exists', () => {
    const result = select({ text: 'Our condolences', manualTemplateId: 'deleted-by-policy' });
    expect(result.template.id).toBe('condolence');
    expect(result.missingManualTemplateId).toBe('deleted-by-policy');
  });
});

describe('selectTemplate: determinism', () => {
  const a: ChecklistTemplate = {
    id: 'a-tie',
    title: { en: 'A', km: 'ក' },
    priority: 40,
    triggers: { terms: ['summit'] },
    items: [{ id: 'x', text: { en: 'x', km: 'ក' }, required: true }],
  };
  const b: ChecklistTemplate = { ...a, id: 'b-tie' };

  it('breaks priority ties by id regardless of input order', () => {
    expect(selectTemplate([b, a, STANDARD_TEMPLATE], { text: 'ASEAN summit' }).template.id).toBe('a-tie');
    expect(selectTemplate([a, b, STANDARD_TEMPLATE], { text: 'ASEAN summit' }).template.id).toBe('a-tie');
    expect(orderTemplates([STANDARD_TEMPLATE, b, a]).map((t) => t.id)).toEqual(['a-tie', 'b-tie', 'standard']);
  });

  it('without a standard template falls back to a template without triggers, and throws on an empty list', () => {
    const plain: ChecklistTemplate = { ...a, id: 'plain', triggers: undefined, priority: -5 };
    expect(selectTemplate([a, plain], { text: 'nothing' }).template.id).toBe('plain');
    expect(() => selectTemplate([], { text: '' })).toThrow();
  });
});

describe('describeReason', () => {
  it('explains the reason in en/km/fr', () => {
    expect(describeReason({ kind: 'mode', mode: 'mourning' }, 'en')).toBe('Mourning mode is on');
    expect(describeReason({ kind: 'term', term: 'condolences' }, 'fr')).toBe('Le brouillon contient “condolences”');
    expect(describeReason({ kind: 'reply' }, 'km')).toBe('នេះជាការឆ្លើយតប');
  });
});

import { describe, expect, it } from 'vitest';
import { validatePack } from '@/lib/packs/validate';
import { matches, pack, rule, run } from './helpers';

const movement = {
  type: 'proximity',
  all: [
    { terms: ['motorcade', 'convoy', 'ក្បួនរថយន្ត'] },
    { pattern: '\\b(?:leaves?|leaving|departs?|heads?)\\b|ចេញដំណើរ' },
    { pattern: '\\b\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)\\b|ម៉ោង\\s*[0-9០-៩]{1,2}' },
  ],
} as const;

describe('proximity rules', () => {
  it('flags when every group occurs in the same sentence, in any order, spanning the structure', () => {
    expect(matches(run(movement, 'The motorcade leaves the hotel at 7 am.'))).toEqual(['motorcade leaves the hotel at 7 am']);
    expect(matches(run(movement, 'At 9:30 am sharp the convoy departs.'))).toEqual(['9:30 am sharp the convoy departs']);
    expect(run(movement, 'ក្បួនរថយន្តនឹងចេញដំណើរនៅម៉ោង ៧ ព្រឹក។').findings).toHaveLength(1);
  });

  it('stays quiet when a group is missing or only in another sentence', () => {
    expect(run(movement, 'The motorcade leaves soon.').findings).toHaveLength(0);
    expect(run(movement, 'The motorcade leaves. The reception opens at 7 pm.').findings).toHaveLength(0);
    expect(run(movement, 'We admired the old convoy photos.').findings).toHaveLength(0);
  });

  it('two groups whose boundary classes meet at one space are still two different words', () => {
    // Accented endings need a boundary class such as [ .,], which consumes the space it matches.
    const bound = (w: string) => `(?:^|[ .,])(?:${w})(?:$|[ .,])`;
    const r = { type: 'proximity', all: [{ pattern: bound('ces gens-là') }, { pattern: bound('jamais à l\'heure') }] } as const;
    expect(matches(run(r, 'Ces gens-là jamais à l\'heure.'))).toEqual(['Ces gens-là jamais à l\'heure.']);
  });

  it('within the post', () => {
    const r = { type: 'proximity', all: [{ terms: ['regime'] }, { terms: ['clowns'] }], within: 'post' } as const;
    expect(run(r, 'The regime met today. Clowns, all of them.').findings).toHaveLength(1);
    expect(run({ ...r, within: 'sentence' }, 'The regime met today. Clowns, all of them.').findings).toHaveLength(0);
  });

  it('unless: a blocker in the window (or anywhere in the post) suppresses the finding', () => {
    const casualty = {
      type: 'proximity',
      all: [{ pattern: '\\b\\d[\\d,.]*\\b' }, { terms: ['dead', 'killed'] }],
      unless: [{ terms: ['according to', 'ministry'] }],
      unlessWithin: 'post',
    } as const;
    expect(run(casualty, '45 people were killed in the blast.').findings).toHaveLength(1);
    expect(run(casualty, '45 people were killed in the blast, according to the police.').findings).toHaveLength(0);
    expect(run(casualty, 'Our condolences to the families of those killed.').findings).toHaveLength(0); // no figure
    const phone = { type: 'proximity', all: [{ pattern: '\\+\\d{3}(?:\\s\\d{2,3}){3}' }], unless: [{ terms: ['switchboard', 'fax'] }], within: 'sentence' } as const;
    expect(run(phone, 'Call Dara on +855 12 345 678.').findings).toHaveLength(1);
    expect(run(phone, 'Call the switchboard on +855 23 216 141.').findings).toHaveLength(0);
  });

  it('the same words cannot fill two groups', () => {
    const r = { type: 'proximity', all: [{ terms: ['secret'] }, { pattern: 'secret' }] } as const;
    expect(run(r, 'A secret.').findings).toHaveLength(0);
  });

  it('keeps the common suppressions (quotations, exceptions)', () => {
    expect(run({ ...movement, exceptions: ['convoy of hope'] }, 'The convoy of hope leaves at 7 am.').findings).toHaveLength(0);
    expect(run(movement, 'He wrote: “the motorcade leaves at 7 am.”').findings).toHaveLength(0);
  });

  it('validation: a group needs terms or a pattern, and patterns must be safe', () => {
    const bad = validatePack(pack([rule({ type: 'proximity', all: [{}] })]), 'bad.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field)).toContain('all[0]');
    const unsafe = validatePack(pack([rule({ type: 'proximity', all: [{ terms: ['a'] }, { pattern: '(a' }] })]), 'unsafe.json');
    expect(unsafe.ok).toBe(false);
    if (!unsafe.ok) expect(unsafe.errors.map((e) => e.field)).toContain('all[1].pattern');
  });
});

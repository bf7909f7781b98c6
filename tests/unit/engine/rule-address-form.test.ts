import { describe, expect, it } from 'vitest';
import { applyFix } from '@/lib/engine';
import type { Pack } from '@/lib/packs/schema';
import { matches, run } from './helpers';

const entities: Pack['entities'] = [
  {
    id: 'hun-manet',
    names: ['Hun Manet', 'ហ៊ុន ម៉ាណែត'],
    titles: ['Samdech Moha Borvor Thipadei', 'Samdech Thipadei', 'Prime Minister', 'សម្តេចមហាបវរធិបតី'],
    forbiddenTitles: ['Mr.', 'Mr', 'Mister', 'លោក'],
    preferred: 'Samdech Moha Borvor Thipadei',
  },
  { id: 'hun-sen', names: ['Hun Sen', 'ហ៊ុន សែន'], titles: ['Samdech Techo', 'Samdech Akka Moha Sena Padei Techo', 'សម្តេចតេជោ'], forbiddenTitles: ['Mr.', 'លោក'] },
];
const rule = { type: 'address-form', entities: ['*'], message: { en: 'Use the title “{suggestion}” for {name}.' } } as const;
const check = (text: string) => run(rule, text, undefined, { entities });

describe('address-form rules', () => {
  it('requires an allowed title on the first reference only', () => {
    const text = 'Hun Manet met the press. Later Hun Manet left.';
    const r = check(text);
    expect(matches(r)).toEqual(['Hun Manet']);
    expect(r.findings[0]!.range.start).toBe(0);
    expect(r.findings[0]!.message.en).toBe('Use the title “Samdech Moha Borvor Thipadei” for Hun Manet.');
    expect(applyFix(text, r.findings[0]!.fixes[0]!)).toBe('Samdech Moha Borvor Thipadei Hun Manet met the press. Later Hun Manet left.');
    expect(check('Samdech Thipadei HUN MANET met Prime Minister Hun Manet.').findings).toHaveLength(0);
  });

  it('never allows "Mr." before a Samdech, on any reference', () => {
    const text = 'Samdech Techo Hun Sen spoke; Mr. Hun Sen left.';
    const r = check(text);
    expect(matches(r)).toEqual(['Mr. Hun Sen']);
    expect(applyFix(text, r.findings[0]!.fixes[0]!)).toBe('Samdech Techo Hun Sen spoke; Samdech Techo Hun Sen left.');
    expect(matches(check('Mr. Samdech Techo Hun Sen'))).toEqual(['Mr. Samdech Techo Hun Sen']);
    expect(applyFix('Mr. Samdech Techo Hun Sen', check('Mr. Samdech Techo Hun Sen').findings[0]!.fixes[0]!)).toBe('Samdech Techo Hun Sen');
  });

  it('works in Khmer with either coeng form, suggesting a Khmer title for a Khmer name', () => {
    expect(check('សម្ដេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត បានថ្លែង').findings).toHaveLength(0);
    const r = check('ហ៊ុន ម៉ាណែត បានថ្លែង');
    expect(r.findings[0]!.fixes[0]!.replacement).toBe('សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត');
    expect(matches(check('សម្តេចតេជោ ហ៊ុន សែន និង លោក ហ៊ុន សែន'))).toEqual(['លោក ហ៊ុន សែន']);
  });
});

/**
 * Protocol knowledge as rules (issue #11): offices and short names in
 * `address-form` entities, the title suggested in the draft's language, the
 * wrong-language state name (`official-name` with `wrong-language`), Khmer
 * former names taken from CLDR, organisation former names with grammar-keeping
 * fixes, and the foreign styles and office holders in the tables.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latinLanguage } from '@/lib/engine/rules/official-name';
import { applyFix, checkText, compilePacks } from '@/lib/engine';
import names from '@/lib/packs/defaults/core.names.json';
import address from '@/lib/packs/defaults/core.address.json';
import { validatePack } from '@/lib/packs/validate';
import type { Pack } from '@/lib/packs/schema';
import { CTX, matches, run } from '../engine/helpers';

const load = (json: unknown, file: string): Pack => {
  const r = validatePack(json, file);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.pack;
};
const namesPack = load(names, 'core.names.json');
const addressPack = load(address, 'core.address.json');
const compiled = compilePacks([namesPack, addressPack]);
const check = (text: string, rule: string) => checkText(compiled, text, CTX, { budgetMs: Infinity }).findings.filter((f) => f.ruleId === rule);
const fixed = (text: string, rule: string) => {
  const f = check(text, rule)[0];
  expect(f, `${rule} on ${text}`).toBeDefined();
  return applyFix(text, f!.fixes[0]!);
};

describe('address-form: offices, short names, per-language titles', () => {
  const entities: Pack['entities'] = [
    {
      id: 'pm',
      names: ['Hun Manet', 'ហ៊ុន ម៉ាណែត'],
      titles: ['Samdech Moha Borvor Thipadei', 'សម្តេចមហាបវរធិបតី'],
      offices: ['Prime Minister', 'Premier ministre', 'នាយករដ្ឋមន្ត្រី'],
      forbiddenTitles: ['Mr.', 'M.', 'លោក'],
    },
    {
      id: 'king',
      names: ['Norodom Sihamoni', 'នរោត្តម សីហមុនី'],
      shortNames: ['Sihamoni', 'សីហមុនី'],
      titles: ['His Majesty', 'King', 'Sa Majesté le Roi', 'le Roi', 'ព្រះករុណា'],
      preferredByLanguage: { en: 'His Majesty King', fr: 'Sa Majesté le Roi', km: 'ព្រះករុណា' },
    },
  ];
  const rule = { type: 'address-form', entities: ['*'], message: { en: '{suggestion} {name}' } } as const;
  const run1 = (text: string) => run(rule, text, undefined, { entities });

  it('an office alone is no title: flagged, the title goes between office and name', () => {
    const text = 'Prime Minister Hun Manet opened the fair.';
    const r = run1(text);
    expect(matches(r)).toEqual(['Hun Manet']);
    expect(applyFix(text, r.findings[0]!.fixes[0]!)).toBe('Prime Minister Samdech Moha Borvor Thipadei Hun Manet opened the fair.');
    expect(matches(run1('នាយករដ្ឋមន្ត្រី ហ៊ុនម៉ាណែត បានថ្លែង'))).toHaveLength(1);
  });

  it('a title before the office is enough, with or without a comma', () => {
    expect(run1('Samdech Moha Borvor Thipadei Prime Minister Hun Manet opened the fair.').findings).toHaveLength(0);
    expect(run1('Samdech Moha Borvor Thipadei, Prime Minister Hun Manet, opened the fair.').findings).toHaveLength(0);
    expect(run1('សម្តេចមហាបវរធិបតី នាយករដ្ឋមន្ត្រី ហ៊ុន ម៉ាណែត បានថ្លែង').findings).toHaveLength(0);
  });

  it('a forbidden title before the office is still flagged', () => {
    expect(matches(run1('M. Premier ministre Hun Manet est arrivé.'))).toEqual(['M. Premier ministre Hun Manet']);
  });

  it('a short name is flagged on every reference and fixed to the full style in the draft language', () => {
    const en = 'His Majesty King Norodom Sihamoni arrived. Later Sihamoni left.';
    const r = run1(en);
    expect(matches(r)).toEqual(['Sihamoni']);
    expect(applyFix(en, r.findings[0]!.fixes[0]!)).toBe('His Majesty King Norodom Sihamoni arrived. Later His Majesty King Norodom Sihamoni left.');
    const fr = 'Hier, le roi Sihamoni a reçu les ambassadeurs.';
    expect(applyFix(fr, run1(fr).findings[0]!.fixes[0]!)).toBe('Hier, Sa Majesté le Roi Norodom Sihamoni a reçu les ambassadeurs.');
    const km = 'សីហមុនី បានយាងមក';
    expect(applyFix(km, run1(km).findings[0]!.fixes[0]!)).toBe('ព្រះករុណា នរោត្តម សីហមុនី បានយាងមក');
    // Inside the full name the short name is not a reference of its own.
    expect(run1('ព្រះករុណា នរោត្តមសីហមុនី បានយាងមក').findings).toHaveLength(0);
  });

  it('a full name with no title gets the title in the draft language', () => {
    const fr = 'Norodom Sihamoni a reçu les lettres de créance.';
    expect(applyFix(fr, run1(fr).findings[0]!.fixes[0]!)).toBe('Sa Majesté le Roi Norodom Sihamoni a reçu les lettres de créance.');
  });
});

describe('the King named without his royal style: the fix in the language of the sentence (built-in packs)', () => {
  it('a French sentence gets the French style, even when short or inside an English draft', () => {
    expect(fixed('Norodom Sihamoni à Kampot.', 'address.king')).toBe('Sa Majesté le Roi Norodom Sihamoni à Kampot.');
    expect(fixed('Roi Sihamoni à Kampot.', 'address.king')).toBe('Sa Majesté le Roi Norodom Sihamoni à Kampot.');
    const mixed = 'Thank you to all our partners for the visit. Norodom Sihamoni a reçu les ambassadeurs à Phnom Penh.';
    expect(fixed(mixed, 'address.king')).toBe('Thank you to all our partners for the visit. Sa Majesté le Roi Norodom Sihamoni a reçu les ambassadeurs à Phnom Penh.');
    // The English sentence of a French draft keeps the English style.
    const fr = 'Nous avons été reçus par le Roi. \nNorodom Sihamoni received the ambassadors of the region.';
    const out = fixed(fr, 'address.king');
    expect(out).toContain('His Majesty Preah Bat Samdech Preah Boromneath Norodom Sihamoni received');
    expect(out).not.toContain('Sa Majesté le Roi Norodom');
  });

  it('a Khmer sentence gets the Khmer style, whether the name is in Khmer or Latin letters', () => {
    expect(fixed('នរោត្តម​សីហមុនី បានយាងទៅខេត្តកំពត។', 'address.king')).toBe('ព្រះករុណាព្រះបាទសម្តេចព្រះបរមនាថ នរោត្តម​សីហមុនី បានយាងទៅខេត្តកំពត។');
    expect(fixed('Norodom Sihamoni បានយាងទៅខេត្តកំពត ដើម្បីចូលរួមពិធីបុណ្យ។', 'address.king'))
      .toBe('ព្រះករុណាព្រះបាទសម្តេចព្រះបរមនាថ Norodom Sihamoni បានយាងទៅខេត្តកំពត ដើម្បីចូលរួមពិធីបុណ្យ។');
    // A Khmer name quoted in an English sentence still takes the Khmer style (a Latin title before Khmer letters reads wrong).
    expect(fixed('Today នរោត្តម សីហមុនី visited the province with the delegation.', 'address.king')).toContain('ព្រះករុណាព្រះបាទសម្តេចព្រះបរមនាថ នរោត្តម សីហមុនី');
  });

  it('a misspelt royal style is corrected in place, in the sentence language, without doubling "His Majesty"', () => {
    expect(fixed('Preah Bat Samdech Preah Boromneat Norodom Sihamoni a reçu les ambassadeurs.', 'names.title-spelling'))
      .toBe('Preah Bat Samdech Preah Boromneath Norodom Sihamoni a reçu les ambassadeurs.');
    expect(fixed('Sa Majesté Preah Bat Samdech Preah Boromneat Norodom Sihamoni a reçu les ambassadeurs.', 'names.title-spelling'))
      .toBe('Sa Majesté Preah Bat Samdech Preah Boromneath Norodom Sihamoni a reçu les ambassadeurs.');
    expect(fixed('His Majesty Preah Bath Samdech Preah Boromneath Norodom Sihamoni received the ambassadors.', 'names.title-spelling'))
      .toBe('His Majesty Preah Bat Samdech Preah Boromneath Norodom Sihamoni received the ambassadors.');
  });

  it('a misspelt royal style directly before the name counts as a style: only the spelling rule fires, address.king stays silent', () => {
    const drafts = [
      'Preah Bat Samdech Preah Boromneat Norodom Sihamoni received the ambassadors.',
      'His Majesty Preah Bath Samdech Preah Boromneath Norodom Sihamoni presided over the ceremony.',
      'Sa Majestée Norodom Sihamoni a reçu les ambassadeurs.',
    ];
    for (const d of drafts) {
      expect(check(d, 'names.title-spelling'), d).toHaveLength(1);
      expect(check(d, 'address.king'), d).toHaveLength(0);
    }
    // The spelling fix alone gives a correctly styled reference.
    const fixedText = fixed(drafts[0]!, 'names.title-spelling');
    expect(check(fixedText, 'address.king')).toHaveLength(0);
    // A misspelt style elsewhere in the sentence is no style for the name: still flagged.
    expect(check('Preah Bat Samdech Preah Boromneat was cited; Norodom Sihamoni received the ambassadors.', 'address.king')).toHaveLength(1);
    // A misspelt style after "Mr." is still no excuse for "Mr.".
    expect(check('Mr. Norodom Sihamoni received the ambassadors.', 'address.king')).toHaveLength(1);
  });
});

describe('names.position: wording that contradicts a stated position of the Royal Government', () => {
  it('flags Taiwan named as a State in English, French and Khmer, with the entry\'s note as explanation and its source', () => {
    const f = check('Investors from the Republic of China toured the port.', 'names.position');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.explanation.en).toMatch(/one-China policy/);
    expect(f[0]!.explanation.fr).toMatch(/seule Chine/);
    expect(f[0]!.explanation.km).toMatch(/ចិនតែមួយ/);
    expect(f[0]!.sources.map((s) => s.id)).toEqual(['KH-ONE-CHINA-2025']);
    expect(f[0]!.sources[0]!.url).toMatch(/^https?:\/\//);
    // Ambiguous (China or Taiwan?): no fix, the note says what to write.
    expect(f[0]!.fixes).toHaveLength(0);
    expect(check('Le gouvernement de Taiwan a publié un communiqué.', 'names.position')).toHaveLength(1);
    expect(check('ប្រធានាធិបតី\u200Bតៃវ៉ាន់ បានថ្លែង។', 'names.position')).toHaveLength(1);
    expect(check('ពីសាធារណរដ្ឋ ចិន មកកម្ពុជា។', 'names.position')).toHaveLength(1);
  });

  it('never flags the People\'s Republic of China, neutral "Taiwan", nor the Republic of China in a sentence dated up to 1949', () => {
    for (const ok of [
      "Talks with the People's Republic of China went well.",
      'Talks with the People’s Republic of China went well.',
      'THE PEOPLE’S REPUBLIC OF CHINA',
      'Les entretiens avec la République populaire de Chine ont été fructueux.',
      'កិច្ចពិភាក្សាជាមួយសាធារណរដ្ឋប្រជាមានិតចិន បានប្រព្រឹត្តទៅល្អ។',
      'Trade with Taiwan grew last year.',
      'In 1945 the Republic of China signed the Charter in San Francisco.',
      'នៅឆ្នាំ១៩៤៥ សាធារណរដ្ឋចិនបានចុះហត្ថលេខាលើធម្មនុញ្ញ',
    ]) expect(check(ok, 'names.position'), ok).toHaveLength(0);
    // A later year is no history.
    expect(check('In 2024 the Republic of China held elections.', 'names.position')).toHaveLength(1);
  });

  it('fixes only where the wording is clear: "Republic of China (Taiwan)" becomes Taiwan, keeping grammar', () => {
    expect(fixed('Exhibitors from the Republic of China (Taiwan) joined the fair.', 'names.position')).toBe('Exhibitors from Taiwan joined the fair.');
    expect(fixed('Exhibitors from the ROC (Taiwan) joined the fair.', 'names.position')).toBe('Exhibitors from Taiwan joined the fair.');
    expect(fixed('Une entreprise de la République de Chine (Taïwan) est venue.', 'names.position')).toBe('Une entreprise de Taïwan est venue.');
    expect(check('A letter from the President of Taiwan.', 'names.position')[0]!.fixes).toHaveLength(0);
  });

  it('an organisation pack can add a position: its own note as explanation, and a fix only when it names the wording ("to")', () => {
    const text = 'The Foreign Ministry of the Republic of Testland spoke.';
    const pack: Pack = {
      ...namesPack, id: 'org.positions', rules: namesPack.rules.filter((r) => r.id === 'names.position'),
      tables: { states: [{ id: 'xx', code: 'XX', status: 'territory', names: { en: { short: 'Testland' } }, sources: ['KH-ONE-CHINA-2025'],
        former: [{ name: 'Republic of Testland', lang: 'en', status: 'position', to: 'Testland', note: { en: 'Own note.' }, source: 'KH-ONE-CHINA-2025' }] }] },
    };
    const g = compilePacks([pack]);
    const f = checkText(g, text, CTX, { budgetMs: Infinity }).findings.filter((x) => x.ruleId === 'names.position');
    expect(f).toHaveLength(1);
    expect(f[0]!.explanation.en).toBe('Own note.');
    expect(applyFix(text, f[0]!.fixes[0]!)).toBe('The Foreign Ministry of Testland spoke.');
  });
});

describe('names.wrong-language', () => {
  it('flags an English state name in a French sentence, with the French name and its article', () => {
    expect(fixed('Nous avons signé un accord avec le Japan hier.', 'names.wrong-language')).toBe('Nous avons signé un accord avec le Japon hier.');
    expect(fixed("L'ambassadeur de Cambodia est arrivé à Paris.", 'names.wrong-language')).toBe("L'ambassadeur du Cambodge est arrivé à Paris.");
    expect(fixed('Notre ambassade en Germany a organisé une réception.', 'names.wrong-language')).toBe('Notre ambassade en Allemagne a organisé une réception.');
  });

  it('leaves English sentences, English phrases, same-spelt names and French place names alone', () => {
    expect(check('We signed an agreement with Japan and Cambodia today.', 'names.wrong-language')).toHaveLength(0);
    expect(check("Le Japan Times a publié l'entretien avec le ministre.", 'names.wrong-language')).toHaveLength(0);
    expect(check("Le vol d'Air China est arrivé avec la délégation.", 'names.wrong-language')).toHaveLength(0);
    expect(check('Le ministre a rencontré la Bank of Thailand et le FMI.', 'names.wrong-language')).toHaveLength(0);
    expect(check('La coopération avec le Canada et le Niger est solide.', 'names.wrong-language')).toHaveLength(0);
    expect(check("L'ambassadeur s'est rendu à Mexico pour la conférence.", 'names.wrong-language')).toHaveLength(0);
    // A bilingual post: the English line is English.
    expect(check('Visite officielle au Japon pour la conférence.\nOfficial visit to Japan for the conference.', 'names.wrong-language')).toHaveLength(0);
  });

  it('tells the draft language by whole function words in any case (as a Unicode regular expression would)', () => {
    // Reference: the same word lists as whole words, case-insensitive with Unicode case folding.
    const words = (list: string) => new RegExp(`(?:^|[^\\p{L}])(?:${list})(?=[^\\p{L}]|$)`, 'giu');
    const FR = words('le|la|les|des|du|et|est|une|pour|avec|dans|sur|aux|au|nous|avons|été');
    const EN = words('the|and|of|to|with|is|for|in|on|we|our|has|have|was|were');
    const reference = (t: string) => ((t.match(FR)?.length ?? 0) > (t.match(EN)?.length ?? 0) ? 'fr' : 'en');
    const pieces = ['le', 'LA', 'Les', 'été', 'ÉTÉ', 'the', 'OF', 'is', 'leſ', 'ſur', 'lé', 'théâtre', 'and', 'l', "'", '’', ' ', '.', '-', 'ក្រសួង', '𝐀', 'x', '1', 'était', 'Étéa'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(latinLanguage(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Khmer former names and organisation former names', () => {
  it('takes Khmer former names from CLDR where the English alternative is a listed former name', () => {
    const tl = namesPack.tables!.states!.find((s) => s.code === 'TL')!;
    expect(tl.former).toContainEqual(expect.objectContaining({ name: 'ទីម័រខាងកើត', lang: 'km', until: '2002', status: 'former', source: 'CLDR' }));
    expect(tl.variants?.km ?? []).not.toContain('ទីម័រខាងកើត');
  });

  it('flags Khmer former names written with or without spaces and zero-width spaces', () => {
    expect(fixed('ទំនាក់ទំនងជាមួយទីម័រ\u200Bខាង\u200Bកើត', 'names.former')).toBe('ទំនាក់ទំនងជាមួយទីម័រលេស្តេ');
    expect(check('ប្រតិភូពី ទីម័រ ខាងកើត', 'names.former')).toHaveLength(1);
    expect(check('តំណាងហ្សាអៀរបានមកដល់', 'names.former')).toHaveLength(1);
    expect(check('កិច្ចសហប្រតិបត្តិការជាមួយមីយ៉ាន់ម៉ា', 'names.former')).toHaveLength(0);
  });

  it('fixes organisation former names keeping articles', () => {
    expect(fixed('Members of the OAU met in Addis Ababa.', 'names.former')).toBe('Members of the African Union met in Addis Ababa.');
    expect(fixed("Le rôle de l'OUA fut salué.", 'names.former')).toBe("Le rôle de l'Union africaine fut salué.");
    expect(fixed('Le Cambodge et la CEE ont signé un accord.', 'names.former')).toBe("Le Cambodge et l'Union européenne ont signé un accord.");
  });

  it('flags misspelt honorifics in English, French and Khmer', () => {
    expect(fixed('Her Exelency the Ambassador arrived.', 'names.title-spelling')).toBe('Her Excellency the Ambassador arrived.');
    expect(fixed("Son Excellance l'ambassadeur est arrivé.", 'names.title-spelling')).toBe("Son Excellence l'ambassadeur est arrivé.");
    expect(fixed('សំដេច បានអញ្ជើញ', 'names.title-spelling')).toBe('សម្តេច បានអញ្ជើញ');
    expect(check('Samdech Techo presided.', 'names.title-spelling')).toHaveLength(0);
  });
});

describe('forms of address as data', () => {
  it('holds foreign heads of state with an as-of date and a source, and styles per state', () => {
    const t = namesPack.tables!;
    const holders = t.holders!.filter((h) => h.state && h.state !== 'KH');
    expect(holders.length).toBeGreaterThanOrEqual(25);
    for (const h of holders) {
      expect(h.asOf, h.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(h.sources.length, h.id).toBeGreaterThan(0);
      expect(h.name.fr, h.id).toBeTruthy();
    }
    expect(t.styles!.find((s) => s.id === 'style.monarch')!.states).toEqual(expect.arrayContaining(['TH', 'GB', 'SA', 'BH']));
    expect(t.styles!.find((s) => s.id === 'style.governor-general')!.states).toContain('AU');
  });

  it('the Khmer double honorific ឯកឧត្តម លោក is flagged, a list of addressees is not', () => {
    expect(fixed('ឯកឧត្តម​លោក សុខ ចិន្តា បានថ្លែង', 'address.excellency-lok-km')).toBe('ឯកឧត្តម សុខ ចិន្តា បានថ្លែង');
    expect(check('ឯកឧត្តម លោកជំទាវ លោក លោកស្រី ជាទីមេត្រី', 'address.excellency-lok-km')).toHaveLength(0);
  });
});

describe('lookup over the new knowledge', () => {
  it('finds foreign office holders, organisation former names and Khmer former names', async () => {
    const { guidelineIndex } = await import('@/lib/search');
    const { mergeTables } = await import('@/lib/entities/merge');
    const packs = [namesPack, addressPack];
    const index = guidelineIndex(packs, undefined, mergeTables(packs));
    const first = (q: string, lang: 'en' | 'fr' | 'km' = 'en') => index.search(q, { lang }).slice(0, 3).map((r) => r.id);
    expect(first('Naruhito')).toContain('holder.jp.emperor');
    expect(first('Léon XIV', 'fr')).toContain('holder.va.pope');
    expect(first('OUA', 'fr')).toContain('organisation.au');
    expect(first('ទីម័រខាងកើត', 'km')).toContain('state.tl');
    expect(first('Governor-General')).toContain('style.governor-general');
  });
});

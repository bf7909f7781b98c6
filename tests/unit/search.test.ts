/**
 * Guideline lookup (lib/search): tokenisation (Latin folding, Khmer bigrams,
 * coeng ta/da), what is indexed (rules, forms of address, official names,
 * glossary, in en/km/fr), typo tolerance, ranking, caching, and speed on the
 * full default data.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { validatePack } from '@/lib/packs/validate';
import type { Pack } from '@/lib/packs/schema';
import { defaultGlossary } from '@/lib/translation/glossary';
import { buildEntries, foldText, GuidelineIndex, guidelineIndex, tokenize } from '@/lib/search';

const packs: Pack[] = DEFAULT_PACKS.map((json) => {
  const r = validatePack(json, 'default');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
});
const index = guidelineIndex(packs, defaultGlossary);
const ids = (q: string, lang: 'en' | 'km' | 'fr' = 'en') => index.search(q, { lang }).map((r) => r.id);

describe('tokenize', () => {
  it('folds case, accents and apostrophes in Latin text', () => {
    expect(tokenize('Ministère des Affaires étrangères')).toEqual(['ministere', 'des', 'affaires', 'etrangeres']);
    expect(foldText('Côte d’Ivoire')).toBe("cote d'ivoire");
  });

  it('indexes Khmer as bigrams, ignoring optional spaces and zero-width spaces', () => {
    const a = tokenize('ហ៊ុន សែន');
    expect(tokenize('ហ៊ុនសែន')).toEqual(a);
    expect(tokenize('ហ៊ុន\u200Bសែន')).toEqual(a);
    expect(a.length).toBe('ហ៊ុនសែន'.length - 1);
  });

  it('folds COENG DA into COENG TA (សម្ដេច = សម្តេច)', () => {
    expect(tokenize('សម្ដេច')).toEqual(tokenize('សម្តេច'));
  });

  it('keeps mixed Khmer/Latin text apart', () => {
    const t = tokenize('Samdech សម្តេច');
    expect(t).toContain('samdech');
    expect(t.filter((x) => x.startsWith('\u0001')).length).toBe(5);
  });
});

describe('what the index holds', () => {
  const entries = buildEntries(packs, defaultGlossary);
  it('has every active rule, every dignitary of the address table and every glossary term, with unique ids', () => {
    const ruleCount = packs.reduce((n, p) => n + p.rules.length, 0);
    const entityCount = packs.reduce((n, p) => n + (p.entities?.length ?? 0), 0);
    expect(entries.filter((e) => e.kind === 'guideline')).toHaveLength(ruleCount);
    expect(entries.filter((e) => e.kind === 'title')).toHaveLength(entityCount);
    expect(entries.filter((e) => e.kind === 'glossary')).toHaveLength(defaultGlossary.terms.length);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('gives rules a readable title (placeholders filled) with explanation and sources', () => {
    const king = entries.find((e) => e.id === 'address.king')!;
    expect(king.title.en).not.toMatch(/\{\w+\}/);
    expect(king.title.en).toContain('Norodom Sihamoni');
    expect(king.explanation?.km).toBeTruthy();
    expect(king.sources.length).toBeGreaterThan(0);
    for (const e of entries.filter((x) => x.kind === 'guideline')) expect(e.sources.length, e.id).toBeGreaterThan(0);
  });
});

describe('lookup', () => {
  it('finds a rule by a word of its message or explanation (English)', () => {
    expect(ids('classified').slice(0, 5).some((id) => id.startsWith('security.'))).toBe(true);
  });

  it('finds a dignitary by name, in Latin or Khmer script', () => {
    expect(ids('Hun Manet').slice(0, 3)).toContain('hun-manet');
    expect(ids('ហ៊ុន ម៉ាណែត', 'km').slice(0, 3)).toContain('hun-manet');
    expect(ids('ម៉ាណែត', 'km').slice(0, 3)).toContain('hun-manet');
  });

  it('finds Khmer titles written with either coeng ta or coeng da', () => {
    const ta = ids('សម្តេច', 'km');
    const da = ids('សម្ដេច', 'km');
    expect(ta.length).toBeGreaterThan(0);
    expect(da).toEqual(ta);
  });

  it('tolerates typos', () => {
    expect(ids('Sihamony').slice(0, 3)).toContain('norodom-sihamoni');
    expect(ids('Eswatinni').some((id) => id.startsWith('names.'))).toBe(true);
  });

  it('finds official names (names pack) and glossary terms in French', () => {
    const r = index.search('Royaume du Cambodge', { lang: 'fr' });
    expect(r[0]?.id).toBe('kingdom-of-cambodia');
    expect(r[0]?.title).toBe('Royaume du Cambodge');
    expect(ids('Myanmar').some((id) => id.startsWith('names.'))).toBe(true);
  });

  it('matches while typing (prefixes)', () => {
    expect(ids('Sihamo').slice(0, 3)).toContain('norodom-sihamoni');
  });

  it('returns text in the UI language with an English fallback', () => {
    const [km] = index.search('Norodom Sihamoni', { lang: 'km' });
    expect(km?.title).toMatch(/[\u1780-\u17FF]/);
    const [en] = index.search('Norodom Sihamoni', { lang: 'en' });
    expect(en?.title).toMatch(/Norodom Sihamoni/);
  });

  it('returns nothing for an empty or meaningless query', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('qqqqzzzzxx')).toEqual([]);
  });
});

describe('caching and speed on the full default data', () => {
  it('builds once per set of packs', () => {
    expect(guidelineIndex(packs, defaultGlossary)).toBe(index);
    expect(guidelineIndex([...packs], defaultGlossary)).not.toBe(index);
  });

  it('builds in well under a second and answers each query within 50 ms', () => {
    const fresh = new GuidelineIndex(buildEntries(packs, defaultGlossary));
    const queries = ['s', 'sa', 'sam', 'samd', 'samdech', 'Hun Manet', 'សម្តេច', 'ហ៊ុនសែន', 'embargo', 'Mr', 'classifed', 'Cambodge', 'ព្រះករុណា'];
    let worst = 0;
    for (const q of queries) {
      const t0 = performance.now();
      fresh.search(q);
      worst = Math.max(worst, performance.now() - t0);
    }
    console.info(`guideline index: ${fresh.entries.length} entries, built in ${fresh.buildMs.toFixed(1)} ms, slowest query ${worst.toFixed(2)} ms`);
    expect(fresh.buildMs).toBeLessThan(1000);
    expect(worst).toBeLessThan(50);
  });
});

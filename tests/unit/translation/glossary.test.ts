import { describe, expect, it } from 'vitest';
import {
  checkGlossary,
  defaultGlossary,
  findTerms,
  glossarySpans,
  mergeGlossaries,
  parseGlossary,
  type Glossary,
} from '../../../lib/translation/glossary';
import { findProtectedSpans, maskPlaceholders, restorePlaceholders } from '../../../lib/translation/protect';

const MFAIC = {
  en: 'Ministry of Foreign Affairs and International Cooperation',
  km: 'ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ',
  fr: 'Ministère des Affaires étrangères et de la Coopération internationale',
};

describe('default glossary data', () => {
  it('parses, has unique ids, and every term has en, km and fr forms', () => {
    const ids = defaultGlossary.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of defaultGlossary.terms) {
      for (const lang of ['en', 'km', 'fr']) expect(t.forms[lang]?.length, `${t.id}.${lang}`).toBeGreaterThan(0);
    }
  });

  it('contains the ministry name in the three languages, reviewed', () => {
    const t = defaultGlossary.terms.find((x) => x.id === 'mfaic')!;
    expect(t.reviewed).toBe(true);
    expect([t.forms.en![0], t.forms.km![0], t.forms.fr![0]]).toEqual([MFAIC.en, MFAIC.km, MFAIC.fr]);
  });

  it('rejects malformed glossaries', () => {
    expect(() => parseGlossary({ id: 'x', terms: [{ id: 't', forms: { en: [] } }] })).toThrow();
  });
});

describe('findTerms', () => {
  it('prefers the longest term (Minister of … over Ministry/ASEAN parts, Deputy PM over PM)', () => {
    const text = `The Deputy Prime Minister and ${MFAIC.en.replace('Ministry', 'Minister')} signed the ASEAN Charter.`;
    expect(findTerms(text, defaultGlossary, 'en').map((m) => m.termIds[0])).toEqual(['deputy-prime-minister', 'minister-mfaic', 'asean-charter']);
  });

  it('matches Khmer terms with or without zero-width spaces and the inner space', () => {
    const withZwsp = 'ក្រសួង\u200Bការបរទេស និង\u200Bសហប្រតិបត្តិការ\u200Bអន្តរជាតិ';
    const noSpace = 'ក្រសួងការបរទេសនិងសហប្រតិបត្តិការអន្តរជាតិ';
    for (const t of [withZwsp, noSpace]) expect(findTerms(`សេចក្តីថ្លែងការណ៍ ${t}`, defaultGlossary, 'km').map((m) => m.termIds[0])).toEqual(['mfaic']);
    expect(findTerms('ឧបនាយករដ្ឋមន្ត្រី', defaultGlossary, 'km').map((m) => m.termIds[0])).toEqual(['deputy-prime-minister']);
  });

  it('is case-sensitive on word boundaries by default and accepts either apostrophe', () => {
    expect(findTerms('the ambassador said', defaultGlossary, 'en')).toEqual([]);
    expect(findTerms('Ambassadorship', defaultGlossary, 'en')).toEqual([]);
    expect(findTerms('la Charte de l’ASEAN', defaultGlossary, 'fr').map((m) => m.termIds[0])).toEqual(['asean-charter']);
  });
});

describe('forcing terms', () => {
  it('turns source terms into spans whose output is the approved target term', () => {
    const text = `Statement by the ${MFAIC.en} of the Kingdom of Cambodia`;
    const spans = glossarySpans(text, defaultGlossary, 'en', 'km');
    expect(spans.map((s) => [s.text, s.output])).toEqual([
      [MFAIC.en, MFAIC.km],
      ['Kingdom of Cambodia', 'ព្រះរាជាណាចក្រកម្ពុជា'],
    ]);
  });

  it('substitutes the approved term through a placeholder engine round trip', () => {
    const text = `Le ${MFAIC.fr} salue le peuple.`;
    const spans = findProtectedSpans(text, { extra: glossarySpans(text, defaultGlossary, 'fr', 'en') });
    const m = maskPlaceholders(text, spans);
    expect(m.masked).toBe('Le ⟦1⟧ salue le peuple.');
    const engineOut = 'The ⟦1⟧ greets the people.'; // what an engine returns for the masked text
    expect(restorePlaceholders(engineOut, m).text).toBe(`The ${MFAIC.en} greets the people.`);
  });

  it('can restrict forcing to reviewed terms', () => {
    const text = 'Ambassador and Kingdom of Cambodia';
    expect(glossarySpans(text, defaultGlossary, 'en', 'fr', { reviewedOnly: true }).map((s) => s.termId)).toEqual(['kingdom-of-cambodia']);
  });
});

describe('checkGlossary', () => {
  it('passes when the approved rendering is present (any accepted variant, any case)', () => {
    expect(checkGlossary(`The ${MFAIC.en} and the United Nations`, `Le ${MFAIC.fr.toLowerCase()} et les Nations unies`, 'en', 'fr', defaultGlossary)).toEqual([]);
  });

  it('flags a term the engine rendered differently', () => {
    const issues = checkGlossary(
      `Statement of the ${MFAIC.en}`,
      'Déclaration du ministère des Affaires étrangères et de la Coopération internationale',
      'en',
      'fr',
      defaultGlossary,
    );
    // Sentence-case "ministère des …" is an accepted rendering (checks are case-insensitive); now a real miss:
    expect(issues).toEqual([]);
    const bad = checkGlossary(`Statement of the ${MFAIC.en}`, 'Déclaration du ministère des relations extérieures', 'en', 'fr', defaultGlossary);
    expect(bad).toEqual([
      { termId: 'mfaic', sourceText: MFAIC.en, expected: MFAIC.fr, sourceCount: 1, translationCount: 0, reviewed: true },
    ]);
  });

  it('reports a term left untranslated and counts repeated terms', () => {
    const issues = checkGlossary('ASEAN Charter: the Kingdom of Cambodia and the Kingdom of Cambodia', 'ធម្មនុញ្ញអាស៊ាន Kingdom of Cambodia និង ព្រះរាជាណាចក្រកម្ពុជា', 'en', 'km', defaultGlossary);
    expect(issues).toEqual([
      {
        termId: 'kingdom-of-cambodia',
        sourceText: 'Kingdom of Cambodia',
        expected: 'ព្រះរាជាណាចក្រកម្ពុជា',
        sourceCount: 2,
        translationCount: 1,
        found: 'Kingdom of Cambodia',
        reviewed: true,
      },
    ]);
  });

  it('ignores terms inside hashtags, mentions and URLs', () => {
    expect(checkGlossary('Ready for #ASEAN at https://asean.org/ASEAN', 'Prêts pour #ASEAN sur https://asean.org/ASEAN', 'en', 'km', defaultGlossary)).toEqual([]);
  });

  it('works with an extended organisation glossary (new language, override)', () => {
    const org: Glossary = {
      id: 'org',
      terms: [
        { id: 'asean', reviewed: true, forms: { en: ['ASEAN'], km: ['អាស៊ាន'], fr: ['ASEAN'], th: ['อาเซียน'] } },
        { id: 'mekong', reviewed: false, forms: { en: ['Mekong-Lancang Cooperation'], fr: ['Coopération Mékong-Lancang'] } },
      ],
    };
    const g = mergeGlossaries(defaultGlossary, org);
    expect(g.terms.filter((t) => t.id === 'asean')).toHaveLength(1);
    expect(checkGlossary('ASEAN summit', 'การประชุมสุดยอด', 'en', 'th', g).map((i) => [i.termId, i.expected])).toEqual([['asean', 'อาเซียน']]);
    expect(checkGlossary('Mekong-Lancang Cooperation', 'coopération Mékong‑Lancang', 'en', 'fr', g)).toEqual([]);
  });
});

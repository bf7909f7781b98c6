import { describe, expect, it } from 'vitest';
import {
  STANDARD_TEMPLATE,
  checkAltText,
  checkCamelCaseHashtags,
  checkNoErrors,
  checkSourceLink,
  checkTranslationAttached,
  checkWithinLimit,
  evaluateAutoCheck,
  evaluateTemplateAutoChecks,
  isLowerCaseMultiWordHashtag,
  type FindingLike,
} from '@/lib/checklist';

const finding = (severity: FindingLike['severity'], ruleId = 'r', category = 'style'): FindingLike => ({
  severity,
  ruleId,
  category,
});

describe('no-errors', () => {
  it('passes with no error findings, fails with one, unknown before the engine ran', () => {
    expect(checkNoErrors([])).toBe('pass');
    expect(checkNoErrors([finding('warning'), finding('suggestion')])).toBe('pass');
    expect(checkNoErrors([finding('warning'), finding('error')])).toBe('fail');
    expect(checkNoErrors(undefined)).toBe('unknown');
  });
});

describe('within-limit', () => {
  it('compares the count with the platform limit, inclusive', () => {
    expect(checkWithinLimit({ count: 280, limit: 280 })).toBe('pass');
    expect(checkWithinLimit({ count: 281, limit: 280 })).toBe('fail');
  });
  it('is unknown without a count or a limit', () => {
    expect(checkWithinLimit(undefined)).toBe('unknown');
    expect(checkWithinLimit({ count: 10, limit: null })).toBe('unknown');
    expect(checkWithinLimit({ count: Number.NaN, limit: 280 })).toBe('unknown');
  });
  it('applies a stricter limit from params (the smaller wins)', () => {
    expect(checkWithinLimit({ count: 250, limit: 280 }, { limit: 240 })).toBe('fail');
    expect(checkWithinLimit({ count: 250, limit: null }, { limit: 300 })).toBe('pass');
    expect(checkWithinLimit({ count: 250, limit: 280 }, { limit: 'x' })).toBe('pass');
  });
});

describe('alt-text', () => {
  it('passes when every exposed image has alt text, or there are no images', () => {
    expect(checkAltText([{ alt: 'The Ambassador with the Minister' }, { alt: 'Flag' }])).toBe('pass');
    expect(checkAltText([])).toBe('pass');
  });
  it('fails when an exposed image has no or blank alt text', () => {
    expect(checkAltText([{ alt: 'Flag' }, { alt: '  ' }])).toBe('fail');
    expect(checkAltText([{ alt: null }])).toBe('fail');
    expect(checkAltText([{ altExposed: false }, {}])).toBe('fail');
  });
  it('is unknown when the platform does not expose alt text, so the item stays manual', () => {
    expect(checkAltText('unknown')).toBe('unknown');
    expect(checkAltText(undefined)).toBe('unknown');
    expect(checkAltText([{ alt: 'ok' }, { altExposed: false }])).toBe('unknown');
  });
});

describe('camelcase-hashtags', () => {
  it('flags multi-word lower-case tags and accepts CamelCase, single words, Khmer and acronyms', () => {
    expect(isLowerCaseMultiWordHashtag('humanrights')).toBe(true);
    expect(isLowerCaseMultiWordHashtag('#cambodiaday')).toBe(true);
    expect(isLowerCaseMultiWordHashtag('droitshumains')).toBe(true);
    expect(isLowerCaseMultiWordHashtag('cambodia_asean')).toBe(true);
    expect(isLowerCaseMultiWordHashtag('asean2025')).toBe(true);
    expect(isLowerCaseMultiWordHashtag('HumanRights')).toBe(false);
    expect(isLowerCaseMultiWordHashtag('cambodia')).toBe(false);
    expect(isLowerCaseMultiWordHashtag('ASEAN')).toBe(false);
    expect(isLowerCaseMultiWordHashtag('កម្ពុជា')).toBe(false);
    expect(isLowerCaseMultiWordHashtag('angkorwat')).toBe(false);
    expect(isLowerCaseMultiWordHashtag('angkorwat', ['wat'])).toBe(true);
  });

  it('computes the result from the draft', () => {
    expect(checkCamelCaseHashtags('Happy #CambodiaDay! #ASEAN #កម្ពុជា', [])).toBe('pass');
    expect(checkCamelCaseHashtags('Standing for #humanrights', [])).toBe('fail');
    expect(checkCamelCaseHashtags('No tags at all', undefined)).toBe('pass');
  });

  it('fails on a CamelCase finding from the engine even if the tag is not in the lexicon', () => {
    expect(checkCamelCaseHashtags('#angkorwat', [finding('suggestion', 'hashtag-camelcase', 'hashtags')])).toBe('fail');
    expect(checkCamelCaseHashtags('#angkorwat', [finding('warning', 'camel-case', 'hashtag')])).toBe('fail');
    expect(checkCamelCaseHashtags('#angkorwat', [finding('warning', 'tags-1', 'style')], { ruleIds: ['tags-1'] })).toBe('fail');
    // A hashtag finding about something else does not fail this check.
    expect(checkCamelCaseHashtags('#Angkor', [finding('warning', 'hashtag-count', 'hashtags')])).toBe('pass');
  });
});

describe('translation-attached', () => {
  const km = 'ស្ថានទូតនៃព្រះរាជាណាចក្រកម្ពុជាសូមជម្រាបជូនពលរដ្ឋខ្មែរទាំងអស់';
  const en = 'The Embassy of the Kingdom of Cambodia informs all Cambodian nationals';
  it('passes when not required and is unknown when the requirement is unknown', () => {
    expect(checkTranslationAttached(km, false, undefined)).toBe('pass');
    expect(checkTranslationAttached(km, undefined, undefined)).toBe('unknown');
  });
  it('requires both Khmer and Latin text when a bilingual post is required', () => {
    expect(checkTranslationAttached(`${km}\n\n${en}`, true, undefined)).toBe('pass');
    expect(checkTranslationAttached(km, true, undefined)).toBe('fail');
    expect(checkTranslationAttached(en, true, undefined)).toBe('fail');
    // A Khmer post with a short English name, link and hashtag is not bilingual.
    expect(checkTranslationAttached(`${km} ASEAN https://mfaic.gov.kh #CambodiaTogether`, true, undefined)).toBe('fail');
  });
  it('trusts the caller when it knows a translation is attached', () => {
    expect(checkTranslationAttached(km, true, true)).toBe('pass');
    expect(checkTranslationAttached(`${km} ${en}`, true, false)).toBe('fail');
    expect(checkTranslationAttached('ខ្មែរ English', true, undefined, { minLetters: 3 })).toBe('pass');
    expect(checkTranslationAttached('ខ្មែរ English', true, undefined, { minLetters: 4 })).toBe('fail');
  });
});

describe('source-link', () => {
  it('passes when nothing is cited', () => {
    expect(checkSourceLink('We welcomed the delegation today.', undefined)).toBe('pass');
    expect(checkSourceLink('A study visit to Siem Reap.', undefined)).toBe('pass');
  });
  it('fails when a source is cited without a link, in en/fr/km', () => {
    expect(checkSourceLink('According to the Ministry, exports rose 12%.', undefined)).toBe('fail');
    expect(checkSourceLink('Source: National Institute of Statistics', undefined)).toBe('fail');
    expect(checkSourceLink('Selon le ministère, les exportations ont augmenté.', undefined)).toBe('fail');
    expect(checkSourceLink('តាមរបាយការណ៍របស់ក្រសួង ការនាំចេញបានកើនឡើង', undefined)).toBe('fail');
    expect(checkSourceLink('The annual report shows growth.', undefined)).toBe('fail');
  });
  it('passes when the cited source has a link in the text or attached', () => {
    expect(checkSourceLink('According to the Ministry: https://mfaic.gov.kh/x', undefined)).toBe('pass');
    expect(checkSourceLink('តាមរបាយការណ៍ www.nis.gov.kh/report', undefined)).toBe('pass');
    expect(checkSourceLink('According to the Ministry', ['https://mfaic.gov.kh/x'])).toBe('pass');
    expect(checkSourceLink('According to the Ministry', ['  '])).toBe('fail');
  });
  it('accepts extra citation words from params', () => {
    expect(checkSourceLink('As stated by the Council', undefined, { terms: ['as stated by'] })).toBe('fail');
  });
});

describe('evaluateAutoCheck / evaluateTemplateAutoChecks', () => {
  it('dispatches each check id', () => {
    const input = { text: '#humanrights', findings: [finding('error')], length: { count: 5, limit: 3 }, images: 'unknown' as const };
    expect(evaluateAutoCheck('no-errors', input)).toBe('fail');
    expect(evaluateAutoCheck('within-limit', input)).toBe('fail');
    expect(evaluateAutoCheck('within-limit', input, { limit: 2 })).toBe('fail');
    expect(evaluateAutoCheck('alt-text', input)).toBe('unknown');
    expect(evaluateAutoCheck('camelcase-hashtags', input)).toBe('fail');
    expect(evaluateAutoCheck('translation-attached', input)).toBe('unknown');
    expect(evaluateAutoCheck('source-link', input)).toBe('pass');
  });

  it('returns a result for each automatic item of a template and nothing for manual ones', () => {
    const results = evaluateTemplateAutoChecks(STANDARD_TEMPLATE, {
      text: 'Hello',
      findings: [],
      length: { count: 5, limit: 280 },
      images: [],
    });
    expect(results).toEqual({
      'no-errors': 'pass',
      'within-limit': 'pass',
      'alt-text': 'pass',
      'source-link': 'pass',
      hashtags: 'pass',
    });
  });
});

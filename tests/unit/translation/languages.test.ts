import { describe, expect, it } from 'vitest';
import {
  fromIso639_3,
  languageName,
  normalizeTag,
  sameLanguage,
  toApertium,
  toChrome,
  toDeepL,
  toGoogle,
  toLibreTranslate,
  toMicrosoft,
} from '../../../lib/translation/languages';

describe('language codes', () => {
  it('maps BCP-47 to Apertium ISO 639-3 codes and back', () => {
    expect([toApertium('en'), toApertium('es'), toApertium('fr'), toApertium('km'), toApertium('en-US'), toApertium('pt_br')]).toEqual([
      'eng', 'spa', 'fra', 'khm', 'eng_US', 'por_BR',
    ]);
    expect([fromIso639_3('eng'), fromIso639_3('spa'), fromIso639_3('eng_US'), fromIso639_3('cmn'), fromIso639_3('zlm'), fromIso639_3('tgl')]).toEqual([
      'en', 'es', 'en-US', 'zh', 'ms', 'fil',
    ]);
    expect(toApertium('xx')).toBeUndefined();
  });

  it('maps provider-specific codes', () => {
    expect([toDeepL('en', 'target'), toDeepL('en-US', 'target'), toDeepL('en-GB', 'source'), toDeepL('pt-BR', 'target'), toDeepL('zh-Hant', 'target'), toDeepL('fil', 'source')]).toEqual([
      'EN-GB', 'EN-US', 'EN', 'PT-BR', 'ZH-HANT', 'TL',
    ]);
    expect([toGoogle('zh'), toGoogle('zh-TW'), toGoogle('fil'), toGoogle('he'), toGoogle('km')]).toEqual(['zh-CN', 'zh-TW', 'tl', 'iw', 'km']);
    expect([toMicrosoft('zh'), toMicrosoft('zh-Hant'), toMicrosoft('tl'), toMicrosoft('km')]).toEqual(['zh-Hans', 'zh-Hant', 'fil', 'km']);
    expect([toLibreTranslate('zh-Hant'), toLibreTranslate('pt-BR'), toLibreTranslate('fil')]).toEqual(['zt', 'pb', 'tl']);
    expect([toChrome('he'), toChrome('zh-TW'), toChrome('fr-FR')]).toEqual(['iw', 'zh-Hant', 'fr']);
  });

  it('normalises tags and compares languages across aliases', () => {
    expect(normalizeTag('EN_gb')).toBe('en-GB');
    expect(normalizeTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(sameLanguage('tl', 'fil')).toBe(true);
    expect(sameLanguage('en-US', 'en-GB')).toBe(true);
    expect(sameLanguage('km', 'th')).toBe(false);
  });

  it('names languages in English, Khmer and French', () => {
    expect(['km', 'en', 'fr'].map((ui) => languageName('km', ui as 'en' | 'km' | 'fr'))).toEqual(['ខ្មែរ', 'Khmer', 'khmer']);
    expect(languageName('fr', 'km')).toBe('បារាំង');
    expect(languageName('tl', 'en')).toBe('Filipino');
    expect(languageName('en-GB', 'en')).toMatch(/English/);
    expect(languageName('en-GB', 'en')).not.toMatch(/\u200B/);
  });
});

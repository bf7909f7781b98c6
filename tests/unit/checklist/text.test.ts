import { describe, expect, it } from 'vitest';
import { containsUrl, countScriptLetters, extractHashtags, matchingTerms, normaliseForMatch } from '@/lib/checklist';

describe('term matching', () => {
  it('matches Latin terms case-insensitively, accent-insensitively, on word boundaries', () => {
    expect(matchingTerms('Our CONDOLENCES to the family', ['condolences'])).toEqual(['condolences']);
    expect(matchingTerms('Sincères Condoléances', ['condoleances'])).toEqual(['condoleances']);
    expect(matchingTerms('The reporter asked', ['report'])).toEqual([]);
    expect(matchingTerms('According\nto the ministry', ['according to'])).toEqual(['according to']);
    expect(matchingTerms('Source\u00a0: ministère', ['source :'])).toEqual(['source :']);
    expect(matchingTerms('D’après le ministère', ["d'après"])).toEqual(["d'après"]);
  });

  it('matches Khmer terms as substrings, ignoring zero-width spaces and the ្ដ/្ត spelling', () => {
    expect(matchingTerms('សូមចូលរួមរំលែកទុក្ខយ៉ាងក្រៀមក្រំ', ['រំលែកទុក្ខ'])).toEqual(['រំលែកទុក្ខ']);
    expect(matchingTerms('សូម\u200Bចូលរួម\u200Bរំលែក\u200Bទុក្ខ', ['ចូលរួមរំលែកទុក្ខ'])).toEqual(['ចូលរួមរំលែកទុក្ខ']);
    expect(matchingTerms('ជំនួបសម្តែងការគួរសម', ['ជំនួបសម្ដែងការគួរសម'])).toHaveLength(1);
    expect(normaliseForMatch('ស្ដ')).toBe(normaliseForMatch('ស្ត'));
  });

  it('matches a Latin term written right next to Khmer text', () => {
    expect(matchingTerms('ASEANការប្រជុំ delegation', ['asean', 'delegation'])).toEqual(['asean', 'delegation']);
  });
});

describe('containsUrl / extractHashtags / countScriptLetters', () => {
  it('recognises links', () => {
    expect(containsUrl('see https://mfaic.gov.kh/news/1')).toBe(true);
    expect(containsUrl('see www.mfaic.gov.kh')).toBe(true);
    expect(containsUrl('see mfaic.gov.kh/news')).toBe(true);
    expect(containsUrl('we met at 10.30 today')).toBe(false);
    expect(containsUrl('no link here.')).toBe(false);
  });

  it('extracts Latin and Khmer hashtags but not anchors or numbers', () => {
    expect(extractHashtags('#HumanRights and #កម្ពុជា, page.html#top, #1 #cambodia_day')).toEqual([
      'HumanRights',
      'កម្ពុជា',
      'cambodia_day',
    ]);
  });

  it('counts Khmer and Latin letters, ignoring links, mentions and hashtags', () => {
    expect(countScriptLetters('កម្ពុជា abc https://example.com @someone #tag')).toEqual({ khmer: 4, latin: 3 });
  });
});

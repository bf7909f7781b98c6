import { describe, expect, it } from 'vitest';
import { detectLanguage, fromI18nDetectLanguage, stripEntities, type BrowserLanguageDetector } from '../../../lib/translation/detect';
import { DETECTION_SAMPLES, SAMPLE_USER_LANGUAGES } from './detect-samples';

describe('detectLanguage on short real-world-style posts', () => {
  it('covers at least 8 languages including Khmer', () => {
    const langs = new Set(DETECTION_SAMPLES.map((s) => s.lang));
    expect(langs.size).toBeGreaterThanOrEqual(8);
    expect(langs.has('km')).toBe(true);
  });

  it('identifies at least 90% of the sample posts (script first, then franc-min for Latin)', async () => {
    const misses: string[] = [];
    for (const s of DETECTION_SAMPLES) {
      const d = await detectLanguage(s.text, { userLanguages: SAMPLE_USER_LANGUAGES });
      if (d.lang !== s.lang) misses.push(`${s.lang}→${d.lang}`);
    }
    const accuracy = (DETECTION_SAMPLES.length - misses.length) / DETECTION_SAMPLES.length;
    console.info(`detection accuracy ${DETECTION_SAMPLES.length - misses.length}/${DETECTION_SAMPLES.length}`, misses);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('detects every Khmer sample by script, reliably, despite hashtags, links and Latin names', async () => {
    for (const s of DETECTION_SAMPLES.filter((x) => x.lang === 'km')) {
      const d = await detectLanguage(s.text, { userLanguages: SAMPLE_USER_LANGUAGES });
      expect(d).toMatchObject({ lang: 'km', source: 'script', script: 'Khmer', reliable: true });
    }
    const mixed = await detectLanguage('ASEAN 2025 សូមអរគុណ Prak Sokhonn', { userLanguages: ['en', 'km'] });
    expect(mixed.lang).toBe('km');
  });

  it('is never confidently wrong on very short Latin greetings', async () => {
    const hard: Array<[string, string]> = [
      ['fr', 'Merci beaucoup, Excellence !'],
      ['en', 'Thank you, Excellency!'],
      ['en', 'Happy Independence Day! 🇰🇭'],
      ['fr', 'Bonne fête nationale !'],
      ['es', '¡Felicidades!'],
      ['en', 'Congratulations!'],
    ];
    let correct = 0;
    for (const [lang, text] of hard) {
      const d = await detectLanguage(text, { userLanguages: ['km', 'en', 'fr', 'es', 'id', 'ms'] });
      if (d.lang === lang) correct++;
      else expect(d.reliable, `${text} → ${d.lang}`).toBe(false);
    }
    console.info(`short greetings: ${correct}/${hard.length} correct`);
  });

  it('treats Japanese (kana + kanji), Chinese (Han only) and Cyrillic per the user languages', async () => {
    expect((await detectLanguage('本日、外務大臣は大使と会談しました。')).lang).toBe('ja');
    expect((await detectLanguage('外交部长会见大使。')).lang).toBe('zh');
    expect((await detectLanguage('Дякуємо за співпрацю', { userLanguages: ['en', 'uk'] })).lang).toBe('uk');
    expect((await detectLanguage('Спасибо за сотрудничество')).lang).toBe('ru');
  });
});

describe('detectLanguage options', () => {
  it('returns the user override as is', async () => {
    const d = await detectLanguage('សួស្តី', { override: 'fr' });
    expect(d).toMatchObject({ lang: 'fr', source: 'override', reliable: true });
  });

  it('falls back when there is no language signal', async () => {
    expect(await detectLanguage('🇰🇭 🎉 https://mfaic.gov.kh @MFAIC 2025', { fallback: 'km' })).toMatchObject({ lang: 'km', source: 'fallback', reliable: false });
    expect((await detectLanguage('')).lang).toBeNull();
  });

  it('prefers a reliable browser result for Latin text within the user languages', async () => {
    const calls: string[] = [];
    const browser: BrowserLanguageDetector = {
      async detect(t) {
        calls.push(t);
        return [
          { detectedLanguage: 'fr', confidence: 0.92 },
          { detectedLanguage: 'en', confidence: 0.05 },
        ];
      },
    };
    const d = await detectLanguage('Merci beaucoup @UN https://un.org', { browser, userLanguages: ['en', 'fr'] });
    expect(d).toMatchObject({ lang: 'fr', source: 'browser', reliable: true });
    expect(calls).toEqual(['Merci beaucoup']); // entities stripped before asking
  });

  it('ignores a browser result that is unsure, outside the user languages, or failing', async () => {
    const text = 'The Minister held bilateral talks with his counterpart on trade.';
    const unsure: BrowserLanguageDetector = { detect: async () => [{ detectedLanguage: 'fr', confidence: 0.4 }] };
    const foreign: BrowserLanguageDetector = { detect: async () => [{ detectedLanguage: 'de', confidence: 0.99 }] };
    const broken: BrowserLanguageDetector = { detect: async () => Promise.reject(new Error('boom')) };
    for (const browser of [unsure, foreign, broken]) {
      expect(await detectLanguage(text, { browser, userLanguages: ['en', 'fr'] })).toMatchObject({ lang: 'en', source: 'franc' });
    }
  });

  it('never asks the browser for non-Latin scripts', async () => {
    let asked = false;
    const browser: BrowserLanguageDetector = {
      detect: async () => {
        asked = true;
        return [{ detectedLanguage: 'en', confidence: 1 }];
      },
    };
    expect((await detectLanguage('សូមស្វាគមន៍', { browser })).lang).toBe('km');
    expect(asked).toBe(false);
  });

  it('adapts browser.i18n.detectLanguage (percentages, isReliable)', async () => {
    const reliable = fromI18nDetectLanguage(async () => ({ isReliable: true, languages: [{ language: 'es', percentage: 97 }] }));
    expect(await reliable.detect('x')).toEqual([{ detectedLanguage: 'es', confidence: 0.97 }]);
    const unreliable = fromI18nDetectLanguage(async () => ({ isReliable: false, languages: [{ language: 'es', percentage: 97 }] }));
    expect(await unreliable.detect('x')).toEqual([]);
  });

  it('strips entities before detection', () => {
    expect(stripEntities('Hello @UN #Peace https://un.org 🇰🇭 25 km world')).toBe('Hello world');
  });
});

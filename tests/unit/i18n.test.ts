import { describe, expect, it } from 'vitest';
import '@/lib/i18n/all';
import { catalogueKeys, createTranslator, resolveUiLanguage } from '@/lib/i18n';

describe('UI strings', () => {
  it('Khmer and French define every English key', () => {
    const en = catalogueKeys('en').sort();
    expect(catalogueKeys('km').sort()).toEqual(en);
    expect(catalogueKeys('fr').sort()).toEqual(en);
  });

  it('fills named placeholders and picks plural forms', () => {
    const en = createTranslator('en');
    expect(en('findings.count', { count: 0 })).toBe('No issues');
    expect(en('findings.count', { count: 1 })).toBe('1 issue');
    expect(en('findings.count', { count: 3 })).toBe('3 issues');
    expect(createTranslator('fr')('counter.label', { count: 12, limit: 280 })).toBe('12 sur 280');
    expect(createTranslator('km')('findings.count', { count: 2 })).toBe('បញ្ហា 2');
  });

  it('keeps fix buttons named "Apply …" in every language (docs/hooks.md)', () => {
    for (const lang of ['en', 'km', 'fr'] as const) {
      expect(createTranslator(lang)('panel.apply', { replacement: 'Eswatini' })).toMatch(/^Apply.*Eswatini/);
    }
  });

  it('follows the browser language unless the user chose one', () => {
    expect(resolveUiLanguage('auto', 'km-KH')).toBe('km');
    expect(resolveUiLanguage('auto', 'fr')).toBe('fr');
    expect(resolveUiLanguage('auto', 'de-DE')).toBe('en');
    expect(resolveUiLanguage('fr', 'km')).toBe('fr');
  });
});

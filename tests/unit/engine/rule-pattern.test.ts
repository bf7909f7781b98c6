import { describe, expect, it } from 'vitest';
import { compilePacks, checkText } from '@/lib/engine';
import { compileSafePattern, khmerVariantsInPattern } from '@/lib/engine/safe-regex';
import { CTX, matches, pack, rule, run } from './helpers';

describe('pattern rules (re2js)', () => {
  it('finds matches with UTF-16 ranges after astral characters', () => {
    const text = 'Passport 🇰🇭 AB1234567 ok';
    const r = run({ type: 'pattern', pattern: '\\b[A-Z]{2}\\d{6,7}\\b', caseSensitive: true }, text);
    expect(r.findings[0]!.range).toEqual({ start: 14, end: 23 });
    expect(text.slice(14, 23)).toBe('AB1234567');
  });

  it('is case-insensitive by default and never matches inside links', () => {
    expect(matches(run({ type: 'pattern', pattern: 'flight [a-z]{2}\\d+' }, 'FLIGHT KH123, https://x.org/flight-kh1'))).toEqual(['FLIGHT KH123']);
  });

  it('a Khmer pattern written with ឱ or ឲ matches both spellings, in and out of character classes', () => {
    expect(khmerVariantsInPattern('ឱ្យ')).toBe('[ឱឲ]្យ');
    expect(khmerVariantsInPattern('[កឲ]x')).toBe('[កឱឲ]x');
    expect(khmerVariantsInPattern('[]ឱ]\\[ឱ')).toBe('[]ឱឲ]\\[[ឱឲ]');
    expect(khmerVariantsInPattern('no khmer')).toBe('no khmer');
    expect(matches(run({ type: 'pattern', pattern: 'សុំឲ្យ' }, 'សុំឱ្យ និង សុំឲ្យ'))).toEqual(['សុំឱ្យ', 'សុំឲ្យ']);
  });

  it('refuses look-arounds, back-references, oversized and empty-matching patterns', () => {
    expect(() => compileSafePattern('a(?=b)', false)).toThrow(/look-ahead or look-behind/);
    expect(() => compileSafePattern('(?<!H\\.E\\. )Hun Sen', false)).toThrow(/look-ahead or look-behind/);
    expect(() => compileSafePattern('(a)\\1', false)).toThrow(/back-reference/);
    expect(() => compileSafePattern('a'.repeat(2001), false)).toThrow(/limit is 2000/);
    expect(() => compileSafePattern('x*', false)).toThrow(/empty text/);
    expect(() => compileSafePattern('(a', false)).toThrow(/not a valid regular expression/);
    expect(() => compileSafePattern('(?:[a-z]{1,100}){1,100}', false)).toThrow(/too complex|not a valid/);
  });

  it('runs a catastrophic-backtracking pattern in linear time (patterns see one line at a time)', () => {
    const g = compilePacks([pack([rule({ type: 'pattern', pattern: '(a+)+$' })])]);
    const text = ('a'.repeat(1900) + '!\n').repeat(10);
    // Its time is a bench case (tests/bench/bad-input.bench.ts); here: it completes, nothing is flagged.
    const r = checkText(g, text, CTX, { budgetMs: Infinity });
    expect(r.truncated).toBe(false);
    expect(r.findings).toHaveLength(0);
  });
});

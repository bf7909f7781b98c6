import { describe, expect, it } from 'vitest';
import { normalize, foldTerm, toOriginal } from '@/lib/engine/normalize';

describe('normalize', () => {
  it('maps every normalised unit back to the original text', () => {
    const text = 'Hello\u200B  World';
    const n = normalize(text);
    expect(n.norm).toBe('Hello World');
    expect(n.folded).toBe('hello world');
    const w = n.norm.indexOf('World');
    expect(toOriginal(n, w, w + 5)).toEqual({ start: 8, end: 13 });
    // the collapsed space covers both original spaces
    expect(toOriginal(n, 5, 6)).toEqual({ start: 6, end: 8 });
  });

  it('skips zero-width characters and soft hyphens', () => {
    const n = normalize('a\u200Cb\u200Dc\u00ADd\uFEFFe');
    expect(n.norm).toBe('abcde');
    expect(Array.from(n.start)).toEqual([0, 2, 4, 6, 8]);
  });

  it('skips NUL, other control characters and bidi marks, keeping tab and line breaks as spaces', () => {
    const text = 'S\u0000E\u0001C\u001FR\u007FE\u009FT\u200E\u202E!';
    const n = normalize(text);
    expect(n.norm).toBe('SECRET!');
    expect(Array.from(n.start)).toEqual([0, 2, 4, 6, 8, 10, 13]);
    expect(normalize('a\tb\nc\rd\u0085e').norm).toBe('a b c d e');
    expect(normalize('TOP\u0000 \u0000SECRET').norm).toBe('TOP SECRET');
  });

  it('folds Khmer COENG DA to COENG TA (សម្ដេច = សម្តេច)', () => {
    expect(normalize('សម្ដេច').norm).toBe(normalize('សម្តេច').norm);
    expect(normalize('សម្ដេច').norm).toBe('សម្តេច');
    // a lone DA (not after coeng) is kept
    expect(normalize('ដ').norm).toBe('ដ');
  });

  it('folds Khmer QOO TYPE TWO to QOO TYPE ONE (ឲ្យ = ឱ្យ), keeping the offset map', () => {
    expect(normalize('ឲ្យ').norm).toBe('ឱ្យ');
    expect(normalize('បោះឆ្នោតឲ្យគាត់').norm).toBe(normalize('បោះឆ្នោតឱ្យគាត់').norm);
    expect(Array.from(normalize('កឲ្យ').start)).toEqual([0, 1, 2, 3]);
  });

  it('puts Khmer sequences typed in either order in one order, mapping them back whole', () => {
    // NIKAHIT typed before VOWEL U: ខ្ញំុ looks like ខ្ញុំ "I"
    const swapped = normalize('ខ្ញំុទៅ');
    expect(swapped.norm).toBe(normalize('ខ្ញុំទៅ').norm);
    expect(toOriginal(swapped, 0, 5)).toEqual({ start: 0, end: 5 });
    // COENG RO typed before another subscript: ស្រ្តី looks like ស្ត្រី "woman"
    const ro = normalize('ស្រ្តី');
    expect(ro.norm).toBe('ស្ត្រី');
    expect(toOriginal(ro, 0, ro.norm.length)).toEqual({ start: 0, end: 6 });
    // already in order: unchanged; a lone RO subscript is left alone
    expect(normalize('ស្ត្រី').norm).toBe('ស្ត្រី');
    expect(normalize('ក្រុង').norm).toBe('ក្រុង');
    expect(foldTerm('ខ្ញំុ')).toBe(foldTerm('ខ្ញុំ'));
  });

  it('drops spaces and zero-width spaces between Khmer words, keeps them elsewhere', () => {
    expect(normalize('ហ៊ុន សែន').norm).toBe('ហ៊ុនសែន');
    expect(normalize('ហ៊ុន\u200Bសែន').norm).toBe('ហ៊ុនសែន');
    expect(normalize('ហ៊ុន Hun').norm).toBe('ហ៊ុន Hun');
  });

  it('composes non-NFC input and maps composed characters to the whole cluster', () => {
    const text = 'Cafe\u0301 ok'; // e + combining acute
    const n = normalize(text);
    expect(n.norm).toBe('Café ok');
    const i = n.norm.indexOf('é');
    expect(toOriginal(n, i, i + 1)).toEqual({ start: 3, end: 5 });
    expect(toOriginal(n, 0, 4)).toEqual({ start: 0, end: 5 });
  });

  it('keeps folded the same length as norm (İ does not grow)', () => {
    const n = normalize('İstanbul ÉTÉ');
    expect(n.folded.length).toBe(n.norm.length);
    expect(n.folded.endsWith('été')).toBe(true);
  });

  it('folds typographic apostrophes and hyphens', () => {
    expect(foldTerm('Cambodia’s non‑aligned')).toBe("cambodia's non-aligned");
  });
});

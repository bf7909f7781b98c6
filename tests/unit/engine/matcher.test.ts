import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiteralMatcher } from '@/lib/engine/matcher';

function scanAll(m: LiteralMatcher, text: string, fold = false): string[] {
  const out: string[] = [];
  const n = m.collect(text, fold);
  for (let k = 0; k < 2 * n; k += 2) {
    const id = m.found[k]!;
    const e = m.found[k + 1]!;
    out.push(`${id}:${e - m.termLength[id]!}:${e}`);
  }
  return out.sort();
}

function naive(terms: string[], text: string): string[] {
  const out: string[] = [];
  const ids = new Map<string, number>();
  terms.forEach((t) => ids.has(t) || ids.set(t, ids.size));
  for (const [t, id] of ids) {
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) out.push(`${id}:${i}:${i + t.length}`);
  }
  return out.sort();
}

/** A small seeded generator: the same texts on every run. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('LiteralMatcher (Aho–Corasick)', () => {
  it('reports overlapping and nested occurrences', () => {
    const m = new LiteralMatcher();
    const he = m.add('he');
    const she = m.add('she');
    const hers = m.add('hers');
    expect(m.add('he')).toBe(he); // same string, same id
    m.build();
    expect(scanAll(m, 'ushers')).toEqual([`${he}:2:4`, `${hers}:2:6`, `${she}:1:4`].sort());
  });

  it('matches Khmer and astral characters by code unit', () => {
    const m = new LiteralMatcher();
    const a = m.add('សម្តេច');
    const b = m.add('🇰🇭');
    m.build();
    expect(scanAll(m, 'x🇰🇭សម្តេចសម្តេច')).toEqual([`${b}:1:5`, `${a}:5:11`, `${a}:11:17`].sort());
  });

  it('agrees with a naive search on random inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ក'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ក', ' '), maxLength: 40 }),
        (terms, text) => {
          const m = new LiteralMatcher();
          for (const t of terms) m.add(t);
          m.build();
          expect(scanAll(m, text)).toEqual(naive(terms, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([2, 14])('stays exact through its transition memo (2^%i entries: entries collide and are replaced)', (bits) => {
    // Hundreds of terms over six letters; every text is scanned twice, the second time through
    // whatever the memo kept.
    const rand = mulberry32(bits);
    const word = (max: number) => Array.from({ length: 1 + Math.floor(rand() * max) }, () => 'abcdef'[Math.floor(rand() * 6)]).join('');
    const terms = Array.from({ length: 400 }, () => word(5));
    const m = new LiteralMatcher(bits);
    for (const t of terms) m.add(t);
    m.build();
    for (let i = 0; i < 100; i++) {
      const text = word(300);
      const expected = naive(terms, text);
      expect(scanAll(m, text)).toEqual(expected);
      expect(scanAll(m, text)).toEqual(expected);
    }
  });

  it('folds the text unit by unit when asked (case, ſ, Kelvin sign, Khmer spelling variants)', () => {
    const m = new LiteralMatcher();
    const secret = m.add('secret');
    const oy = m.add('ឱ្យ');
    m.build();
    expect(scanAll(m, 'ſECRET ឲ្យ', true)).toEqual([`${secret}:0:6`, `${oy}:7:10`].sort());
    expect(scanAll(m, 'SECRET ឲ្យ')).toEqual([]);
  });

  it('grows its buffer of occurrences past its first size', () => {
    const m = new LiteralMatcher();
    const a = m.add('a');
    m.build();
    const text = 'a'.repeat(1000);
    expect(m.collect(text)).toBe(1000);
    expect(scanAll(m, text)).toHaveLength(1000);
    expect(m.found[2 * 999]).toBe(a);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkText, compilePacks, createIncrementalChecker } from '@/lib/engine';
import { normalize } from '@/lib/engine/normalize';
import { CTX, pack, rule } from './helpers';

/** One rule of every type, with terms that random text can hit. */
const g = compilePacks([
  pack(
    [
      rule({ type: 'term', terms: ['a', 'ab', 'សម្តេច', 'é', '🎉'], wholeWord: false }),
      rule({ type: 'term', terms: ['Ab'], caseSensitive: true, fix: { action: 'remove' } }),
      rule({ type: 'substitute', swap: [{ from: ['b', 'ដ'], to: ['bb', 'ត'] }], wholeWord: false }),
      rule({ type: 'consistency', variants: [['a b'], ['ab']] }),
      rule({ type: 'conditional', if: ['a'], forbids: ['!'], within: 'sentence', fix: { action: 'remove' } }),
      rule({ type: 'conditional', acronyms: [{ short: 'AB', long: 'a b' }] }),
      rule({ type: 'count', measure: 'exclamations', max: 1, fix: { action: 'remove' } }),
      rule({ type: 'count', measure: 'caps-ratio', max: 0.3, minLetters: 3 }),
      rule({ type: 'count', measure: 'emoji', max: 1 }),
      rule({ type: 'pattern', pattern: '[ab]{2,}' }),
      rule({ type: 'hashtag', check: 'camelcase', words: ['ab', 'ba'] }),
      rule({ type: 'hashtag', check: 'length', max: 3 }),
      rule({ type: 'address-form', entities: ['*'] }),
      rule({ type: 'checklist', severity: 'suggestion', topics: ['b'], prompt: { en: 'p' } }),
    ],
    { entities: [{ id: 'e', names: ['ab', 'ហ៊ុន'], titles: ['a'], forbiddenTitles: ['b', 'លោក'] }], vocabulary: { accept: ['ba'] } },
  ),
]);

const alphabet = fc.constantFrom(
  'a', 'b', 'A', 'B', ' ', '\n', '!', '#', '@', '.', '"', '“', '”', 'é', 'e\u0301', '\u200B', '\u200D', 'ស', 'ម្ត', 'ម្ដ', 'េ', 'ច',
  'ហ៊ុន', 'លោក', '🎉', '🇰🇭', '\uD800', '\uDC00', 'İ', 'ß', 'https://a.b/', 'x@y.com',
);
const draft = fc.oneof(fc.string({ unit: alphabet, maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('engine properties', () => {
  it('never throws, and every finding, fix and prompt range lies inside the text', () => {
    let seen = 0;
    fc.assert(
      fc.property(draft, (text) => {
        const r = checkText(g, text, CTX, { budgetMs: Infinity });
        seen += r.findings.length;
        for (const f of r.findings) {
          expect(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length).toBe(true);
          expect(f.match).toBe(text.slice(f.range.start, f.range.end));
          for (const x of f.fixes) expect(0 <= x.range.start && x.range.start <= x.range.end && x.range.end <= text.length).toBe(true);
        }
        for (const p of r.checklistPrompts) expect(p.range.end <= text.length && p.range.start >= 0).toBe(true);
        for (let i = 1; i < r.findings.length; i++) expect(r.findings[i - 1]!.range.start <= r.findings[i]!.range.start).toBe(true);
        expect(new Set(r.findings.map((f) => f.key)).size).toBe(r.findings.length);
      }),
      { numRuns: 400 },
    );
    expect(seen).toBeGreaterThan(100); // the property is not vacuous
  });

  it('the offset map is monotone and inside the text', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const n = normalize(text);
        expect(n.folded.length).toBe(n.norm.length);
        for (let i = 0; i < n.norm.length; i++) {
          expect(n.start[i]! < n.end[i]! && n.end[i]! <= text.length).toBe(true);
          if (i > 0) expect(n.start[i - 1]! <= n.start[i]!).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('control characters and bidi marks inserted anywhere change nothing the matcher sees and hide no term', () => {
    // Word-boundary checks look through controls and bidi marks, so the noisy draft has the same
    // words as the plain one: whatever the plain draft shows, the noisy one shows too.
    const literal = compilePacks([
      pack([
        rule({ type: 'term', terms: ['a', 'ab', 'សម្តេច', 'é', '🎉'], wholeWord: false }),
        rule({ type: 'term', terms: ['Ab', 'a b'], caseSensitive: true }),
        rule({ type: 'substitute', swap: [{ from: ['b', 'ដ'], to: ['bb', 'ត'] }] }),
      ]),
    ]);
    // A control before a combining mark would block NFC composition; links and e-mails are found in
    // the raw text (a control ends them), which moves what is suppressed as "inside a link".
    const unit = alphabet.filter((u) => !/^\p{M}/u.test(u) && !/[@:]/.test(u));
    const control = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0x0e, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x84 }), fc.integer({ min: 0x86, max: 0x9f }), fc.constantFrom(0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069)).map((c) => String.fromCharCode(c));
    let hits = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(unit, fc.array(control, { maxLength: 2 })), { maxLength: 30 }), (parts) => {
        const plain = parts.map(([u]) => u).join('');
        const noisy = parts.map(([u, cs]) => cs.join('') + u).join('');
        const n = normalize(noisy);
        expect(n.norm).toBe(normalize(plain).norm);
        for (let i = 0; i < n.norm.length; i++) {
          expect(n.start[i]! < n.end[i]! && n.end[i]! <= noisy.length).toBe(true);
          if (i > 0) expect(n.start[i - 1]! <= n.start[i]!).toBe(true);
        }
        const flagged = (t: string) => new Set(checkText(literal, t, CTX, { budgetMs: Infinity }).findings.map((f) => f.ruleId));
        const withNoise = flagged(noisy);
        const expected = flagged(plain);
        hits += expected.size;
        for (const id of expected) expect(withNoise.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(hits).toBeGreaterThan(100); // the property is not vacuous
  });

  it('the incremental checker equals checkText across random edit sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: alphabet, maxLength: 20 }), { maxLength: 5 }), { minLength: 1, maxLength: 6 }), (versions) => {
        const inc = createIncrementalChecker(g, { budgetMs: Infinity });
        for (const paras of versions) {
          const text = paras.join('\n');
          expect(inc.check(text, CTX)).toEqual(checkText(g, text, CTX, { budgetMs: Infinity }));
        }
      }),
      { numRuns: 150 },
    );
  });
});

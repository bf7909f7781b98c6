import { describe, expect, it } from 'vitest';
import { applyFix, checkText, compilePacks, createIncrementalChecker, localize, MAX_FINDINGS } from '@/lib/engine';
import { MAX_CHUNK, splitChunks } from '@/lib/engine/document';
import { ALWAYS_COMPLETE_CHARS } from '@/lib/engine/check';
import { CTX, pack, rule } from './helpers';

const g = compilePacks([
  pack(
    [
      rule({ id: 'a.swazi', type: 'substitute', severity: 'warning', swap: [{ from: ['Swaziland'], to: ['Eswatini'] }] }),
      rule({ id: 'a.secret', type: 'term', severity: 'error', terms: ['secret'] }),
      rule({ id: 'a.tags', type: 'count', measure: 'hashtags', max: 1 }),
      rule({ id: 'a.vn', type: 'consistency', variants: [['Viet Nam'], ['Vietnam']] }),
      rule({ id: 'a.hs', type: 'address-form', entities: ['hun-sen'] }),
      rule({ id: 'a.pp', type: 'pattern', pattern: '\\b[A-Z]{2}\\d{7}\\b', caseSensitive: true }),
      rule({ id: 'a.crisis', type: 'checklist', severity: 'suggestion', topics: ['flood'], prompt: { en: 'Check figures.' } }),
    ],
    { entities: [{ id: 'hun-sen', names: ['Hun Sen'], titles: ['Samdech Techo'], forbiddenTitles: ['Mr.'] }] },
  ),
]);

describe('checkText results', () => {
  it('sorts findings by position and gives position-independent keys', () => {
    const r = checkText(g, 'secret Swaziland, secret #a #b', CTX);
    expect(r.findings.map((f) => [f.ruleId, f.range.start])).toEqual([
      ['a.secret', 0], ['a.swazi', 7], ['a.secret', 18], ['a.tags', 28],
    ]);
    expect(r.findings.map((f) => f.key)).toEqual(['a.secret|secret|0', 'a.swazi|swaziland|0', 'a.secret|secret|1', 'a.tags|#b|0']);
    const shifted = checkText(g, 'Hello. SECRET Swaziland, secret #a #b', CTX);
    expect(shifted.findings.map((f) => f.key)).toEqual(r.findings.map((f) => f.key));
  });

  it('drops ignored findings by key without renumbering the others', () => {
    const r = checkText(g, 'secret and secret', { ...CTX, ignored: new Set(['a.secret|secret|0']) });
    expect(r.findings.map((f) => f.key)).toEqual(['a.secret|secret|1']);
  });

  it('applying a fix gives the corrected text', () => {
    const text = 'Welcome to Swaziland!';
    const f = checkText(g, text, CTX).findings[0]!;
    expect(applyFix(text, f.fixes[0]!)).toBe('Welcome to Eswatini!');
    expect(applyFix('abc', { label: 'x', replacement: 'Z', range: { start: 2, end: 99 } })).toBe('abZ');
  });

  it('localize falls back to English', () => {
    expect(localize({ en: 'Hi', km: 'សួស្តី' }, 'km')).toBe('សួស្តី');
    expect(localize({ en: 'Hi' }, 'fr')).toBe('Hi');
    expect(localize('plain', 'km')).toBe('plain');
  });

  it('stops at the time budget and reports truncated', () => {
    const big = 'secret Swaziland text\n'.repeat(20000);
    const r = checkText(g, big, CTX, { budgetMs: 5 }); // its time: tests/bench/bad-input.bench.ts
    expect(r.truncated).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) expect(f.range.end).toBeLessThanOrEqual(big.length);
  });

  it('checks a draft of up to ALWAYS_COMPLETE_CHARS in full whatever the budget (a cold first check must not miss findings)', () => {
    const post = `${'Cable marked secret, sent from Swaziland. '.repeat(60)}`.slice(0, ALWAYS_COMPLETE_CHARS);
    const r = checkText(g, post, CTX, { budgetMs: 0 });
    expect(r).toMatchObject({ truncated: false, uncheckedChars: 0 });
    expect(r.findings).toEqual(checkText(g, post, CTX, { budgetMs: Infinity }).findings);
    expect(r.findings.length).toBeGreaterThan(60);
  });

  it('checks a 1 MB single-line draft without freezing (default budget)', () => {
    const unit = 'Samdech Techo Hun Sen met the ambassador of Swaziland in Phnom Penh, សម្តេច ហ៊ុន សែន. ';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const r = checkText(g, big, CTX); // its time: tests/bench/bad-input.bench.ts
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it('reads ordinary lines before the pieces of an over-long line, and says how much was left unread', () => {
    // A 1 MB pasted run without spaces, then the marking: even a zero budget reads the short line.
    const run = 'QmFzZTY0ZGF0YQ'.repeat(Math.ceil(1_000_000 / 14)).slice(0, 1_000_000);
    const r = checkText(g, `${run}\nsecret`, CTX, { budgetMs: 0 });
    expect(r.findings.map((f) => [f.ruleId, f.range.start])).toEqual([['a.secret', 1_000_001]]);
    expect(r.truncated).toBe(true);
    expect(r.uncheckedChars).toBe(1_000_000); // the whole run: nothing of it was read
    const full = checkText(g, `${run}\nsecret`, CTX, { budgetMs: Infinity });
    expect(full).toMatchObject({ truncated: false, uncheckedChars: 0 });
    expect(full.findings.map((f) => f.ruleId)).toEqual(['a.secret']);
  });

  it('sees through control characters and bidi marks hidden inside a marking', () => {
    for (const hidden of ['se\u0000cret', 'SEC\u0007RET', 'sec\u202Eret', 'se\u0000\u0000\u200Ecret']) {
      const r = checkText(g, `Note: ${hidden} briefing`, CTX);
      expect(r.findings.map((f) => [f.ruleId, f.match])).toEqual([['a.secret', hidden]]);
    }
  });

  it('caps the number of findings', () => {
    const r = checkText(g, 'secret '.repeat(MAX_FINDINGS + 50), CTX, { budgetMs: Infinity });
    expect(r.findings).toHaveLength(MAX_FINDINGS);
    expect(r.truncated).toBe(true);
  });
});

describe('incremental checker', () => {
  it('returns exactly what checkText returns while paragraphs change', () => {
    const inc = createIncrementalChecker(g, { budgetMs: Infinity }); // as checkText below: a loaded machine must not truncate one side only
    const paras = ['Samdech Techo Hun Sen visited.', 'Vietnam and Viet Nam, Viet Nam.', 'Passport AB1234567 #a #b', 'After the flood, Mr. Hun Sen spoke.'];
    const edits = [
      paras.join('\n'),
      paras.join('\n').replace('visited', 'visited Swaziland'),
      [paras[0], 'secret', ...paras.slice(1)].join('\n'),
      paras.slice(1).join('\n\n'),
      '',
      paras.join('\n'),
    ];
    for (const text of edits) {
      const ctx = { ...CTX, platform: 'x' as const };
      expect(inc.check(text, ctx)).toEqual(checkText(g, text, ctx, { budgetMs: Infinity }));
    }
  });
});

describe('chunking', () => {
  // The old cut searched back from each chunk end to the line start: on 8 MB without a space
  // that is ~10^10 character reads (minutes), so this test would time out.
  it('cuts an 8 MB line without spaces into MAX_CHUNK pieces, contiguous and in order', () => {
    const line = 'x'.repeat(8_000_000);
    const chunks = splitChunks(`${line}\nTOP SECRET`);
    expect(chunks).toHaveLength(8_000_000 / MAX_CHUNK + 1);
    let pos = 0;
    for (const c of chunks.slice(0, -1)) {
      expect(c).toEqual({ start: pos, end: pos + MAX_CHUNK, cut: true });
      pos = c.end;
    }
    expect(chunks.at(-1)).toEqual({ start: 8_000_001, end: 8_000_011 });
  });

  it('still cuts at the last space in the second half of a chunk, never splitting a surrogate pair', () => {
    const text = `${'a'.repeat(1500)} ${'b'.repeat(1000)}`;
    expect(splitChunks(text)).toEqual([{ start: 0, end: 1500, cut: true }, { start: 1500, end: 2501, cut: true }]);
    const emoji = `a${'😀'.repeat(1500)}`; // a cut at 2000 would fall between the halves of a pair
    expect(splitChunks(emoji)[0]).toEqual({ start: 0, end: 1999, cut: true });
  });
});

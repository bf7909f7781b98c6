/**
 * The rule gate calls a rule only when one of its needs is met. It is an index, so it must never
 * change a result: these tests compare gated and ungated checks over the default packs and every
 * corpus text, and check which rules a small pack opens, including over the time budget.
 */
import { describe, expect, it } from 'vitest';
import { checkText, compilePacks, type CheckContext } from '@/lib/engine';
import { analyzeChunk, Doc } from '@/lib/engine/document';
import { validatePack } from '@/lib/packs/validate';
import { corpusTexts, loadDefaultPacks, pack, rule } from './helpers';

const CONTEXTS: CheckContext[] = [
  { accountType: 'official', modes: [], platform: 'x' },
  { accountType: 'personal', modes: ['crisis'], platform: 'facebook' },
];

/** A document over one line, as runCheck builds it (`deadline` in performance.now() time). */
function docOf(g: ReturnType<typeof compilePacks>, text: string, deadline = Infinity): Doc {
  return new Doc(text, [{ offset: 0, rec: analyzeChunk(g.terms, text) }], g.vocab, deadline, false);
}

describe('rule gate', () => {
  it('changes no finding and no prompt: default packs, every corpus text, two contexts', () => {
    const packs = loadDefaultPacks();
    const gated = compilePacks(packs);
    const ungated = compilePacks(packs, { ungated: true });
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(1000);
    let flagged = 0;
    for (const text of texts) {
      for (const ctx of CONTEXTS) {
        const a = checkText(gated, text, ctx);
        const b = checkText(ungated, text, ctx);
        expect(a, text).toEqual(b);
        if (a.findings.length + a.checklistPrompts.length > 0) flagged++;
      }
    }
    // The comparison means something only if many of these checks find something.
    expect(flagged).toBeGreaterThan(texts.length / 2);
  }, 120_000);

  it('opens only the rules whose needs occur', () => {
    const p = pack([
      rule({ id: 't.term', type: 'term', terms: ['motorcade'] }),
      rule({ id: 't.cond', type: 'conditional', if: ['minister'], forbids: ['lol'] }),
      rule({ id: 't.prox-terms', type: 'proximity', all: [{ terms: ['convoy'] }, { terms: ['leaves'] }] }),
      rule({ id: 't.prox-pattern', type: 'proximity', all: [{ pattern: 'route\\s+\\d+' }, { pattern: '\\b\\d{1,2}\\s?(?:am|pm)\\b' }] }),
      rule({ id: 't.pattern', type: 'pattern', pattern: 'zzz+' }),
      rule({ id: 't.hashtags', type: 'count', measure: 'hashtags', max: 3 }),
    ]);
    expect(validatePack(p, 'gate.json').ok).toBe(true);
    const g = compilePacks([p]);
    const open = (text: string) => {
      const flags = g.gate.open(docOf(g, text));
      return g.compiled.filter((c) => flags[c.base.index] === 1).map((c) => c.base.id);
    };
    // Rules without needs (patterns, counts) are always called.
    expect(open('A quiet day.')).toEqual(['t.pattern', 't.hashtags']);
    expect(open('The MOTORCADE leaves at 7 am.')).toEqual(['t.term', 't.prox-terms', 't.prox-pattern', 't.pattern', 't.hashtags']);
    expect(open('The minister said lol')).toEqual(['t.cond', 't.pattern', 't.hashtags']);
  });

  it('opens every pattern-gated rule once over the time budget (they stop and mark the check truncated)', () => {
    const p = pack([rule({ id: 't.prox-pattern', type: 'proximity', all: [{ pattern: 'route\\s+\\d+' }, { pattern: 'convoy' }] })]);
    const g = compilePacks([p]);
    g.prepareAll();
    expect(g.gate.open(docOf(g, 'A quiet day.'))[0]).toBe(0);
    expect(g.gate.open(docOf(g, 'A quiet day.', 0))[0]).toBe(1);
  });
});

/**
 * The pattern pre-filter extracts each pattern's literals lazily (in prepareStep slices in idle
 * time, or all at once before the first check): the answers are the same whichever way, and a
 * pattern is ruled out only when it cannot match.
 */
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { PatternBank } from '@/lib/engine/safe-regex';
import { compilePacks, prepareWhenIdle } from '@/lib/engine/compile';
import { checkText } from '@/lib/engine';
import { CTX, loadDefaultPacks, matches, run } from './helpers';

/** Ids of the patterns the bank says may match in `text`. */
function candidates(b: PatternBank, text: string, count: number): number[] {
  const possible = b.possible(text);
  return Array.from({ length: count }, (_, id) => id).filter((id) => possible[id] === 1);
}

// Word-family patterns of the size proximity rules use.
const WORDS = ['embassy', 'ministry', 'consulate', 'mission', 'visa', 'passport', 'treaty', 'summit', 'border', 'trade'];
const patterns = Array.from({ length: 53 }, (_, i) => {
  const w = WORDS[i % WORDS.length]!;
  return `\\b(?:the[ \\t]+|our[ \\t]+)?${w}(?:'s)?[ \\t]+(?:[a-z]+[ \\t]+){0,2}(?:decided|will|rejects?|n${i}x)\\b|ក្រសួង${i}`;
});

describe('PatternBank pre-filter (required literals)', () => {
  it('keeps every pattern that matches, and rules out most that do not', () => {
    const bank = new PatternBank();
    const ids = patterns.map((p) => bank.add(p, false));
    const texts = [
      'The Embassy will open on Monday.',
      'our ministry has decided nothing yet; the treaty rejects nothing',
      'ក្រសួង7 និង ក្រសួង40',
      'the border n51x',
      'nothing relevant here',
    ];
    for (const text of texts) {
      const matching = ids.filter((id) => RE2JS.compile(`(?i)${patterns[id]!}`).matcher(text).find());
      const kept = candidates(bank, text, ids.length);
      expect(kept).toEqual(expect.arrayContaining(matching));
      expect(kept.length).toBeLessThanOrEqual(matching.length + 12);
    }
    expect(candidates(bank, 'nothing relevant here', ids.length)).toEqual([]);
  });

  it('prepareStep extracts the literals in slices and says when none remain; answers do not depend on it', () => {
    const big = (i: number) => `\\bw${i}x(?:${Array.from({ length: 120 }, (_, k) => `alt${k}`).join('|')})\\b`;
    const make = () => {
      const b = new PatternBank();
      for (let i = 0; i < 40; i++) b.add(big(i), false);
      return b;
    };
    const text = 'w5xalt7 here, W33XALT119 there';
    const cold = candidates(make(), text, 40);
    const warm = make();
    let slices = 0;
    while (warm.prepareStep()) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(warm.prepareStep()).toBe(false);
    const half = make();
    half.prepareStep();
    expect(candidates(warm, text, 40)).toEqual(cold);
    expect(candidates(half, text, 40)).toEqual(cold);
    expect(cold).toEqual([5, 33]);
  });

  it('rules with a bounded gap flag only within its bounds', () => {
    const pattern = 'killed[^.]{0,10}?people';
    expect(matches(run({ type: 'pattern', pattern }, 'They killed 30 people.'))).toEqual(['killed 30 people']);
    expect(matches(run({ type: 'pattern', pattern }, 'They killed in a storm that left many people.'))).toEqual([]);
    expect(matches(run({ type: 'proximity', all: [{ pattern }] }, 'They killed in a storm that left many people.'))).toEqual([]);
  });

  it('a pattern that requires no literal always runs', () => {
    const b = new PatternBank();
    const id = b.add('[A-Z]{3,}', true);
    expect(candidates(b, 'no capitals', 1)).toEqual([id]);
    expect(b.regex(id)!.test('no capitals')).toBe(false);
  });

  it('no patterns: nothing to prepare', () => {
    const b = new PatternBank();
    expect(b.prepareStep()).toBe(false);
    expect(candidates(b, 'anything', 0)).toEqual([]);
  });
});

describe('prepareWhenIdle', () => {
  it('runs one slice per scheduled task until the default packs are fully prepared; findings do not change', () => {
    const packs = loadDefaultPacks();
    const cold = compilePacks(packs);
    const draft = 'The motorcade leaves the hotel at 14:30 tomorrow. Cable marked TOP SECRET. Swaziland thanks you.';
    const expected = checkText(cold, draft, { ...CTX, platform: 'x' }).findings.map((f) => f.ruleId);
    const g = compilePacks(packs);
    const queue: Array<() => void> = [];
    prepareWhenIdle(g, (next) => queue.push(next));
    let tasks = 0;
    while (queue.length > 0) {
      queue.shift()!();
      tasks++;
    }
    expect(tasks).toBeGreaterThan(1);
    expect(g.prepareStep()).toBe(false);
    expect(checkText(g, draft, { ...CTX, platform: 'x' }).findings.map((f) => f.ruleId)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(2);
  }, 30_000); // compiles the default packs twice: slow on a loaded machine
});

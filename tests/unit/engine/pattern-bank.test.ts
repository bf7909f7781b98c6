/**
 * The pattern pre-filter compiles its sets lazily (on first use, or one per prepareStep in idle
 * time): the answers are the same whichever way a set got compiled, and a set that cannot compile
 * turns the pre-filter off instead of hiding matches.
 */
import { describe, expect, it } from 'vitest';
import { PatternBank } from '@/lib/engine/safe-regex';
import { compilePacks, prepareWhenIdle } from '@/lib/engine/compile';
import { checkText } from '@/lib/engine';
import { CTX } from './helpers';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { loadPack } from '@/lib/packs/validate';
import type { Pack } from '@/lib/packs/schema';

function loadDefaultPacks(): Pack[] {
  return DEFAULT_PACKS.map((json, i) => {
    const r = loadPack(json, `default ${i}`);
    if (!r.ok) throw new Error(`default pack ${i} does not load`);
    return r.pack;
  });
}

function bank(count: number): PatternBank {
  const b = new PatternBank();
  for (let i = 0; i < count; i++) b.add(`\\bword${i}\\b`, false);
  b.build();
  return b;
}

describe('PatternBank', () => {
  it('prepareStep compiles one set at a time and says when none remain (70 patterns: 3 sets)', () => {
    const b = bank(70);
    expect(b.prepareStep()).toBe(true);
    expect(b.prepareStep()).toBe(true);
    expect(b.prepareStep()).toBe(false);
    expect(b.prepareStep()).toBe(false);
    expect([...b.candidates('say WORD3 and word65, not word7x')!].sort((x, y) => x - y)).toEqual([3, 65]);
  });

  it('gives the same candidates before, during and after the idle warm-up', () => {
    const text = 'word1 word40 word69 word33';
    const cold = bank(70).candidates(text);
    const half = bank(70);
    half.prepareStep();
    const warm = bank(70);
    while (warm.prepareStep()) {
      /* all sets */
    }
    expect(half.candidates(text)).toEqual(cold);
    expect(warm.candidates(text)).toEqual(cold);
    expect([...cold!].sort((x, y) => x - y)).toEqual([1, 33, 40, 69]);
  });

  it('no patterns: no pre-filter and nothing to prepare', () => {
    const b = bank(0);
    expect(b.prepareStep()).toBe(false);
    expect(b.candidates('anything')).toBeNull();
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

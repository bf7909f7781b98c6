/**
 * The pattern pre-filter compiles its sets lazily (on first use, or one per prepareStep in idle
 * time): the answers are the same whichever way a set got compiled, and a set that cannot compile
 * turns the pre-filter off instead of hiding matches.
 */
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { loosenForPrefilter, PATTERNS_PER_SET, PatternBank, SET_SOURCE_CHARS } from '@/lib/engine/safe-regex';
import { compilePacks, prepareWhenIdle } from '@/lib/engine/compile';
import { checkText } from '@/lib/engine';
import { CTX, matches, run } from './helpers';
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

/** Ids of the first `count` patterns matching somewhere in `text`, asking every set; null: no pre-filter. */
function candidates(b: PatternBank, text: string, count: number): ReadonlySet<number> | null {
  const memo = new Map();
  const out = new Set<number>();
  for (let id = 0; id < count; id++) {
    const v = b.verdict(text, id, memo);
    if (v === null) return null;
    if (v) out.add(id);
  }
  return count === 0 ? null : out;
}

function bank(count: number): PatternBank {
  const b = new PatternBank();
  for (let i = 0; i < count; i++) b.add(`\\bword${i}\\b`, false);
  b.build();
  return b;
}

// Word-family patterns of the size proximity rules use, enough of them to fill several sets.
const WORDS = ['embassy', 'ministry', 'consulate', 'mission', 'visa', 'passport', 'treaty', 'summit', 'border', 'trade'];
const patterns = Array.from({ length: 3 * PATTERNS_PER_SET + 5 }, (_, i) => {
  const w = WORDS[i % WORDS.length]!;
  return `\\b(?:the[ \\t]+|our[ \\t]+)?${w}(?:'s)?[ \\t]+(?:[a-z]+[ \\t]+){0,2}(?:decided|will|rejects?|n${i}x)\\b|ក្រសួង${i}`;
});

describe('PatternBank pre-filter (RE2Sets of PATTERNS_PER_SET patterns)', () => {
  it('reports exactly the patterns that match, across set boundaries', () => {
    const bank = new PatternBank();
    const ids = patterns.map((p) => bank.add(p, false));
    bank.build();
    const texts = [
      'The Embassy will open on Monday.',
      'our ministry has decided nothing yet; the treaty rejects nothing',
      'ក្រសួង7 និង ក្រសួង40',
      `the border n${3 * PATTERNS_PER_SET + 1}x`,
      'nothing relevant here',
    ];
    for (const text of texts) {
      const expected = new Set(ids.filter((id) => RE2JS.compile(`(?i)${patterns[id]!}`).matcher(text).find()));
      expect(candidates(bank, text, ids.length)).toEqual(expected);
    }
  });
});

describe('PatternBank', () => {
  it('prepareStep compiles one set at a time and says when none remain', () => {
    const b = bank(70);
    const sets = Math.ceil(70 / PATTERNS_PER_SET);
    for (let i = 1; i < sets; i++) expect(b.prepareStep()).toBe(true);
    expect(b.prepareStep()).toBe(false);
    expect(b.prepareStep()).toBe(false);
    expect([...candidates(b, 'say WORD3 and word65, not word7x', 70)!].sort((x, y) => x - y)).toEqual([3, 65]);
  });

  it('gives the same candidates before, during and after the idle warm-up', () => {
    const text = 'word1 word40 word69 word33';
    const cold = candidates(bank(70), text, 70);
    const half = bank(70);
    half.prepareStep();
    const warm = bank(70);
    while (warm.prepareStep()) {
      /* all sets */
    }
    expect(candidates(half, text, 70)).toEqual(cold);
    expect(candidates(warm, text, 70)).toEqual(cold);
    expect([...cold!].sort((x, y) => x - y)).toEqual([1, 33, 40, 69]);
  });

  it('verdict runs only the set holding the pattern, once per text; patterns of one scope share sets', () => {
    const b = new PatternBank();
    // Interleaved scopes: the sets are formed per scope, not in the order of adding.
    const ids = Array.from({ length: 2 * PATTERNS_PER_SET }, (_, i) => b.add(`\\bword${i}\\b`, false, i % 2 === 0 ? 'original|a' : 'normalised|b'));
    b.build();
    const memo = new Map();
    expect(b.verdict('word2 and word3', ids[2]!, memo)).toBe(true);
    expect(memo.size).toBe(1);
    // Another pattern of the same scope: answered from the memo, no new set run.
    expect(b.verdict('word2 and word3', ids[4]!, memo)).toBe(false);
    expect(memo.size).toBe(1);
    // A pattern of the other scope lives in the other set.
    expect(b.verdict('word2 and word3', ids[3]!, memo)).toBe(true);
    expect(memo.size).toBe(2);
  });

  it('closes a set at SET_SOURCE_CHARS of source, so a few huge patterns do not make one huge set', () => {
    const b = new PatternBank();
    const big = (i: number) => `\\bw${i}x(?:${Array.from({ length: 120 }, (_, k) => `alt${k}`).join('|')})\\b`;
    const per = Math.floor(SET_SOURCE_CHARS / big(0).length);
    const ids = Array.from({ length: 3 * per }, (_, i) => b.add(big(i), false));
    b.build();
    let sets = 0;
    while (b.prepareStep()) sets++;
    expect(sets + 1).toBeGreaterThanOrEqual(3);
    expect(per).toBeLessThan(PATTERNS_PER_SET);
    // The answers do not depend on how the sets were cut.
    const memo = new Map();
    expect(b.verdict('w5xalt7 here', ids[5]!, memo)).toBe(true);
    expect(b.verdict('w5xalt7 here', ids[6]!, memo)).toBe(false);
  });

  it('sets hold a loosened form of each pattern (long counted gaps unbounded): a superset, so no match is lost', () => {
    expect(loosenForPrefilter('a[^.]{0,30}?b')).toBe('a[^.]*?b');
    expect(loosenForPrefilter('\\d{4,}|x{2,9}|y{1,3}|z{2}')).toBe('\\d+|x+|y{1,3}|z{2}');
    // Escapes with braces and braces inside a class are left alone.
    expect(loosenForPrefilter('\\x{17B2}\\p{L}[{]{0,2}')).toBe('\\x{17B2}\\p{L}[{]{0,2}');
    const gap = 'killed[^.]{0,10}?people';
    const b = new PatternBank();
    const id = b.add(gap, false);
    b.build();
    const near = 'killed 30 people';
    const far = 'killed in a storm that left many people';
    // The set answers "may match" for the far pair; the pattern's own matcher (exact bounds) decides.
    expect(b.verdict(near, id, new Map())).toBe(true);
    expect(b.verdict(far, id, new Map())).toBe(true);
    expect(b.regex(id)!.test(far)).toBe(false);
    expect(b.verdict('people were killed', id, new Map())).toBe(false);
  });

  it('rules with a bounded gap flag only within its bounds (through the loosened pre-filter)', () => {
    const pattern = 'killed[^.]{0,10}?people';
    expect(matches(run({ type: 'pattern', pattern }, 'They killed 30 people.'))).toEqual(['killed 30 people']);
    expect(matches(run({ type: 'pattern', pattern }, 'They killed in a storm that left many people.'))).toEqual([]);
    expect(matches(run({ type: 'proximity', all: [{ pattern }] }, 'They killed in a storm that left many people.'))).toEqual([]);
  });

  it('no patterns: no pre-filter and nothing to prepare', () => {
    const b = bank(0);
    expect(b.prepareStep()).toBe(false);
    expect(candidates(b, 'anything', 0)).toBeNull();
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

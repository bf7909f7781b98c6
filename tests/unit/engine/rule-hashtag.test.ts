import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFix } from '@/lib/engine';
import { splitWords } from '@/lib/engine/rules/hashtag';
import { builtinWords } from '@/lib/engine/wordlist';
import { matches, run } from './helpers';

describe('hashtag rules', () => {
  it('camelcase: suggests CamelCase for lower/upper multi-word tags', () => {
    const text = 'Proud of #digitaldiplomacy and #PEACEDAY, #Cambodia #DigitalDiplomacy #asean';
    const r = run({ type: 'hashtag', check: 'camelcase' }, text);
    expect(matches(r)).toEqual(['#digitaldiplomacy', '#PEACEDAY']);
    expect(applyFix(text, r.findings[0]!.fixes[0]!)).toContain('#DigitalDiplomacy and');
    expect(r.findings[1]!.fixes[0]!.replacement).toBe('#PeaceDay');
  });

  it('camelcase: uses rule words and pack vocabulary', () => {
    const r = run({ type: 'hashtag', check: 'camelcase', words: ['angkor'] }, '#angkorwat #visitkep', undefined, { vocabulary: { accept: ['wat', 'Kep'] } });
    expect(r.findings.map((f) => f.fixes[0]!.replacement)).toEqual(['#AngkorWat', '#VisitKep']);
  });

  it('splitWords prefers the fewest words and handles digits', () => {
    expect(splitWords('cop28summit', new Set(['cop', 'summit']))).toEqual(['cop', '28', 'summit']);
    expect(splitWords('cop28summit', builtinWords())).toBeNull(); // "cop" is not a built-in word
    expect(splitWords('worldpeaceday', builtinWords())).toEqual(['world', 'peace', 'day']);
    expect(splitWords('un80', builtinWords())).toEqual(['un', '80']);
    expect(splitWords('cambodia', builtinWords())).toBeNull();
  });

  it('splitWords finds the split a search of every word length finds', () => {
    // The reference tries every word length at every position (what splitWords skips by the longest word per first letters).
    const reference = (body: string, dict: ReadonlySet<string>): number | null => {
      const best = new Array<number>(body.length + 1).fill(Infinity);
      best[0] = 0;
      for (let i = 0; i < body.length; i++) {
        for (let j = i + 1; j <= body.length; j++) {
          const w = body.slice(i, j);
          if ((/^\d+$/.test(w) && !/\d/.test(body[j] ?? '')) || (w.length >= 2 && dict.has(w))) best[j] = Math.min(best[j]!, best[i]! + 1);
        }
      }
      return best[body.length]! >= 2 && best[body.length]! < Infinity ? best[body.length]! : null;
    };
    const unit = fc.constantFrom('a', 'b', 'c', '1');
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit, minLength: 1, maxLength: 5 }), { maxLength: 12 }), fc.string({ unit, maxLength: 14 }), (words, body) => {
        const dict = new Set(words);
        const split = splitWords(body, dict);
        expect(split?.length ?? null).toBe(reference(body, dict));
        if (split) expect(split.join('')).toBe(body);
      }),
      { numRuns: 500 },
    );
  });

  it('banned: compares case-insensitively, with or without #', () => {
    expect(matches(run({ type: 'hashtag', check: 'banned', tags: ['#Vote4Party', 'fakenews'] }, '#vote4party #FakeNews #news'))).toEqual(['#vote4party', '#FakeNews']);
  });

  it('length: counts code points of the tag body', () => {
    expect(matches(run({ type: 'hashtag', check: 'length', max: 5 }, '#short #toolongtag #កម្ពុជា'))).toEqual(['#toolongtag', '#កម្ពុជា']);
  });
});

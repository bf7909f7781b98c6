import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { PATTERNS_PER_SET, PatternBank } from '@/lib/engine/safe-regex';

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
      expect(bank.candidates(text)).toEqual(expected);
    }
  });
});

/**
 * The literal pre-filter may rule a pattern out only when the pattern cannot match. These tests
 * check the extractor on hand-written cases, then against re2js itself: every default-pack
 * pattern, on every text whose literals rule it out, must find no match; and every character of a
 * literal folds like every character RE2's case-insensitive mode treats as the same letter.
 */
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { requiredLiterals } from '@/lib/engine/required-literals';
import { LiteralFilter } from '@/lib/engine/literal-filter';
import { compileSafePattern } from '@/lib/engine/safe-regex';
import { foldLiteralUnit, normalize } from '@/lib/engine/normalize';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { corpusTexts } from './helpers';

/** Every pattern of the default packs (pattern rules and proximity groups), with its case flag. */
function defaultPatterns(): Array<{ source: string; caseSensitive: boolean }> {
  const out: Array<{ source: string; caseSensitive: boolean }> = [];
  const walk = (node: unknown, caseSensitive: boolean): void => {
    if (Array.isArray(node)) for (const x of node) walk(x, caseSensitive);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const cs = typeof o.caseSensitive === 'boolean' ? o.caseSensitive : caseSensitive;
      for (const [k, v] of Object.entries(o)) {
        if (k === 'pattern' && typeof v === 'string') out.push({ source: v, caseSensitive: cs });
        else walk(v, cs);
      }
    }
  };
  walk(DEFAULT_PACKS, false);
  return out;
}

const literalsOf = (source: string) => requiredLiterals(source).map((alt) => alt.map((c) => [...c].sort()));

describe('requiredLiterals', () => {
  it('joins plain characters, small classes and small alternations into literals', () => {
    // Tab, line feed, form feed and return compare as a space (foldLiteralUnit): one literal, not two.
    expect(literalsOf('\\bTOP[ \\t]SECRET\\b')).toEqual([[['top secret']]]);
    expect(literalsOf('top\\s+secret')).toEqual([[['top '], [' secret']]]);
    expect(literalsOf('(?i)\\b(?:dm|pm)\\b')).toEqual([[['dm', 'pm']]]);
    // A top-level alternation keeps one alternative per branch, each with its own conditions.
    expect(literalsOf('motorcade[^.]{0,40}leaves|convoy')).toEqual([[['motorcade'], ['leaves']], [['convoy']]]);
  });

  it('keeps the literals a repetition must contain, and joins its first copies to what precedes', () => {
    expect(literalsOf('\\bmy[ \\t]+(?:brother|sister)')).toEqual([[['my '], [' brother', ' sister']]]);
    expect(literalsOf('(?:ab){2}c')).toEqual([[['ababc']]]);
    expect(literalsOf('x?yz')).toEqual([[['xyz', 'yz']]]);
  });

  it('joins what a part ends with to what follows, and drops conditions another implies', () => {
    // [a-z]+ tells nothing, but "@" then one of a few names joins into literals that imply the names.
    expect(literalsOf('[a-z]+@(?:gmail|yahoo|me)\\.')).toEqual([[['@gmail.', '@me.', '@yahoo.']]]);
    expect(literalsOf('(?:foo|bar)+baz')).toEqual([[['barbaz', 'foobaz']]]);
    expect(literalsOf('(?:x+ab|y+cd)ef')).toEqual([[['xabef', 'ycdef']]]);
    expect(literalsOf('\\bMr\\.?\\s+Samdech')).toEqual([[['mr ', 'mr. '], [' samdech']]]);
  });

  it('knows nothing (the pattern always runs) where a match may avoid every literal', () => {
    expect(literalsOf('\\w+ing')).toEqual([[['ing']]]);
    expect(requiredLiterals('[A-Z]{2,}')).toEqual([]);
    expect(requiredLiterals('a|\\w+')).toEqual([]);
    expect(requiredLiterals('(?:secret)?')).toEqual([]);
    // Syntax it does not read (\Q…\E) makes it give up, not guess.
    expect(requiredLiterals('\\Qa.b\\E')).toEqual([]);
  });

  it('folds case, Khmer spelling variants and digits like the text it is compared with', () => {
    expect(literalsOf('ឲ្យ')).toEqual([[['ឱ្យ']]]);
    expect(literalsOf('\\x{17B2}្យ')).toEqual([[['ឱ្យ']]]);
    expect(literalsOf('(?i)KELVIN')).toEqual([[['kelvin']]]);
    expect(literalsOf('\\d{1,2}h')).toEqual([[['0h', '1h', '2h', '3h', '4h', '5h', '6h', '7h', '8h', '9h']]]);
  });

  it('counts characters outside the BMP whole, or by their high surrogate inside a wide class', () => {
    expect(literalsOf('[\\x{1D400}-\\x{1D7FF}]+')).toEqual([[['\uD835']]]);
    // A few enclosed letters (🄰–🄲), not the high surrogate every flag emoji shares with them.
    expect(literalsOf('[\\x{1F130}-\\x{1F132}]')).toEqual([[['🄰', '🄱', '🄲']]]);
    expect(requiredLiterals('[\\x{1F130}-\\x{1F189}]{2,}')[0]![0]).toHaveLength(90);
    expect(literalsOf('😂|🤣')).toEqual([[['😂', '🤣']]]);
  });

  it('stays linear on hostile patterns', () => {
    const nested = `${'('.repeat(900)}a${')'.repeat(900)}`;
    expect(requiredLiterals(nested)).toEqual([]);
    const wide = `(?:${Array.from({ length: 400 }, (_, i) => `w${i}x`).join('|')})`;
    expect(requiredLiterals(wide)).toHaveLength(1);
  });
});

describe('the literal filter against re2js', () => {
  it('compares a tab or line break in the text as the space its literal has', () => {
    const filter = new LiteralFilter();
    const id = filter.add('\\bTOP[ \\t]SECRET\\b');
    expect(filter.possible('TOP\tSECRET')[id]).toBe(1);
    expect(filter.possible('Top secret')[id]).toBe(1);
    expect(filter.possible('top-secret')[id]).toBe(0);
  });

  it('never rules out a default-pack pattern on a text it matches (original and normalised text)', () => {
    const patterns = defaultPatterns();
    expect(patterns.length).toBeGreaterThan(150);
    const filter = new LiteralFilter();
    for (const p of patterns) filter.add(p.source);
    const regexes = patterns.map((p) => compileSafePattern(p.source, p.caseSensitive));
    let ruledOut = 0;
    let checked = 0;
    for (const text of corpusTexts()) {
      for (const t of [text, normalize(text).norm]) {
        const possible = filter.possible(t);
        for (let id = 0; id < patterns.length; id++) {
          if (possible[id] === 1) continue;
          ruledOut++;
          if (!regexes[id]!.test(t)) continue;
          expect.fail(`pattern ${patterns[id]!.source.slice(0, 80)}… matches “${t.slice(0, 80)}” but its literals ruled it out`);
        }
        checked++;
      }
    }
    // The filter does its job: most (pattern, text) pairs never run a matcher.
    expect(ruledOut / (checked * patterns.length)).toBeGreaterThan(0.8);
  }, 120_000);

  it('folds every literal character like each character RE2 (?i) treats as the same letter', () => {
    const chars = new Set<number>();
    for (const p of defaultPatterns()) for (const alt of requiredLiterals(p.source)) for (const c of alt) for (const l of c) for (let i = 0; i < l.length; i++) chars.add(l.charCodeAt(i));
    // Each BMP character once (no surrogates), each on its own line so matches do not overlap.
    const all = Array.from({ length: 0xffff }, (_, c) => (c >= 0xd800 && c <= 0xdfff ? '' : String.fromCharCode(c))).join('\n');
    for (const c of chars) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const m = RE2JS.compile(`(?i)\\x{${c.toString(16)}}`).matcher(all);
      while (m.find()) {
        const x = all.charCodeAt(m.start());
        if (foldLiteralUnit(x) !== foldLiteralUnit(c)) expect.fail(`U+${x.toString(16)} matches (?i)U+${c.toString(16)} but folds differently`);
      }
    }
    expect(chars.size).toBeGreaterThan(50);
  }, 60_000);
});

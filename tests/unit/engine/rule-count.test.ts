import { describe, expect, it } from 'vitest';
import { applyFix } from '@/lib/engine';
import { matches, run } from './helpers';

describe('count rules', () => {
  it('hashtags: flags the first tag over the limit', () => {
    const r = run({ type: 'count', measure: 'hashtags', max: 2, message: { en: '{count} hashtags; keep to {max}.' } }, '#a1 #b2 #c3 #d4 and #1 (not a tag)');
    expect(matches(r)).toEqual(['#c3']);
    expect(r.findings[0]!.message.en).toBe('4 hashtags; keep to 2.');
  });

  it('mentions, links and emoji', () => {
    expect(matches(run({ type: 'count', measure: 'mentions', max: 1 }, '@a and @b, mail me@x.org'))).toEqual(['@b']);
    expect(matches(run({ type: 'count', measure: 'links', max: 1 }, 'https://a.org and www.b.com and mfaic.gov.kh.'))).toEqual(['www.b.com']);
    expect(matches(run({ type: 'count', measure: 'emoji', max: 2 }, '🇰🇭 👨‍👩‍👧 🎉 ok'))).toEqual(['🎉']);
  });

  it('exclamations with a remove fix', () => {
    const text = 'Great news! Really!';
    const r = run({ type: 'count', measure: 'exclamations', max: 1, fix: { action: 'remove' } }, text);
    expect(r.findings[0]!.range).toEqual({ start: 18, end: 19 });
    expect(applyFix(text, r.findings[0]!.fixes[0]!)).toBe('Great news! Really');
  });

  it('min: flags the whole draft when too few', () => {
    const r = run({ type: 'count', measure: 'hashtags', min: 1 }, 'No tags here');
    expect(r.findings[0]!.range).toEqual({ start: 0, end: 12 });
  });

  it('caps-ratio: only with enough letters, ignoring links', () => {
    const rule = { type: 'count', measure: 'caps-ratio', max: 0.5, message: { en: '{count} capitals.' } } as const;
    expect(run(rule, 'SHORT ONE').findings).toHaveLength(0);
    const r = run(rule, 'THIS IS A VERY LOUD ANNOUNCEMENT today');
    expect(r.findings[0]!.message.en).toBe('84% capitals.');
    expect(run(rule, 'Normal text here, see https://EXAMPLE.ORG/SHOUTING/PATH/NOW').findings).toHaveLength(0);
  });

  it('caps-words', () => {
    expect(matches(run({ type: 'count', measure: 'caps-words', max: 1 }, 'HUN MANET met the UN'))).toEqual(['MANET']);
  });
});

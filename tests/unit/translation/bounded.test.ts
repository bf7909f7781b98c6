/**
 * Issue 13: `envoy:translate` never blocks the background for long. The outer-whitespace split is
 * linear (the regex it replaces took seconds on a run of inner spaces) and gives the same parts;
 * the handler yields to the event loop between its steps.
 */
import { describe, expect, it } from 'vitest';
import { splitOuterWhitespace, trailingWhitespace } from '@/lib/translation/whitespace';
import { applyTranslation, translateDraft } from '@/lib/translation/translate';
import { translateAroundSpans, findProtectedSpans } from '@/lib/translation/protect';
import type { TranslationProvider } from '@/lib/translation/types';

const SAMPLES = ['', ' ', ' \n\t', 'a', '  a  ', '\u200Bក្រសួង\u200B', '\u00A0\u3000l’été\u2028', 'a b', ' a\n\nb \r\n', '\uFEFFx\uFEFF', '\u200B \u200B', '🇰🇭 ', '\u0085x\u0085'];

describe('outer whitespace, linear', () => {
  it('splits exactly as /^(\\s*)([\\s\\S]*?)(\\s*)$/u did', () => {
    for (const s of SAMPLES) {
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(s) ?? [];
      expect(splitOuterWhitespace(s), JSON.stringify(s)).toEqual({ lead, core, trail });
      expect(trailingWhitespace(s), JSON.stringify(s)).toBe(/\s*$/u.exec(s)?.[0] ?? '');
    }
  });

  it('"a" + 64,998 spaces + "b" is split in milliseconds', () => {
    const s = `a${' '.repeat(64_998)}b`;
    const t = performance.now();
    const parts = splitOuterWhitespace(` ${s}\n`);
    expect(trailingWhitespace(s)).toBe('');
    expect(applyTranslation(s, { start: 0, end: s.length }, 'x', { mode: 'below' })).toBe(`${s}\n\nx`);
    expect(performance.now() - t).toBeLessThan(100);
    expect(parts).toEqual({ lead: ' ', core: s, trail: '\n' });
  });
});

const echo = (calls: string[]): TranslationProvider => ({
  type: 'apertium',
  id: 'echo',
  label: 'Echo',
  isCloud: false,
  markup: undefined,
  destination: () => '127.0.0.1',
  supports: async () => true,
  translate: async ({ text }) => {
    calls.push(text);
    return text.toUpperCase();
  },
});

describe('translateDraft stays responsive', () => {
  it('translates "a" + 64,998 spaces + "b" quickly and keeps the spaces', async () => {
    const calls: string[] = [];
    const text = `a${' '.repeat(64_998)}b`;
    const t = performance.now();
    const r = await translateDraft({ text, from: 'en', to: 'fr', providers: [echo(calls)], allowCloud: false });
    expect(performance.now() - t).toBeLessThan(400);
    expect(r.text).toBe(text.toUpperCase());
    expect(calls).toEqual([text]);
  });

  it('lets a timer run between its steps (other messages are not held up until the end)', async () => {
    const calls: string[] = [];
    let timers = 0;
    let running = true;
    const tick = () => {
      timers++;
      if (running) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    // The provider answers without any real I/O, so only the handler's own yields let the timer in.
    const r = await translateDraft({ text: 'See https://example.org/a and #Tag 2026.', from: 'en', to: 'fr', providers: [echo(calls)], allowCloud: false });
    running = false;
    expect(r.method).toBe('placeholder');
    expect(timers).toBeGreaterThanOrEqual(3);
  });

  it('the piece-wise fallback trims each piece linearly as well', async () => {
    const text = `a${' '.repeat(30_000)}b https://example.org/x c${' '.repeat(30_000)}`;
    const spans = findProtectedSpans(text);
    const t = performance.now();
    const out = await translateAroundSpans(text, spans, async (piece) => `[${piece}]`);
    expect(performance.now() - t).toBeLessThan(400);
    expect(out).toBe(`[a${' '.repeat(30_000)}b] https://example.org/x [c]${' '.repeat(30_000)}`);
  });
});

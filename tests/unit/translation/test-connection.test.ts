/** Settings → Translation → "Test connection": descriptors with a probe send no text. */
import { describe, expect, it } from 'vitest';
import { testProviderConnection } from '@/components/options/test-provider';
import { recorder } from './helpers';

describe('testProviderConnection', () => {
  it('Apertium lists its pairs (GET /listPairs, no text sent)', async () => {
    const { fetch, calls } = recorder([
      { status: 200, body: { responseData: [{ sourceLanguage: 'eng', targetLanguage: 'spa' }, { sourceLanguage: 'spa', targetLanguage: 'eng' }], responseStatus: 200 } },
    ]);
    const r = await testProviderConnection({ type: 'apertium', endpoint: 'https://mt.example.org/apy' }, { fetch });
    expect(r.ok).toBe(true);
    expect(r.detail).toMatch(/^mt\.example\.org, \d+ language pairs$/);
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([['GET', 'https://mt.example.org/apy/listPairs', undefined]]);
  });

  it('the Chrome translator reports availability, or its absence', async () => {
    const noFetch = () => Promise.reject(new Error('no network'));
    const api = { availability: async () => 'downloadable' as const, create: async () => ({ translate: async (s: string) => s }) };
    expect(await testProviderConnection({ type: 'chrome' }, { fetch: noFetch, chromeTranslator: api })).toEqual({ ok: true, detail: 'English → French: downloadable' });
    expect(await testProviderConnection({ type: 'chrome' }, { fetch: noFetch })).toEqual({ ok: false, detail: 'this browser has no built-in translator' });
  });

  it('other services translate the word "Hello" only', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: { translatedText: 'Bonjour' } }]);
    const r = await testProviderConnection({ type: 'libretranslate', endpoint: 'https://lt.example.org' }, { fetch });
    expect(r).toEqual({ ok: true, detail: 'lt.example.org: “Hello” → “Bonjour”' });
    expect(JSON.parse(calls[0]!.body!)).toMatchObject({ q: 'Hello', source: 'en', target: 'fr' });
  });
});

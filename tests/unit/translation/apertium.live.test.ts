// @vitest-environment node
/**
 * Live test against a real Apertium APy on loopback (apertium-apy + apertium-eng-spa).
 */
import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApertiumProvider } from '../../../lib/translation/providers';
import { findProtectedSpans, maskPlaceholders, restorePlaceholders } from '../../../lib/translation/protect';
import { translateDraft } from '../../../lib/translation/translate';
import { TranslationError } from '../../../lib/translation/types';
import { startApertium, type ApertiumServer } from '../../e2e/apertium-server';

let server: ApertiumServer;
let provider: ApertiumProvider;

beforeAll(async () => {
  server = await startApertium();
  provider = new ApertiumProvider({ type: 'apertium', endpoint: server.endpoint }, { fetch: (u, i) => fetch(u, i), timeoutMs: 20_000 });
  console.info(`apertium-apy up in ${server.startupMs} ms at ${server.endpoint}`);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('Apertium APy (live, loopback)', () => {
  it('listens on loopback only', () => {
    expect(new URL(server.endpoint).hostname).toBe('127.0.0.1');
    if (existsSync('/proc/net/tcp')) {
      const hex = server.port.toString(16).toUpperCase().padStart(4, '0');
      const listening = [...readFileSync('/proc/net/tcp', 'utf8').split('\n'), ...(existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8').split('\n') : [])]
        .map((l) => l.trim().split(/\s+/))
        .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === '0A')
        .map((f) => f[1]!.split(':')[0]);
      expect(listening).toEqual(['0100007F']);
    }
  });

  it('lists its pairs: eng→spa yes, eng→khm no', async () => {
    expect(await provider.supports({ from: 'en', to: 'es' })).toBe(true);
    expect(await provider.supports({ from: 'es', to: 'en-US' })).toBe(true);
    expect(await provider.supports({ from: 'en', to: 'km' })).toBe(false);
  });

  it('keeps ⟦n⟧ placeholders verbatim, even glued to punctuation', async () => {
    const text = 'The minister met @a, @b and @c (see #d) at https://e.org/x; thanks @f!';
    const m = maskPlaceholders(text, findProtectedSpans(text));
    const t0 = performance.now();
    const out = await provider.translate({ text: m.masked, from: 'en', to: 'es', format: 'text' });
    console.info(`apertium first (cold pipeline) translation ${(performance.now() - t0).toFixed(0)} ms`);
    const r = restorePlaceholders(out, m);
    expect(r).toMatchObject({ ok: true, missing: [], duplicated: [], unexpected: [] });
  });

  it('translates eng→spa with a mention, a hashtag and a URL kept verbatim', async () => {
    const text = 'Hello @MFAICCambodia, welcome to #ASEAN2025! Read the statement at https://mfaic.gov.kh/news?id=12&lang=en today.';
    const t0 = performance.now();
    const r = await translateDraft({ text, from: 'en', to: 'es', providers: [provider], allowCloud: false });
    const ms = performance.now() - t0;
    console.info(`apertium eng→spa round trip ${ms.toFixed(0)} ms: ${r.text}`);
    expect(r.method).toBe('placeholder');
    expect(r.warnings).toEqual([]);
    for (const entity of ['@MFAICCambodia', '#ASEAN2025', 'https://mfaic.gov.kh/news?id=12&lang=en']) {
      expect(count(r.text, entity), entity).toBe(1);
    }
    expect(r.text).toMatch(/Hola/);
    expect(r.text).toMatch(/bienvenid/i);
    expect(r.text).not.toMatch(/\*/); // markUnknown=no
    expect(r.text).not.toMatch(/⟦|⟧/);
    expect(r).toMatchObject({ providerId: provider.id, destination: `127.0.0.1:${server.port}`, isCloud: false });
  });

  it('startApertium explains how to install APy when the binary is missing', async () => {
    await expect(startApertium({ binary: 'apertium-apy-not-installed' })).rejects.toThrow(/apt-get install apertium-apy apertium-eng-spa/);
  });

  it('reports a pair the server does not have as unsupported-pair', async () => {
    const e = await provider.translate({ text: 'Hello', from: 'en', to: 'fr', format: 'text' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TranslationError);
    expect((e as TranslationError).kind).toBe('unsupported-pair');
  });
});

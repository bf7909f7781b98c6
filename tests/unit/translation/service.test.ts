/**
 * Background translation service (extension/translation-service.ts) with a recording fetch:
 * routing, host permissions, the cloud contract (opt-in AND a one-time confirmation token), error kinds,
 * and no draft text in logs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslationService, type TranslationSettings } from '@/extension/translation-service';
import { parseRequest } from '@/lib/messages';
import { CONFIRMATION_TTL_MS, createConfirmationStore } from '@/lib/translation/confirmations';
import type { ChromeAvailability, ChromeTranslatorApi } from '@/lib/translation/providers/chrome';
import type { ProviderConfig } from '@/lib/translation/types';
import { noSleep, recorder, type RecordedRequest, type RecordedResponse } from './helpers';

const DRAFT = 'Thank you @UNESCO for the meeting about #WorldHeritage. Read https://whc.unesco.org/en/list/668';
const APY = 'http://127.0.0.1:2737';
const APERTIUM: ProviderConfig = { type: 'apertium', endpoint: APY };
const DEEPL: ProviderConfig = { type: 'deepl', apiKey: 'secret-key:fx' };

/** A fake APy: eng→spa installed; translation swaps a few words, keeps placeholders. */
function apy(req: RecordedRequest): RecordedResponse | Error {
  if (req.url.endsWith('/listPairs')) return { status: 200, body: { responseData: [{ sourceLanguage: 'eng', targetLanguage: 'spa' }], responseStatus: 200 } };
  if (req.url.endsWith('/translate')) {
    const q = new URLSearchParams(req.body ?? '').get('q') ?? '';
    const out = q.replace('Thank you', 'Gracias').replace('for the meeting about', 'para la reunión sobre').replace('Read', 'Leer');
    return { status: 200, body: { responseData: { translatedText: out }, responseStatus: 200 } };
  }
  return { status: 404 };
}

function deepl(req: RecordedRequest): RecordedResponse {
  const params = new URLSearchParams(req.body ?? '');
  return { status: 200, body: { translations: [{ detected_source_language: 'EN', text: `ES:${params.get('text') ?? ''}` }] } };
}

function service(opts: {
  providers: ProviderConfig[];
  allowCloud?: boolean;
  granted?: string[];
  answer?: (req: RecordedRequest) => RecordedResponse | Error;
  chrome?: ChromeTranslatorApi;
}) {
  const settings: TranslationSettings = { translationProviders: opts.providers, allowCloudTranslation: opts.allowCloud ?? false };
  const rec = recorder(opts.answer ?? ((r) => (r.url.startsWith(APY) ? apy(r) : deepl(r))));
  const granted = new Set(opts.granted ?? ['http://127.0.0.1/*', 'https://api-free.deepl.com/*']);
  const hasOrigin = vi.fn(async (p: string) => granted.has(p));
  const svc = createTranslationService({
    settings: () => settings,
    fetch: rec.fetch,
    hasOrigin,
    chromeTranslator: opts.chrome,
    http: { retries: 1, backoffMs: 1, sleep: noSleep, timeoutMs: 2000 },
  });
  return { svc, calls: rec.calls, hasOrigin };
}

function fakeChrome(availability: ChromeAvailability, translate = (s: string) => `[chrome] ${s}`): ChromeTranslatorApi {
  return {
    availability: async () => availability,
    create: async () => ({ translate: async (s: string) => translate(s) }),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('plan (envoy:translate-plan)', () => {
  it('names the self-hosted server the text would go to, without sending the draft', async () => {
    const { svc, calls } = service({ providers: [APERTIUM] });
    const plan = await svc.plan({ type: 'envoy:translate-plan', text: DRAFT, to: 'es' });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.from).toBe('en');
    expect(plan.next).toMatchObject({ privacy: 'self-hosted', destination: '127.0.0.1:2737', status: 'candidate' });
    expect(calls.map((c) => c.url)).toEqual([`${APY}/listPairs`]);
    expect(calls.some((c) => (c.body ?? '').includes('UNESCO'))).toBe(false);
  });

  it('marks unsupported pairs, cloud services that are off, missing permissions and packs to download', async () => {
    const { svc } = service({
      providers: [{ type: 'chrome' }, DEEPL, { type: 'libretranslate', endpoint: 'https://mt.example.org' }, APERTIUM],
      chrome: fakeChrome('downloadable'),
    });
    const plan = await svc.plan({ type: 'envoy:translate-plan', text: DRAFT, to: 'km' });
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.steps.map((s) => s.status)).toEqual(['download-required', 'cloud-not-allowed', 'needs-permission', 'unsupported']);
    expect(plan.steps[2]!.origin).toBe('https://mt.example.org/*');
    expect(plan.next).toBeUndefined();
  });

  it('uses Chrome on-device when its pack is available, and the user override for the source', async () => {
    const { svc } = service({ providers: [{ type: 'chrome' }, APERTIUM], chrome: fakeChrome('available') });
    const plan = await svc.plan({ type: 'envoy:translate-plan', text: 'Bonjour à tous', from: 'fr', to: 'en' });
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.from).toBe('fr');
    expect(plan.next).toMatchObject({ providerId: 'chrome', privacy: 'on-device' });
  });

  it('reports an undetectable language as from: null (the user chooses)', async () => {
    const { svc } = service({ providers: [APERTIUM] });
    const plan = await svc.plan({ type: 'envoy:translate-plan', text: '@UNESCO https://example.org 🙂', to: 'es' });
    expect(plan).toMatchObject({ ok: true, from: null, steps: [] });
  });
});

describe('translate (envoy:translate)', () => {
  it('translates through Apertium with mentions, hashtags and links verbatim', async () => {
    const { svc } = service({ providers: [APERTIUM] });
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.result.text).toContain('Gracias');
    for (const span of ['@UNESCO', '#WorldHeritage', 'https://whc.unesco.org/en/list/668']) expect(res.result.text).toContain(span);
    expect(res.result).toMatchObject({ privacy: 'self-hosted', destination: '127.0.0.1:2737', range: { start: 0, end: DRAFT.length } });
    expect(res.result.spans.map((s) => s.kind)).toEqual(expect.arrayContaining(['mention', 'hashtag', 'url']));
    expect(res.result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('translates a selection only and reports its range', async () => {
    const { svc } = service({ providers: [APERTIUM] });
    const text = `Hello.\n${DRAFT}`;
    const res = await svc.translate({ type: 'envoy:translate', text, selection: { start: 7, end: text.length }, from: 'en', to: 'es' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.result.range).toEqual({ start: 7, end: text.length });
    expect(res.result.text.startsWith('Gracias')).toBe(true);
  });

  it('falls back from Chrome (pack not downloaded) to the next service, with a warning', async () => {
    const { svc } = service({ providers: [{ type: 'chrome' }, APERTIUM], chrome: fakeChrome('downloadable') });
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.result.providerId).toMatch(/^apertium:/);
    expect(res.result.warnings.map((w) => w.code)).toContain('download-required');
  });

  it('forces approved glossary terms and flags a draft term the service rendered differently', async () => {
    const { svc, calls } = service({
      providers: [APERTIUM],
      answer: (r) => {
        if (r.url.endsWith('/listPairs')) return { status: 200, body: { responseData: [{ sourceLanguage: 'eng', targetLanguage: 'fra' }] } };
        const q = new URLSearchParams(r.body ?? '').get('q') ?? '';
        return { status: 200, body: { responseData: { translatedText: q.replace('Statement by the', 'Déclaration du').replace('and the Ambassador', 'et le diplomate') } } };
      },
    });
    const text = 'Statement by the Ministry of Foreign Affairs and International Cooperation and the Ambassador';
    const res = await svc.translate({ type: 'envoy:translate', text, from: 'en', to: 'fr' });
    if (!res.ok) throw new Error(res.error.message);
    // The approved (reviewed) ministry name went through as a protected placeholder…
    expect(new URLSearchParams(calls.at(-1)!.body ?? '').get('q')).not.toContain('Ministry');
    expect(res.result.text).toContain('Ministère des Affaires étrangères et de la Coopération internationale');
    // …and the draft term "Ambassador", rendered "diplomate", is flagged for the preview.
    expect(res.result.glossaryIssues).toEqual([expect.objectContaining({ termId: 'ambassador', expected: 'Ambassadeur', reviewed: false })]);
  });
});

/** A content script's tab and origin, as the background identifies the sender. */
const TAB = '7 https://www.facebook.com';
const FORGED = 'f'.repeat(32);

describe('cloud contract: opt-in AND a one-time confirmation of the destination, else refused', () => {
  it('never sends to a cloud service when cloud translation is not allowed', async () => {
    const { svc, calls } = service({ providers: [DEEPL], allowCloud: false });
    expect(await svc.confirmCloud('api-free.deepl.com', TAB)).toEqual({ ok: false });
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es', confirmation: FORGED }, TAB);
    expect(res).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(calls).toHaveLength(0);
  });

  it('refuses without a confirmed destination, naming the destination to confirm', async () => {
    const { svc, calls } = service({ providers: [DEEPL], allowCloud: true });
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es' });
    expect(res).toMatchObject({ ok: false, error: { kind: 'confirm-cloud', destination: 'api-free.deepl.com' } });
    expect(calls).toHaveLength(0);
  });

  it('refuses when the confirmed destination is a different host', async () => {
    const { svc, calls } = service({ providers: [DEEPL], allowCloud: true });
    // No confirmation is minted for a host no configured cloud service has…
    expect(await svc.confirmCloud('api.deepl.com', TAB)).toEqual({ ok: false });
    // …and a made-up token confirms nothing.
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es', confirmation: FORGED }, TAB);
    expect(res).toMatchObject({ ok: false, error: { kind: 'confirm-cloud' } });
    expect(calls).toHaveLength(0);
  });

  it('sends only after the user confirmed exactly that host', async () => {
    const { svc, calls } = service({ providers: [DEEPL], allowCloud: true });
    const minted = await svc.confirmCloud('api-free.deepl.com', TAB);
    if (!minted.ok) throw new Error('no confirmation minted');
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es', confirmation: minted.token }, TAB);
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.result).toMatchObject({ privacy: 'cloud', isCloud: true, destination: 'api-free.deepl.com' });
    expect(calls.every((c) => c.url.startsWith('https://api-free.deepl.com/'))).toBe(true);
  });

  it('a confirmation is single use, short-lived and bound to the tab that asked for it', async () => {
    let clock = 1_000_000;
    const confirmations = createConfirmationStore({ now: () => clock });
    const settings: TranslationSettings = { translationProviders: [DEEPL], allowCloudTranslation: true };
    const rec = recorder(deepl);
    const svc = createTranslationService({
      settings: () => settings,
      fetch: rec.fetch,
      hasOrigin: async () => true,
      confirmations,
      now: () => clock,
      http: { retries: 1, backoffMs: 1, sleep: noSleep, timeoutMs: 2000 },
    });
    const request = { type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es' } as const;
    const mint = async () => {
      const minted = await svc.confirmCloud('api-free.deepl.com', TAB);
      if (!minted.ok) throw new Error('no confirmation minted');
      return minted.token;
    };

    const once = await mint();
    expect((await svc.translate({ ...request, confirmation: once }, TAB)).ok).toBe(true);
    const sent = rec.calls.length;
    expect(sent).toBeGreaterThan(0);
    // Replayed: refused.
    expect(await svc.translate({ ...request, confirmation: once }, TAB)).toMatchObject({ ok: false, error: { kind: 'confirm-cloud' } });
    // Presented by another tab (or another site in the same tab): refused, and spent.
    const stolen = await mint();
    expect(await svc.translate({ ...request, confirmation: stolen }, '8 https://www.facebook.com')).toMatchObject({ ok: false, error: { kind: 'confirm-cloud' } });
    expect(await svc.translate({ ...request, confirmation: stolen }, TAB)).toMatchObject({ ok: false, error: { kind: 'confirm-cloud' } });
    // Expired.
    const late = await mint();
    clock += CONFIRMATION_TTL_MS + 1;
    expect(await svc.translate({ ...request, confirmation: late }, TAB)).toMatchObject({ ok: false, error: { kind: 'confirm-cloud' } });
    expect(rec.calls).toHaveLength(sent);
  });

  it('a forged request from a content-script context, with no token, is refused and sends nothing', async () => {
    const { svc, calls } = service({ providers: [DEEPL], allowCloud: true });
    // The old self-declared confirmation: the whole message is refused on receipt.
    expect(parseRequest({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es', confirmedDestination: 'api-free.deepl.com' })).toBeUndefined();
    // Without the field it parses, and the service refuses it: no confirmation was minted.
    const forged = parseRequest({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es' });
    if (forged?.type !== 'envoy:translate') throw new Error('unexpected parse');
    expect(await svc.translate(forged, TAB)).toMatchObject({ ok: false, error: { kind: 'confirm-cloud', destination: 'api-free.deepl.com' } });
    expect(parseRequest({ type: 'envoy:translate', text: DRAFT, to: 'es', confirmation: 'not-a-token' })).toBeUndefined();
    expect(calls).toHaveLength(0);
  });

  it('prefers the self-hosted server and never asks for the cloud one when that works', async () => {
    const { svc, calls } = service({ providers: [APERTIUM, DEEPL], allowCloud: true });
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es' });
    expect(res.ok && res.result.providerId.startsWith('apertium:')).toBe(true);
    expect(calls.some((c) => c.url.includes('deepl'))).toBe(false);
  });
});

describe('host permissions and errors', () => {
  it('without the host permission, a server that refuses cross-origin requests: a clear error naming the host', async () => {
    // A browser reports a CORS refusal like a network failure: fetch rejects with a TypeError.
    const { svc, calls } = service({ providers: [APERTIUM], granted: [], answer: () => new TypeError('Failed to fetch') });
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es' });
    expect(res).toMatchObject({
      ok: false,
      error: { kind: 'permission', origin: 'http://127.0.0.1/*', message: 'Envoy needs permission to reach 127.0.0.1: open Settings → Translation.' },
    });
    // Only the configured server was tried; nothing went anywhere else.
    expect(calls.every((c) => c.url.startsWith(APY))).toBe(true);
  });

  it('without the host permission, a self-hosted server that allows cross-origin requests works with no user step', async () => {
    const { svc } = service({ providers: [APERTIUM], granted: [] });
    const plan = await svc.plan({ type: 'envoy:translate-plan', text: DRAFT, to: 'es' });
    expect(plan).toMatchObject({ ok: true, next: { status: 'candidate', privacy: 'self-hosted' } });
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.result.text).toContain('Gracias');
    expect(res.result.warnings.map((w) => w.code)).not.toContain('needs-permission');
  });

  it('a cloud service still needs its host permission (never tried without it)', async () => {
    const { svc, calls } = service({ providers: [DEEPL], allowCloud: true, granted: [] });
    const plan = await svc.plan({ type: 'envoy:translate-plan', text: DRAFT, from: 'en', to: 'es' });
    expect(plan).toMatchObject({ ok: true, steps: [{ status: 'needs-permission', origin: 'https://api-free.deepl.com/*' }] });
    const minted = await svc.confirmCloud('api-free.deepl.com', TAB);
    if (!minted.ok) throw new Error('no confirmation minted');
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es', confirmation: minted.token }, TAB);
    expect(res).toMatchObject({ ok: false, error: { kind: 'permission' } });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['unreachable', () => new TypeError('Failed to fetch')],
    ['bad-key', () => ({ status: 403, body: { message: 'Forbidden' } })],
    ['quota', () => ({ status: 456, body: { message: 'Quota exceeded' } })],
  ] as const)('maps failures to %s without draft text in messages or logs', async (kind, failure) => {
    const logged: unknown[] = [];
    for (const level of ['log', 'warn', 'error', 'info', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(...args));
    }
    const { svc } = service({ providers: [DEEPL], allowCloud: true, answer: () => failure() });
    const minted = await svc.confirmCloud('api-free.deepl.com', TAB);
    if (!minted.ok) throw new Error('no confirmation minted');
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'es', confirmation: minted.token }, TAB);
    expect(res).toMatchObject({ ok: false, error: { kind } });
    const everything = JSON.stringify(res) + JSON.stringify(logged.map(String));
    expect(everything).not.toContain('UNESCO');
    expect(everything).not.toContain('Thank you');
    expect(everything).not.toContain('secret-key');
  });

  it('unsupported pair everywhere: unsupported-pair, no text sent', async () => {
    const { svc, calls } = service({ providers: [APERTIUM] });
    const res = await svc.translate({ type: 'envoy:translate', text: DRAFT, from: 'en', to: 'km' });
    expect(res).toMatchObject({ ok: false, error: { kind: 'unsupported-pair' } });
    expect(calls.filter((c) => c.url.endsWith('/translate'))).toHaveLength(0);
  });
});

describe('message validation on receipt', () => {
  it('accepts well-formed translation requests and rejects malformed ones', () => {
    expect(parseRequest({ type: 'envoy:translate', text: 'Hi', to: 'es' })).toBeDefined();
    expect(parseRequest({ type: 'envoy:translate', text: 'Hi', to: 'zh-Hant', from: 'en', selection: { start: 0, end: 2 } })).toBeDefined();
    expect(parseRequest({ type: 'envoy:translate-plan', text: 'Hi', to: 'km' })).toBeDefined();
    expect(parseRequest({ type: 'envoy:translate', text: 'Hi', to: 'not a language' })).toBeUndefined();
    expect(parseRequest({ type: 'envoy:translate', text: 'Hi', to: 'es', selection: { start: -1, end: 2 } })).toBeUndefined();
    expect(parseRequest({ type: 'envoy:translate', text: 'x'.repeat(65_001), to: 'es' })).toBeUndefined();
    expect(parseRequest({ type: 'envoy:translate', text: 'Hi', to: 'es', confirmedDestination: 'x'.repeat(300) })).toBeUndefined();
  });
});

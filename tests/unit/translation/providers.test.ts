import { describe, expect, it } from 'vitest';
import { requestJson } from '../../../lib/translation/http';
import {
  ApertiumProvider,
  ChromeTranslatorProvider,
  DeepLProvider,
  GoogleProvider,
  LibreTranslateProvider,
  MicrosoftProvider,
  chromeLanguageDetector,
  createProviders,
  type ChromeTranslatorApi,
} from '../../../lib/translation/providers';
import { TranslationError } from '../../../lib/translation/types';
import { noSleep, recorder } from './helpers';

const DRAFT = 'Secret draft: the Minister will visit Paris on 3 May.';
const deps = (fetch: ReturnType<typeof recorder>['fetch']) => ({ fetch, sleep: noSleep, retries: 2 });

async function failure(p: Promise<unknown>): Promise<TranslationError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(TranslationError);
    const err = e as TranslationError;
    // Never any draft text in what the UI shows or logs.
    expect(err.message).not.toContain('Secret');
    expect(JSON.stringify(err)).not.toContain('Secret');
    return err;
  }
  throw new Error('expected a TranslationError');
}

// ---------------------------------------------------------------------------------------------
describe('http', () => {
  it('retries 5xx / 429 with backoff (honouring Retry-After) and then succeeds', async () => {
    const { fetch, calls } = recorder([{ status: 503 }, { status: 429, headers: { 'Retry-After': '2' } }, { status: 200, body: { ok: 1 } }]);
    const waits: number[] = [];
    const r = await requestJson('https://x.test/a', { method: 'GET' }, { fetch, providerId: 'p', providerLabel: 'P', retries: 2, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    expect(r.body).toEqual({ ok: 1 });
    expect(calls).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[0]).toBeLessThanOrEqual(125);
    expect(waits[1]).toBe(2000);
  });

  it('gives up after bounded retries: network error → unreachable, 429 → quota', async () => {
    const net = recorder([new TypeError('fetch failed'), new TypeError('fetch failed'), new TypeError('fetch failed')]);
    const e1 = await failure(requestJson('https://x.test', {}, { fetch: net.fetch, providerId: 'p', providerLabel: 'P', retries: 2, sleep: noSleep }));
    expect([e1.kind, net.calls.length]).toEqual(['unreachable', 3]);
    const rl = recorder([{ status: 429 }, { status: 429 }]);
    const e2 = await failure(requestJson('https://x.test', {}, { fetch: rl.fetch, providerId: 'p', providerLabel: 'P', retries: 1, sleep: noSleep }));
    expect([e2.kind, e2.status, rl.calls.length]).toEqual(['quota', 429, 2]);
  });

  it('does not retry 4xx and maps 401/403 to bad-key', async () => {
    const r = recorder([{ status: 401, body: { error: `bad key for "${DRAFT}"` } }]);
    const e = await failure(requestJson('https://x.test', {}, { fetch: r.fetch, providerId: 'p', providerLabel: 'P', sleep: noSleep }));
    expect([e.kind, e.status, r.calls.length]).toEqual(['bad-key', 401, 1]);
  });

  it('times out a hanging request and reports cancellation separately', async () => {
    const hanging = (_: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const e = await failure(requestJson('https://x.test', {}, { fetch: hanging, providerId: 'p', providerLabel: 'P', timeoutMs: 20, retries: 1, sleep: noSleep }));
    expect(e.kind).toBe('timeout');
    const ctrl = new AbortController();
    const p = requestJson('https://x.test', {}, { fetch: hanging, providerId: 'p', providerLabel: 'P', timeoutMs: 5000, signal: ctrl.signal });
    ctrl.abort();
    expect((await failure(p)).kind).toBe('cancelled');
  });
});

// ---------------------------------------------------------------------------------------------
// Recorded from apertium-apy 0.11.7 with apertium-eng-spa 0.8.1.
const APY_PAIRS = {
  responseData: [
    { sourceLanguage: 'spa', targetLanguage: 'eng' },
    { sourceLanguage: 'spa', targetLanguage: 'eng_US' },
    { sourceLanguage: 'eng', targetLanguage: 'spa' },
  ],
  responseDetails: null,
  responseStatus: 200,
};

describe('Apertium APy', () => {
  const cfg = { type: 'apertium' as const, endpoint: 'http://127.0.0.1:2737/' };

  it('lists pairs and maps BCP-47 to ISO 639-3 (regional variant when installed)', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: APY_PAIRS }]);
    const p = new ApertiumProvider(cfg, deps(fetch));
    expect(await p.supports({ from: 'en', to: 'es' })).toBe(true);
    expect(await p.supports({ from: 'es', to: 'en-US' })).toBe(true);
    expect(await p.supports({ from: 'en', to: 'km' })).toBe(false);
    expect(calls).toEqual([{ url: 'http://127.0.0.1:2737/listPairs', method: 'GET', headers: { accept: 'application/json' }, body: undefined }]);
    expect(p.isCloud).toBe(false);
    expect(p.destination()).toBe('127.0.0.1:2737');
  });

  it('POSTs langpair/q as a form (text stays out of URLs and access logs) and parses the answer', async () => {
    const { fetch, calls } = recorder([
      { status: 200, body: APY_PAIRS },
      { status: 200, body: { responseData: { translatedText: 'Hola ⟦1⟧' }, responseDetails: null, responseStatus: 200 } },
    ]);
    const out = await new ApertiumProvider(cfg, deps(fetch)).translate({ text: 'Hello ⟦1⟧', from: 'en', to: 'es', format: 'text' });
    expect(out).toBe('Hola ⟦1⟧');
    expect(calls[1]).toEqual({
      url: 'http://127.0.0.1:2737/translate',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
      body: 'langpair=eng%7Cspa&q=Hello+%E2%9F%A61%E2%9F%A7&markUnknown=no&format=txt',
    });
    expect(calls[1]!.url).not.toContain('Hello');
  });

  it('maps APy errors: pair not installed → unsupported-pair, 503 → retried then unreachable', async () => {
    const notInstalled = { status: 'error', code: 400, message: 'Bad Request', explanation: 'That pair is not installed' };
    const a = recorder([new TypeError('down'), new TypeError('down'), new TypeError('down'), { status: 400, body: notInstalled }]);
    const e = await failure(new ApertiumProvider(cfg, deps(a.fetch)).translate({ text: DRAFT, from: 'en', to: 'fr', format: 'text' }));
    expect([e.kind, e.status]).toEqual(['unsupported-pair', 400]);
    const internal = { status: 'error', code: 503, message: 'Service Unavailable', explanation: 'internal error' };
    const b = recorder([{ status: 200, body: APY_PAIRS }, { status: 503, body: internal }, { status: 503, body: internal }, { status: 503, body: internal }]);
    const e2 = await failure(new ApertiumProvider(cfg, deps(b.fetch)).translate({ text: DRAFT, from: 'en', to: 'es', format: 'text' }));
    expect([e2.kind, b.calls.length]).toEqual(['unreachable', 4]);
  });

  it('rejects a malformed answer', async () => {
    const { fetch } = recorder([{ status: 200, body: APY_PAIRS }, { status: 200, body: { responseData: null } }]);
    expect((await failure(new ApertiumProvider(cfg, deps(fetch)).translate({ text: DRAFT, from: 'en', to: 'es', format: 'text' }))).kind).toBe('bad-response');
  });
});

// ---------------------------------------------------------------------------------------------
describe('LibreTranslate', () => {
  const cfg = { type: 'libretranslate' as const, endpoint: 'https://mt.mfaic.example', apiKey: 'k-123' };
  const LANGS = [
    { code: 'en', name: 'English', targets: ['en', 'es', 'fr'] },
    { code: 'fr', name: 'French', targets: ['en', 'fr'] },
  ];

  it('POSTs JSON with format, source, target and api_key; parses translatedText', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: { translatedText: 'Bonjour <span translate="no">@UN</span>' } }]);
    const p = new LibreTranslateProvider(cfg, deps(fetch));
    const out = await p.translate({ text: 'Hello <span translate="no">@UN</span>', from: 'en', to: 'fr', format: 'html' });
    expect(out).toBe('Bonjour <span translate="no">@UN</span>');
    expect(calls).toEqual([
      {
        url: 'https://mt.mfaic.example/translate',
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ q: 'Hello <span translate="no">@UN</span>', source: 'en', target: 'fr', format: 'html', api_key: 'k-123' }),
      },
    ]);
    expect(p.markup).toBe('translate-no');
    expect(p.isCloud).toBe(false);
    expect(new LibreTranslateProvider({ type: 'libretranslate', endpoint: 'https://libretranslate.com' }, deps(fetch)).isCloud).toBe(true);
  });

  it('reads /languages for supports()', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: LANGS }]);
    const p = new LibreTranslateProvider(cfg, deps(fetch));
    expect([await p.supports({ from: 'en', to: 'fr' }), await p.supports({ from: 'fr', to: 'es' }), await p.supports({ from: 'km', to: 'en' })]).toEqual([true, false, false]);
    expect(calls.map((c) => [c.method, c.url])).toEqual([['GET', 'https://mt.mfaic.example/languages']]);
  });

  it('maps recorded error bodies', async () => {
    const cases: Array<[number, unknown, string]> = [
      [400, { error: 'km is not supported' }, 'unsupported-pair'],
      [403, { error: 'Invalid API key' }, 'bad-key'],
      [400, { error: 'Invalid request: missing q parameter' }, 'bad-response'],
    ];
    for (const [status, body, kind] of cases) {
      const { fetch } = recorder([{ status, body }]);
      expect((await failure(new LibreTranslateProvider(cfg, deps(fetch)).translate({ text: DRAFT, from: 'en', to: 'km', format: 'text' }))).kind).toBe(kind);
    }
    const { fetch, calls } = recorder([{ status: 429, body: { error: 'Too many request limits violations' } }, { status: 429, body: {} }, { status: 429, body: {} }]);
    expect((await failure(new LibreTranslateProvider(cfg, deps(fetch)).translate({ text: DRAFT, from: 'en', to: 'fr', format: 'text' }))).kind).toBe('quota');
    expect(calls).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------------
describe('DeepL', () => {
  it('picks the Free host for :fx keys and sends the key only in the Authorization header', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: { translations: [{ detected_source_language: 'EN', text: 'Bonjour <x>@UN</x>' }] } }]);
    const p = new DeepLProvider({ type: 'deepl', apiKey: 'abc:fx' }, deps(fetch));
    expect(p.destination()).toBe('api-free.deepl.com');
    const out = await p.translate({ text: 'Hello <x>@UN</x>', from: 'en', to: 'fr', format: 'html' });
    expect(out).toBe('Bonjour <x>@UN</x>');
    expect(calls).toEqual([
      {
        url: 'https://api-free.deepl.com/v2/translate',
        method: 'POST',
        headers: { authorization: 'DeepL-Auth-Key abc:fx', 'content-type': 'application/json' },
        body: JSON.stringify({ text: ['Hello <x>@UN</x>'], source_lang: 'EN', target_lang: 'FR', preserve_formatting: true, tag_handling: 'xml', ignore_tags: ['x'] }),
      },
    ]);
    expect(calls[0]!.url).not.toContain('abc');
  });

  it('uses the Pro host otherwise, EN-GB for English targets, no tag handling for plain text', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: { translations: [{ detected_source_language: 'FR', text: 'Hello' }] } }]);
    const p = new DeepLProvider({ type: 'deepl', apiKey: 'pro-key' }, deps(fetch));
    expect(await p.translate({ text: 'Bonjour', from: 'fr', to: 'en', format: 'text' })).toBe('Hello');
    expect(calls[0]!.url).toBe('https://api.deepl.com/v2/translate');
    expect(JSON.parse(calls[0]!.body!)).toEqual({ text: ['Bonjour'], source_lang: 'FR', target_lang: 'EN-GB', preserve_formatting: true });
  });

  it('knows it has no Khmer and maps 403/456/400 errors', async () => {
    const p0 = new DeepLProvider({ type: 'deepl', apiKey: 'k' }, deps(recorder([]).fetch));
    expect([await p0.supports({ from: 'en', to: 'km' }), await p0.supports({ from: 'km', to: 'en' }), await p0.supports({ from: 'en', to: 'fr' })]).toEqual([false, false, true]);
    const cases: Array<[number, unknown, string]> = [
      [403, { message: 'Wrong endpoint. Use https://api.deepl.com' }, 'bad-key'],
      [456, { message: 'Quota exceeded' }, 'quota'],
      [400, { message: "Value for 'target_lang' not supported." }, 'unsupported-pair'],
    ];
    for (const [status, body, kind] of cases) {
      const { fetch, calls } = recorder([{ status, body }]);
      expect((await failure(new DeepLProvider({ type: 'deepl', apiKey: 'k' }, deps(fetch)).translate({ text: DRAFT, from: 'en', to: 'fr', format: 'text' }))).kind).toBe(kind);
      expect(calls).toHaveLength(1);
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('Google Cloud Translation v2', () => {
  it('POSTs q/source/target/format with the key in X-goog-api-key and parses data.translations', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: { data: { translations: [{ translatedText: 'សួស្តី <span class="notranslate" translate="no">@UN</span>' }] } } }]);
    const p = new GoogleProvider({ type: 'google', apiKey: 'AIza-test' }, deps(fetch));
    const out = await p.translate({ text: 'Hello <span class="notranslate" translate="no">@UN</span>', from: 'en', to: 'km', format: 'html' });
    expect(out).toBe('សួស្តី <span class="notranslate" translate="no">@UN</span>');
    expect(calls).toEqual([
      {
        url: 'https://translation.googleapis.com/language/translate/v2',
        method: 'POST',
        headers: { 'x-goog-api-key': 'AIza-test', 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ q: ['Hello <span class="notranslate" translate="no">@UN</span>'], source: 'en', target: 'km', format: 'html' }),
      },
    ]);
    expect(p.isCloud).toBe(true);
    expect(await p.supports({ from: 'en', to: 'km' })).toBe(true);
  });

  it('sends format=text for plain text', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: { data: { translations: [{ translatedText: 'x', detectedSourceLanguage: 'en' }] } } }]);
    await new GoogleProvider({ type: 'google', apiKey: 'k' }, deps(fetch)).translate({ text: 'a < b', from: 'en', to: 'fr', format: 'text' });
    expect(JSON.parse(calls[0]!.body!).format).toBe('text');
  });

  it('maps recorded error bodies', async () => {
    const cases: Array<[number, unknown, string]> = [
      [400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', errors: [{ reason: 'badRequest' }], details: [{ reason: 'API_KEY_INVALID' }] } }, 'bad-key'],
      [403, { error: { code: 403, message: 'Daily Limit Exceeded', errors: [{ reason: 'dailyLimitExceeded' }] } }, 'quota'],
      [403, { error: { code: 403, message: 'Cloud Translation API has not been used in project 1 before or it is disabled.', status: 'PERMISSION_DENIED', errors: [{ reason: 'accessNotConfigured' }] } }, 'bad-key'],
      [400, { error: { code: 400, message: 'Bad language pair: en|xx', errors: [{ reason: 'badRequest' }] } }, 'unsupported-pair'],
    ];
    for (const [status, body, kind] of cases) {
      const { fetch } = recorder([{ status, body }]);
      expect((await failure(new GoogleProvider({ type: 'google', apiKey: 'k' }, deps(fetch)).translate({ text: DRAFT, from: 'en', to: 'xx', format: 'text' }))).kind).toBe(kind);
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('Microsoft Translator v3', () => {
  it('POSTs [{Text}] with key and region headers, from/to/textType in the query', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: [{ translations: [{ text: 'សួស្តី <span class="notranslate" translate="no">@UN</span>', to: 'km' }] }] }]);
    const p = new MicrosoftProvider({ type: 'microsoft', apiKey: 'ms-key', region: 'southeastasia' }, deps(fetch));
    const out = await p.translate({ text: 'Hello <span class="notranslate" translate="no">@UN</span>', from: 'en', to: 'km', format: 'html' });
    expect(out).toBe('សួស្តី <span class="notranslate" translate="no">@UN</span>');
    expect(calls).toEqual([
      {
        url: 'https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&from=en&to=km&textType=html',
        method: 'POST',
        headers: { 'ocp-apim-subscription-key': 'ms-key', 'ocp-apim-subscription-region': 'southeastasia', 'content-type': 'application/json; charset=UTF-8' },
        body: JSON.stringify([{ Text: 'Hello <span class="notranslate" translate="no">@UN</span>' }]),
      },
    ]);
  });

  it('omits the region header when not configured and textType for plain text', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: [{ translations: [{ text: 'Bonjour', to: 'fr' }] }] }]);
    await new MicrosoftProvider({ type: 'microsoft', apiKey: 'k' }, deps(fetch)).translate({ text: 'Hello', from: 'en', to: 'fr', format: 'text' });
    expect(calls[0]!.url).toBe('https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&from=en&to=fr');
    expect(Object.keys(calls[0]!.headers).sort()).toEqual(['content-type', 'ocp-apim-subscription-key']);
  });

  it('reads /languages without a key for supports()', async () => {
    const { fetch, calls } = recorder([{ status: 200, body: { translation: { en: { name: 'English' }, km: { name: 'Khmer' }, fr: { name: 'French' } } } }]);
    const p = new MicrosoftProvider({ type: 'microsoft', apiKey: 'k' }, deps(fetch));
    expect([await p.supports({ from: 'en', to: 'km' }), await p.supports({ from: 'en', to: 'xx' })]).toEqual([true, false]);
    expect(calls).toEqual([{ url: 'https://api.cognitive.microsofttranslator.com/languages?api-version=3.0&scope=translation', method: 'GET', headers: { accept: 'application/json' }, body: undefined }]);
  });

  it('maps recorded error bodies', async () => {
    const cases: Array<[number, unknown, string]> = [
      [401, { error: { code: 401000, message: 'The request is not authorized because credentials are missing or invalid.' } }, 'bad-key'],
      [403, { error: { code: 403001, message: 'The operation is not allowed because the subscription has exceeded its free quota.' } }, 'quota'],
      [400, { error: { code: 400036, message: 'The target language is not valid.' } }, 'unsupported-pair'],
    ];
    for (const [status, body, kind] of cases) {
      const { fetch } = recorder([{ status, body }]);
      expect((await failure(new MicrosoftProvider({ type: 'microsoft', apiKey: 'k' }, deps(fetch)).translate({ text: DRAFT, from: 'en', to: 'xx', format: 'text' }))).kind).toBe(kind);
    }
  });
});

// ---------------------------------------------------------------------------------------------
class FakeTranslatorApi implements ChromeTranslatorApi {
  created: Array<{ sourceLanguage: string; targetLanguage: string }> = [];
  constructor(
    private readonly state: Record<string, 'unavailable' | 'downloadable' | 'downloading' | 'available'>,
    private readonly createError?: DOMException,
  ) {}
  async availability(o: { sourceLanguage: string; targetLanguage: string }) {
    return this.state[`${o.sourceLanguage}>${o.targetLanguage}`] ?? 'unavailable';
  }
  async create(o: Parameters<ChromeTranslatorApi['create']>[0]) {
    if (this.createError) throw this.createError;
    this.created.push({ sourceLanguage: o.sourceLanguage, targetLanguage: o.targetLanguage });
    const listeners: Array<(e: { loaded: number }) => void> = [];
    o.monitor?.({ addEventListener: (_t, l) => listeners.push(l) });
    for (const loaded of [0, 0.5, 1]) listeners.forEach((l) => l({ loaded }));
    this.state[`${o.sourceLanguage}>${o.targetLanguage}`] = 'available';
    return { translate: async (input: string) => `[${o.targetLanguage}] ${input}` };
  }
}

describe('Chrome built-in Translator', () => {
  it('reports Khmer as unsupported and translates an available pair on-device', async () => {
    const api = new FakeTranslatorApi({ 'en>fr': 'available' });
    const p = new ChromeTranslatorProvider({ translator: api });
    expect([await p.supports({ from: 'en', to: 'km' }), await p.supports({ from: 'en', to: 'fr' })]).toEqual([false, true]);
    expect(await p.translate({ text: 'Hello ⟦1⟧', from: 'en', to: 'fr', format: 'text' })).toBe('[fr] Hello ⟦1⟧');
    expect((await failure(p.translate({ text: DRAFT, from: 'en', to: 'km', format: 'text' }))).kind).toBe('unsupported-pair');
    expect([p.isCloud, p.destination()]).toEqual([false, 'this device (Chrome built-in)']);
  });

  it('does not start a download without a user gesture; prepare() downloads with progress', async () => {
    const api = new FakeTranslatorApi({ 'en>ja': 'downloadable' });
    const p = new ChromeTranslatorProvider({ translator: api });
    const e = await failure(p.translate({ text: DRAFT, from: 'en', to: 'ja', format: 'text' }));
    expect([e.kind, e.code]).toEqual(['not-allowed', 'download-required']);
    expect(api.created).toEqual([]);
    const progress: number[] = [];
    await p.prepare({ from: 'en', to: 'ja' }, { onProgress: (l) => progress.push(l) });
    expect(progress).toEqual([0, 0.5, 1]);
    expect(await p.translate({ text: 'Hi', from: 'en', to: 'ja', format: 'text' })).toBe('[ja] Hi');
    expect(api.created).toHaveLength(1);
  });

  it('maps DOMExceptions and a missing API', async () => {
    const denied = new ChromeTranslatorProvider({ translator: new FakeTranslatorApi({ 'en>fr': 'available' }, new DOMException('x', 'NotAllowedError')) });
    expect((await failure(denied.translate({ text: DRAFT, from: 'en', to: 'fr', format: 'text' }))).kind).toBe('not-allowed');
    const net = new ChromeTranslatorProvider({ translator: new FakeTranslatorApi({ 'en>fr': 'available' }, new DOMException('x', 'NetworkError')) });
    expect((await failure(net.translate({ text: DRAFT, from: 'en', to: 'fr', format: 'text' }))).kind).toBe('unreachable');
    const none = new ChromeTranslatorProvider({});
    expect(await none.supports({ from: 'en', to: 'fr' })).toBe(false);
  });

  it('adapts LanguageDetector only when its model is already available', async () => {
    const inst = { detect: async () => [{ detectedLanguage: 'km', confidence: 0.99 }] };
    const ready = chromeLanguageDetector({ availability: async () => 'available', create: async () => inst }, ['km', 'en']);
    expect(await ready!.detect('សួស្តី')).toEqual([{ detectedLanguage: 'km', confidence: 0.99 }]);
    let created = false;
    const notReady = chromeLanguageDetector({ availability: async () => 'downloadable', create: async () => ((created = true), inst) });
    expect(await notReady!.detect('x')).toEqual([]);
    expect(created).toBe(false);
    expect(chromeLanguageDetector(undefined)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
describe('createProviders (policy translationProviders)', () => {
  it('builds providers in order and reports invalid entries without throwing', () => {
    const { fetch } = recorder([]);
    const { providers, errors } = createProviders(
      [
        { type: 'chrome' },
        { type: 'apertium', endpoint: 'http://localhost:2737' },
        { type: 'deepl' },
        { type: 'libretranslate', endpoint: 'https://mt.example', label: 'Ministry MT' },
        { type: 'google', apiKey: 'k', extra: 1 },
        { type: 'microsoft', apiKey: 'k', region: 'eastasia' },
      ],
      { fetch },
    );
    expect(providers.map((p) => [p.type, p.label, p.isCloud])).toEqual([
      ['chrome', 'Chrome on-device translator', false],
      ['apertium', 'Apertium (localhost:2737)', false],
      ['libretranslate', 'Ministry MT', false],
      ['microsoft', 'Microsoft Translator', true],
    ]);
    expect(errors.map((e) => e.index)).toEqual([2, 4]);
    expect(errors[0]!.message).toMatch(/apiKey/);
  });
});

/**
 * Extension glue of the translation feature: host-permission helpers, the offscreen document's
 * answers, the background's offscreen-backed Translator, and the content script's selection read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerOffscreen, backgroundChromeTranslator, OFFSCREEN_TARGET } from '@/extension/chrome-ai';
import { ensureOrigin, hasOrigin, originPattern, patternHost, permissionMessage, providerOrigin } from '@/extension/permissions';
import { readDraftWithSelection } from '@/entrypoints/content/translate-feature';
import type { SessionApi } from '@/entrypoints/content/session-api';
import { ChromeTranslatorProvider, type ChromeTranslatorApi } from '@/lib/translation/providers/chrome';

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('host permissions', () => {
  it('derives origin patterns (no port) for self-hosted and cloud services', () => {
    expect(originPattern('http://127.0.0.1:2737/')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://mt.mfaic.gov.kh:8443/apy')).toBe('https://mt.mfaic.gov.kh/*');
    expect(originPattern('ftp://x')).toBeUndefined();
    expect(providerOrigin({ type: 'apertium', endpoint: 'http://127.0.0.1:2737' })).toBe('http://127.0.0.1/*');
    expect(providerOrigin({ type: 'deepl', apiKey: 'k:fx' })).toBe('https://api-free.deepl.com/*');
    expect(providerOrigin({ type: 'deepl', apiKey: 'k' })).toBe('https://api.deepl.com/*');
    expect(providerOrigin({ type: 'google', apiKey: 'k' })).toBe('https://translation.googleapis.com/*');
    expect(providerOrigin({ type: 'microsoft', apiKey: 'k' })).toBe('https://api.cognitive.microsofttranslator.com/*');
    expect(providerOrigin({ type: 'chrome' })).toBeUndefined();
    expect(patternHost('http://127.0.0.1/*')).toBe('127.0.0.1');
    expect(permissionMessage('127.0.0.1')).toBe('Envoy needs permission to reach 127.0.0.1: open Settings → Translation.');
  });

  it('asks the browser for exactly that origin, and checks before use', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    expect(await ensureOrigin('http://127.0.0.1:2737')).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(await hasOrigin('http://127.0.0.1/*')).toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    request.mockRejectedValue(new Error('must be called during a user gesture'));
    expect(await ensureOrigin('https://mt.example.org')).toBe(false);
  });
});

describe('offscreen document', () => {
  const translator: ChromeTranslatorApi = {
    availability: async ({ targetLanguage }) => (targetLanguage === 'km' ? 'unavailable' : 'available'),
    create: async ({ targetLanguage }) => {
      if (targetLanguage === 'de') throw Object.assign(new Error('no gesture'), { name: 'NotAllowedError' });
      return { translate: async (s: string) => `ES(${s})` };
    },
  };

  it('answers availability and translations, keeping DOMException names for error mapping', async () => {
    expect(await answerOffscreen({ target: OFFSCREEN_TARGET, op: 'availability', from: 'en', to: 'km' }, translator)).toEqual({ ok: true, value: 'unavailable' });
    expect(await answerOffscreen({ target: OFFSCREEN_TARGET, op: 'translate', from: 'en', to: 'es', text: 'Hi' }, translator)).toEqual({ ok: true, value: 'ES(Hi)' });
    expect(await answerOffscreen({ target: OFFSCREEN_TARGET, op: 'translate', from: 'en', to: 'de', text: 'Hi' }, translator)).toEqual({ ok: false, name: 'NotAllowedError' });
    expect(await answerOffscreen({ target: OFFSCREEN_TARGET, op: 'availability', from: 'en', to: 'es' }, undefined)).toEqual({ ok: true, value: 'unavailable' });
  });

  it('the background creates one offscreen document and routes the Translator through it', async () => {
    let hasDocument = false;
    const createDocument = vi.fn(async (params: { url: string; reasons: string[]; justification: string }) => {
      void params;
      hasDocument = true;
    });
    const sendMessage = vi.fn(async (m: unknown) => {
      const parsed = m as Parameters<typeof answerOffscreen>[0];
      return answerOffscreen(parsed, translator);
    });
    (globalThis as { chrome?: unknown }).chrome = {
      offscreen: { createDocument, hasDocument: async () => hasDocument, closeDocument: async () => undefined },
      runtime: { getURL: (p: string) => `chrome-extension://id${p}`, sendMessage },
    };
    vi.stubGlobal('Translator', undefined);
    const api = backgroundChromeTranslator();
    expect(api).toBeDefined();
    const provider = new ChromeTranslatorProvider({ translator: api });
    expect(await provider.supports({ from: 'en', to: 'km' })).toBe(false);
    expect(await provider.translate({ text: 'Hello', from: 'en', to: 'es', format: 'text' })).toBe('ES(Hello)');
    await expect(provider.translate({ text: 'Hello', from: 'en', to: 'de', format: 'text' })).rejects.toMatchObject({ kind: 'not-allowed' });
    expect(createDocument).toHaveBeenCalledTimes(1);
    expect(createDocument.mock.calls[0]![0]).toMatchObject({ url: 'chrome-extension://id/offscreen.html', reasons: ['DOM_PARSER'] });
  });

  it('is absent where there is no offscreen API (Firefox)', () => {
    (globalThis as { chrome?: unknown }).chrome = { runtime: { getURL: (p: string) => p, sendMessage: async () => undefined } };
    vi.stubGlobal('Translator', undefined);
    expect(backgroundChromeTranslator()).toBeUndefined();
  });
});

describe('content script: draft and selection', () => {
  function apiFor(element: HTMLElement, editor: 'textarea' | 'contenteditable'): SessionApi {
    return {
      element,
      spec: { editor },
      readText: () => (element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? '')),
    } as unknown as SessionApi;
  }

  it('reads a textarea selection as plain-text offsets, ignoring white-space-only selections', () => {
    const ta = document.createElement('textarea');
    document.body.append(ta);
    ta.value = 'Good morning. Thank you @UNESCO.';
    ta.setSelectionRange(14, ta.value.length);
    expect(readDraftWithSelection(apiFor(ta, 'textarea'))).toEqual({ text: ta.value, selection: { start: 14, end: ta.value.length } });
    ta.setSelectionRange(13, 14);
    expect(readDraftWithSelection(apiFor(ta, 'textarea')).selection).toBeUndefined();
    ta.setSelectionRange(3, 3);
    expect(readDraftWithSelection(apiFor(ta, 'textarea')).selection).toBeUndefined();
    ta.remove();
  });
});

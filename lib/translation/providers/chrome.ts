/**
 * Chrome built-in on-device Translator (Chrome 138+, desktop).
 *
 * Only exposed in window contexts: construct this provider in an extension page (popup, side
 * panel, options) or the offscreen document and pass the real `Translator` global in; never in
 * the service worker. Language-pack downloads need a user gesture: call `prepare()` from a click
 * handler. Khmer is not supported by Chrome (availability → 'unavailable').
 */
import type { BrowserLanguageDetector } from '../detect';
import { toChrome } from '../languages';
import { TranslationError, type LanguagePair, type TranslateRequest, type TranslationProvider } from '../types';
import type { ProviderDescriptor } from './shared';

export type ChromeAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface ChromeCreateMonitor {
  addEventListener(type: 'downloadprogress', listener: (e: { loaded: number; total?: number }) => void): void;
}

export interface ChromeTranslatorInstance {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy?(): void;
}

/** The static side of the `Translator` global (spec IDL). */
export interface ChromeTranslatorApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<ChromeAvailability>;
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    signal?: AbortSignal;
    monitor?: (m: ChromeCreateMonitor) => void;
  }): Promise<ChromeTranslatorInstance>;
}

export interface ChromeLanguageDetectorInstance {
  detect(input: string, options?: { signal?: AbortSignal }): Promise<Array<{ detectedLanguage: string | null; confidence: number }>>;
}

/** The static side of the `LanguageDetector` global. */
export interface ChromeLanguageDetectorApi {
  availability(options?: { expectedInputLanguages?: string[] }): Promise<ChromeAvailability>;
  create(options?: {
    expectedInputLanguages?: string[];
    signal?: AbortSignal;
    monitor?: (m: ChromeCreateMonitor) => void;
  }): Promise<ChromeLanguageDetectorInstance>;
}

export interface ChromeProviderOptions {
  /** `globalThis.Translator` from an extension page; `undefined` where the API is missing (Firefox, workers). */
  translator?: ChromeTranslatorApi | undefined;
  label?: string;
}

/** Maps a DOMException from the built-in APIs to a TranslationError. */
export function chromeError(e: unknown, who: { id: string; label: string }): TranslationError {
  if (e instanceof TranslationError) return e;
  const name = (e as { name?: string } | null)?.name ?? 'Error';
  const base = { providerId: who.id, providerLabel: who.label, code: name };
  switch (name) {
    case 'AbortError':
      return new TranslationError('cancelled', base);
    case 'NotAllowedError':
      return new TranslationError('not-allowed', {
        ...base,
        message: 'Chrome did not allow the on-device translator here (a language-pack download needs a click, or the page blocks it).',
      });
    case 'NotSupportedError':
      return new TranslationError('unsupported-pair', base);
    case 'NetworkError':
      return new TranslationError('unreachable', { ...base, message: 'The language pack could not be downloaded.' });
    case 'QuotaExceededError':
      return new TranslationError('quota', { ...base, message: 'The text is too long for the on-device translator.' });
    default:
      return new TranslationError('bad-response', base);
  }
}

export class ChromeTranslatorProvider implements TranslationProvider {
  readonly type = 'chrome' as const;
  readonly id = 'chrome';
  readonly label: string;
  readonly isCloud = false;
  readonly markup = undefined;
  private readonly api: ChromeTranslatorApi | undefined;
  private readonly instances = new Map<string, Promise<ChromeTranslatorInstance>>();

  constructor(opts: ChromeProviderOptions = {}) {
    this.api = opts.translator;
    this.label = opts.label ?? 'Chrome on-device translator';
  }

  destination(): string {
    return 'this device (Chrome built-in)';
  }

  private key(pair: LanguagePair): string {
    return `${toChrome(pair.from)}>${toChrome(pair.to)}`;
  }

  private core(pair: LanguagePair): { sourceLanguage: string; targetLanguage: string } {
    return { sourceLanguage: toChrome(pair.from), targetLanguage: toChrome(pair.to) };
  }

  async availability(pair: LanguagePair): Promise<ChromeAvailability> {
    if (!this.api) return 'unavailable';
    try {
      return await this.api.availability(this.core(pair));
    } catch {
      return 'unavailable';
    }
  }

  /** `true` for available and downloadable pairs (a download then needs `prepare()` from a click). */
  async supports(pair: LanguagePair): Promise<boolean | 'unknown'> {
    return (await this.availability(pair)) !== 'unavailable';
  }

  /**
   * Creates (and caches) the translator for a pair, downloading the language pack if needed.
   * Call from a user gesture (button click) when `availability()` is 'downloadable'/'downloading'.
   */
  async prepare(pair: LanguagePair, opts: { signal?: AbortSignal; onProgress?: (loaded: number) => void } = {}): Promise<void> {
    await this.instance(pair, opts);
  }

  private instance(pair: LanguagePair, opts: { signal?: AbortSignal; onProgress?: (loaded: number) => void }): Promise<ChromeTranslatorInstance> {
    const api = this.api;
    if (!api) return Promise.reject(new TranslationError('unsupported-pair', { providerId: this.id, providerLabel: this.label, code: 'no-api' }));
    const key = this.key(pair);
    let p = this.instances.get(key);
    if (!p) {
      const onProgress = opts.onProgress;
      p = api
        .create({
          ...this.core(pair),
          ...(opts.signal ? { signal: opts.signal } : {}),
          ...(onProgress
            ? { monitor: (m: ChromeCreateMonitor) => m.addEventListener('downloadprogress', (e) => onProgress(e.loaded)) }
            : {}),
        })
        .catch((e: unknown) => {
          this.instances.delete(key);
          throw chromeError(e, this);
        });
      this.instances.set(key, p);
    }
    return p;
  }

  async translate(req: TranslateRequest): Promise<string> {
    if (req.format === 'html') {
      throw new TranslationError('bad-response', { providerId: this.id, providerLabel: this.label, code: 'html-unsupported', message: 'The on-device translator only takes plain text.' });
    }
    const pair = { from: req.from, to: req.to };
    if (!this.instances.has(this.key(pair))) {
      const a = await this.availability(pair);
      if (a === 'unavailable') throw new TranslationError('unsupported-pair', { providerId: this.id, providerLabel: this.label });
      if (a !== 'available') {
        throw new TranslationError('not-allowed', {
          providerId: this.id,
          providerLabel: this.label,
          code: 'download-required',
          message: 'The language pack must be downloaded first (use the Download button).',
        });
      }
    }
    try {
      const t = await this.instance(pair, req.signal ? { signal: req.signal } : {});
      const out = await t.translate(req.text, req.signal ? { signal: req.signal } : undefined);
      if (typeof out !== 'string') throw new TranslationError('bad-response', { providerId: this.id, providerLabel: this.label });
      return out;
    } catch (e) {
      throw chromeError(e, this);
    }
  }
}

/**
 * Adapts Chrome's `LanguageDetector` global to the detector interface used by `detectLanguage()`.
 * Only uses the model when it is already available (no download without a user gesture).
 */
export function chromeLanguageDetector(api: ChromeLanguageDetectorApi | undefined, expectedInputLanguages?: string[]): BrowserLanguageDetector | undefined {
  if (!api) return undefined;
  let instance: Promise<ChromeLanguageDetectorInstance> | undefined;
  const opts = expectedInputLanguages?.length ? { expectedInputLanguages } : {};
  return {
    async detect(text) {
      if (!instance) {
        const a = await api.availability(opts);
        if (a !== 'available') return [];
        instance = api.create(opts);
        instance.catch(() => {
          instance = undefined;
        });
      }
      return (await instance).detect(text);
    },
  };
}

export const chromeDescriptor: ProviderDescriptor<'chrome'> = {
  type: 'chrome',
  cloud: false,
  onDevice: true,
  needsEndpoint: false,
  needsKey: false,
  create: (config, deps) => new ChromeTranslatorProvider({ translator: deps.chromeTranslator, ...(config.label ? { label: config.label } : {}) }),
  // Reports availability for one pair (downloads nothing).
  probe: async (_provider, deps) => {
    const api = deps.chromeTranslator;
    if (!api) return { ok: false, detail: 'this browser has no built-in translator' };
    const a = await api.availability({ sourceLanguage: 'en', targetLanguage: 'fr' });
    return { ok: a !== 'unavailable', detail: `English → French: ${a}` };
  },
};

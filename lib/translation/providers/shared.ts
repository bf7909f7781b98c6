import type { HttpOptions } from '../http';
import { TranslationError, type FetchLike, type LanguagePair, type ProviderSettings, type TranslationProvider } from '../types';
import type { ChromeTranslatorApi } from './chrome';

/** Dependencies of HTTP providers (injected so `lib/` stays pure and tests can record requests). */
export interface HttpDeps {
  fetch: FetchLike;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  sleep?: HttpOptions['sleep'];
}

export interface ProviderDeps extends HttpDeps {
  /** The `Translator` global, passed in by an extension page / offscreen document. */
  chromeTranslator?: ChromeTranslatorApi | undefined;
}

/**
 * What the rest of Envoy knows about one kind of translation service. Each provider file exports
 * one; lib/translation/registry.ts lists them, and the type list, the config schema, the cloud /
 * key / endpoint lists, host permissions and the privacy page are all derived from that list.
 */
export interface ProviderDescriptor<T extends string = string> {
  readonly type: T;
  /** Text goes to a third-party cloud service whatever the endpoint (opt-in only). */
  readonly cloud: boolean;
  /** Hosts of a self-hostable service that are someone else's cloud (libretranslate.com). */
  readonly cloudHosts?: RegExp;
  /** Runs in the browser: text never leaves the device, no endpoint, no host permission. */
  readonly onDevice?: boolean;
  readonly needsEndpoint: boolean;
  readonly needsKey: boolean;
  /** Base URL used when the config names no endpoint (the service's public API host). */
  readonly defaultEndpoint?: (config: ProviderSettings) => string;
  /** Builds the provider; may throw a TranslationError when the config is incomplete. */
  readonly create: (config: ProviderSettings, deps: ProviderDeps) => TranslationProvider;
  /**
   * "Test connection" without sending any text, where the service allows it (Settings →
   * Translation); without it the test translates the word "Hello".
   */
  readonly probe?: (provider: TranslationProvider, deps: ProviderDeps) => Promise<{ ok: boolean; detail: string }>;
}

export function httpOptions(
  deps: HttpDeps,
  who: { id: string; label: string },
  signal: AbortSignal | undefined,
  classify?: HttpOptions['classify'],
): HttpOptions {
  const o: HttpOptions = { fetch: deps.fetch, providerId: who.id, providerLabel: who.label };
  if (deps.timeoutMs !== undefined) o.timeoutMs = deps.timeoutMs;
  if (deps.retries !== undefined) o.retries = deps.retries;
  if (deps.backoffMs !== undefined) o.backoffMs = deps.backoffMs;
  if (deps.sleep) o.sleep = deps.sleep;
  if (signal) o.signal = signal;
  if (classify) o.classify = classify;
  return o;
}

export function requireEndpoint(config: ProviderSettings): string {
  if (!config.endpoint) throw new TranslationError('unreachable', { message: `No endpoint configured for ${config.type}.`, code: 'no-endpoint' });
  return config.endpoint.replace(/\/+$/, '');
}

export function requireKey(config: ProviderSettings, label: string): string {
  if (!config.apiKey) throw new TranslationError('bad-key', { providerLabel: label, message: 'No API key configured.', code: 'no-key' });
  return config.apiKey;
}

/** Error message text from common JSON error shapes, for classification only (never shown or logged). */
export function errorText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const e = b.error;
    if (typeof e === 'string') return e;
    if (e && typeof e === 'object') return String((e as Record<string, unknown>).message ?? '');
    if (typeof b.message === 'string') return b.message + ' ' + String(b.explanation ?? '');
    if (typeof b.explanation === 'string') return b.explanation;
  }
  return '';
}

export function unsupported(who: { id: string; label: string }, pair: LanguagePair): TranslationError {
  void pair; // the pair is not put into the message on purpose: keep messages generic
  return new TranslationError('unsupported-pair', { providerId: who.id, providerLabel: who.label });
}

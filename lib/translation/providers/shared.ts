import type { HttpOptions } from '../http';
import { TranslationError, type FetchLike, type LanguagePair, type ProviderConfig } from '../types';

/** Dependencies of HTTP providers (injected so `lib/` stays pure and tests can record requests). */
export interface HttpDeps {
  fetch: FetchLike;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  sleep?: HttpOptions['sleep'];
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

export function requireEndpoint(config: ProviderConfig): string {
  if (!config.endpoint) throw new TranslationError('unreachable', { message: `No endpoint configured for ${config.type}.`, code: 'no-endpoint' });
  return config.endpoint.replace(/\/+$/, '');
}

export function requireKey(config: ProviderConfig, label: string): string {
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

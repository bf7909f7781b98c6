/**
 * HTTP helper for translation providers: timeout (AbortController), bounded retries with
 * exponential backoff on 429 / 5xx / network errors, and mapping to `TranslationError` kinds.
 *
 * Never logs and never puts request or response bodies into errors (they may contain the draft).
 */
import { TranslationError, type FetchLike, type TranslationErrorKind } from './types';

export interface HttpOptions {
  fetch: FetchLike;
  providerId: string;
  providerLabel: string;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
  /** Extra attempts after the first on transient failures. Default 2. */
  retries?: number;
  /** First backoff delay; doubles each retry (with jitter). Default 400 ms. */
  backoffMs?: number;
  /** Upper bound for a `Retry-After` wait. Default 5 s. */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
  /** Injected for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Provider-specific classification of a non-2xx answer (e.g. LibreTranslate's 400 "not supported").
   * Return `undefined` to use the default mapping. Only the kind and a short code are kept.
   */
  classify?: (status: number, body: unknown) => { kind: TranslationErrorKind; code?: string } | undefined;
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504, 529]);

export function defaultKindForStatus(status: number): TranslationErrorKind {
  if (status === 401 || status === 403) return 'bad-key';
  if (status === 429 || status === 456) return 'quota';
  if (status === 404 || status === 405) return 'unreachable';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'unreachable';
  return 'bad-response';
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TranslationError('cancelled'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new TranslationError('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Sends a request and returns the parsed JSON body of a 2xx answer.
 * Throws `TranslationError` for everything else.
 */
export async function requestJson<T = unknown>(url: string, init: RequestInit, opts: HttpOptions): Promise<HttpResult<T>> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const retries = Math.max(0, opts.retries ?? 2);
  const backoffMs = opts.backoffMs ?? 400;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 5_000;
  const wait = opts.sleep ?? sleep;
  const who = { providerId: opts.providerId, providerLabel: opts.providerLabel };

  let lastError: TranslationError | undefined;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (opts.signal?.aborted) throw new TranslationError('cancelled', who);
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
    const onOuterAbort = (): void => ctrl.abort();
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });

    let retryAfter: number | undefined;
    let res: Response | undefined;
    let body: unknown;
    try {
      res = await opts.fetch(url, { ...init, signal: ctrl.signal });
      body = await readBody(res);
    } catch (e) {
      res = undefined;
      if (e instanceof TranslationError) throw e;
      if (opts.signal?.aborted) throw new TranslationError('cancelled', who);
      // fetch rejects with TypeError on DNS / connection / CORS failures.
      lastError = timedOut
        ? new TranslationError('timeout', { ...who, code: 'timeout' })
        : new TranslationError('unreachable', { ...who, code: 'network' });
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onOuterAbort);
    }
    if (res) {
      if (res.ok) return { status: res.status, body: body as T, headers: res.headers };
      const custom = opts.classify?.(res.status, body);
      const kind = custom?.kind ?? defaultKindForStatus(res.status);
      lastError = new TranslationError(kind, { ...who, status: res.status, code: custom?.code ?? `http-${res.status}` });
      const fatal = kind === 'bad-key' || kind === 'unsupported-pair' || kind === 'bad-response' || res.status === 456;
      if (fatal || !TRANSIENT_STATUS.has(res.status)) throw lastError;
      retryAfter = parseRetryAfter(res.headers.get('retry-after'));
    }
    if (attempt < retries) {
      const jitter = 0.75 + Math.random() * 0.5;
      const delay = retryAfter !== undefined ? Math.min(retryAfter, maxRetryAfter) : backoffMs * 2 ** attempt * jitter;
      await wait(delay, opts.signal);
    }
  }
  throw lastError ?? new TranslationError('unreachable', who);
}

/** Joins a base URL and a path without doubling slashes. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

/** Host (with port) of a URL, for the "text goes to …" notice. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Throws `bad-response` unless `cond` holds. */
export function expectShape(cond: unknown, who: { providerId: string; providerLabel: string }, code: string): asserts cond {
  if (!cond) throw new TranslationError('bad-response', { providerId: who.providerId, providerLabel: who.providerLabel, code });
}

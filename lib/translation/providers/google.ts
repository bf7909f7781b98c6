/**
 * Google Cloud Translation – Basic (v2) (cloud, opt-in).
 *
 * Contract: `POST https://translation.googleapis.com/language/translate/v2`, JSON
 * `{ q: [..], source, target, format: 'text' | 'html' }` → `{ data: { translations: [{ translatedText }] } }`.
 * The API key goes in the `X-goog-api-key` header (Google's documented alternative to `?key=`), which
 * keeps it out of URLs and logs. `format` defaults to html on Google's side, so it is always sent.
 * Protected spans: `<span class="notranslate" translate="no">`. Errors:
 * `{ error: { code, message, status, errors: [{ reason }] } }`.
 */
import { expectShape, hostOf, joinUrl, requestJson } from '../http';
import { GOOGLE_LANGUAGES, toGoogle } from '../languages';
import type { LanguagePair, ProviderSettings, TranslateRequest, TranslationErrorKind, TranslationProvider } from '../types';
import { httpOptions, requireKey, type HttpDeps, type ProviderDescriptor } from './shared';

interface GoogleError {
  error?: { code?: number; message?: string; status?: string; errors?: Array<{ reason?: string }>; details?: Array<{ reason?: string }> };
}

export function classifyGoogleError(status: number, body: unknown): { kind: TranslationErrorKind; code: string } | undefined {
  const e = (body as GoogleError | undefined)?.error;
  const reasons = [...(e?.errors ?? []), ...(e?.details ?? [])].map((r) => r.reason ?? '');
  const msg = e?.message ?? '';
  if (reasons.some((r) => /keyInvalid|API_KEY_INVALID|keyExpired/i.test(r)) || /API key not valid|API key expired/i.test(msg)) {
    return { kind: 'bad-key', code: 'google-key' };
  }
  if (status === 429 || e?.status === 'RESOURCE_EXHAUSTED' || reasons.some((r) => /LimitExceeded|quotaExceeded|RATE_LIMIT/i.test(r))) {
    return { kind: 'quota', code: 'google-quota' };
  }
  if (status === 400 && /language pair|language|Invalid Value/i.test(msg)) return { kind: 'unsupported-pair', code: 'google-lang' };
  if (status === 403) return { kind: 'bad-key', code: 'google-forbidden' };
  return undefined;
}

const GOOGLE_ENDPOINT = 'https://translation.googleapis.com';

export class GoogleProvider implements TranslationProvider {
  readonly type = 'google' as const;
  readonly id: string;
  readonly label: string;
  readonly isCloud = true;
  readonly markup = 'notranslate' as const;
  private readonly endpoint: string;
  private readonly apiKey: string;

  constructor(
    config: ProviderSettings,
    private readonly deps: HttpDeps,
  ) {
    this.label = config.label ?? 'Google Cloud Translation';
    this.apiKey = requireKey(config, this.label);
    this.endpoint = (config.endpoint ?? GOOGLE_ENDPOINT).replace(/\/+$/, '');
    this.id = `google:${hostOf(this.endpoint)}`;
  }

  destination(): string {
    return hostOf(this.endpoint);
  }

  async supports(pair: LanguagePair): Promise<boolean | 'unknown'> {
    return GOOGLE_LANGUAGES.has(toGoogle(pair.from)) && GOOGLE_LANGUAGES.has(toGoogle(pair.to)) ? true : 'unknown';
  }

  async translate(req: TranslateRequest): Promise<string> {
    const payload = { q: [req.text], source: toGoogle(req.from), target: toGoogle(req.to), format: req.format };
    const { body } = await requestJson<{ data?: { translations?: Array<{ translatedText?: unknown }> } }>(
      joinUrl(this.endpoint, '/language/translate/v2'),
      {
        method: 'POST',
        headers: { 'X-goog-api-key': this.apiKey, 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
      },
      httpOptions(this.deps, this, req.signal, classifyGoogleError),
    );
    const text = body?.data?.translations?.[0]?.translatedText;
    expectShape(typeof text === 'string', { providerId: this.id, providerLabel: this.label }, 'google-shape');
    return text;
  }
}

export const googleDescriptor: ProviderDescriptor<'google'> = {
  type: 'google',
  cloud: true,
  needsEndpoint: false,
  needsKey: true,
  defaultEndpoint: () => GOOGLE_ENDPOINT,
  create: (config, deps) => new GoogleProvider(config, deps),
};

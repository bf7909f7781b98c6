/**
 * Microsoft Translator v3.0 (Azure AI Translator; cloud, opt-in).
 *
 * Contract: `POST https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&from=en&to=km[&textType=html]`,
 * headers `Ocp-Apim-Subscription-Key`, `Ocp-Apim-Subscription-Region` (regional / multi-service
 * resources), `Content-Type: application/json; charset=UTF-8`; body `[{ "Text": "…" }]` →
 * `[{ translations: [{ text, to }] }]`. Errors `{ error: { code: 401000, message } }`:
 * 401 bad key, 403 (403001) free-tier quota, 429 rate limit, 400035/400036 invalid source/target.
 * `GET /languages?api-version=3.0&scope=translation` needs no key and carries no draft text.
 */
import { expectShape, hostOf, joinUrl, requestJson } from '../http';
import { toMicrosoft } from '../languages';
import type { LanguagePair, ProviderSettings, TranslateRequest, TranslationErrorKind, TranslationProvider } from '../types';
import { httpOptions, requireKey, type HttpDeps, type ProviderDescriptor } from './shared';

export function classifyMicrosoftError(status: number, body: unknown): { kind: TranslationErrorKind; code: string } | undefined {
  const code = Number((body as { error?: { code?: unknown } } | undefined)?.error?.code);
  if (status === 401) return { kind: 'bad-key', code: `ms-${code || 401}` };
  if (status === 403 && (code === 403001 || !code)) return { kind: 'quota', code: `ms-${code || 403}` };
  if (status === 403) return { kind: 'bad-key', code: `ms-${code}` };
  if (status === 400 && (code === 400035 || code === 400036 || code === 400023)) return { kind: 'unsupported-pair', code: `ms-${code}` };
  if (status === 429) return { kind: 'quota', code: `ms-${code || 429}` };
  return undefined;
}

const MICROSOFT_ENDPOINT = 'https://api.cognitive.microsofttranslator.com';

export class MicrosoftProvider implements TranslationProvider {
  readonly type = 'microsoft' as const;
  readonly id: string;
  readonly label: string;
  readonly isCloud = true;
  readonly markup = 'notranslate' as const;
  private readonly endpoint: string;
  private readonly apiKey: string;
  private readonly region: string | undefined;
  private languages: Promise<Set<string>> | undefined;

  constructor(
    config: ProviderSettings,
    private readonly deps: HttpDeps,
  ) {
    this.label = config.label ?? 'Microsoft Translator';
    this.apiKey = requireKey(config, this.label);
    this.region = config.region;
    this.endpoint = (config.endpoint ?? MICROSOFT_ENDPOINT).replace(/\/+$/, '');
    this.id = `microsoft:${hostOf(this.endpoint)}`;
  }

  destination(): string {
    return hostOf(this.endpoint);
  }

  fetchLanguages(signal?: AbortSignal): Promise<Set<string>> {
    if (!this.languages) {
      this.languages = requestJson<{ translation?: Record<string, unknown> }>(
        joinUrl(this.endpoint, '/languages?api-version=3.0&scope=translation'),
        { method: 'GET', headers: { Accept: 'application/json' } },
        httpOptions(this.deps, this, signal),
      ).then(({ body }) => {
        expectShape(body && typeof body.translation === 'object', { providerId: this.id, providerLabel: this.label }, 'ms-languages-shape');
        return new Set(Object.keys(body.translation!));
      });
      this.languages.catch(() => {
        this.languages = undefined;
      });
    }
    return this.languages;
  }

  async supports(pair: LanguagePair): Promise<boolean | 'unknown'> {
    try {
      const langs = await this.fetchLanguages();
      return langs.has(toMicrosoft(pair.from)) && langs.has(toMicrosoft(pair.to));
    } catch {
      return 'unknown';
    }
  }

  async translate(req: TranslateRequest): Promise<string> {
    const params = new URLSearchParams({ 'api-version': '3.0', from: toMicrosoft(req.from), to: toMicrosoft(req.to) });
    if (req.format === 'html') params.set('textType', 'html');
    const headers: Record<string, string> = {
      'Ocp-Apim-Subscription-Key': this.apiKey,
      'Content-Type': 'application/json; charset=UTF-8',
    };
    if (this.region) headers['Ocp-Apim-Subscription-Region'] = this.region;
    const { body } = await requestJson<Array<{ translations?: Array<{ text?: unknown }> }>>(
      joinUrl(this.endpoint, `/translate?${params.toString()}`),
      { method: 'POST', headers, body: JSON.stringify([{ Text: req.text }]) },
      httpOptions(this.deps, this, req.signal, classifyMicrosoftError),
    );
    const text = Array.isArray(body) ? body[0]?.translations?.[0]?.text : undefined;
    expectShape(typeof text === 'string', { providerId: this.id, providerLabel: this.label }, 'ms-shape');
    return text;
  }
}

export const microsoftDescriptor: ProviderDescriptor<'microsoft'> = {
  type: 'microsoft',
  cloud: true,
  needsEndpoint: false,
  needsKey: true,
  defaultEndpoint: () => MICROSOFT_ENDPOINT,
  create: (config, deps) => new MicrosoftProvider(config, deps),
};

/**
 * LibreTranslate (self-hosted, or the hosted libretranslate.com which counts as cloud).
 *
 * Contract: `POST /translate` JSON `{ q, source, target, format, api_key? }` → `{ translatedText }`;
 * errors `{ error }` with 400 / 403 (banned, missing or bad key) / 429 (rate limit) / 500;
 * `GET /languages` → `[{ code, name, targets }]`. Protected spans go as `<span translate="no">`
 * with `format: "html"`.
 */
import { expectShape, hostOf, joinUrl, requestJson } from '../http';
import { toLibreTranslate } from '../languages';
import type { LanguagePair, ProviderSettings, TranslateRequest, TranslationProvider } from '../types';
import { errorText, httpOptions, requireEndpoint, type HttpDeps, type ProviderDescriptor } from './shared';

type LtLanguages = Array<{ code: string; name?: string; targets?: string[] }>;

/** The hosted service (libretranslate.com) is a third party's cloud. */
const LIBRETRANSLATE_CLOUD = /(^|\.)libretranslate\.com(:\d+)?$/i;

export class LibreTranslateProvider implements TranslationProvider {
  readonly type = 'libretranslate' as const;
  readonly id: string;
  readonly label: string;
  readonly isCloud: boolean;
  readonly markup = 'translate-no' as const;
  private readonly endpoint: string;
  private readonly apiKey: string | undefined;
  private languages: Promise<LtLanguages> | undefined;

  constructor(
    config: ProviderSettings,
    private readonly deps: HttpDeps,
  ) {
    this.endpoint = requireEndpoint(config);
    this.apiKey = config.apiKey;
    const host = hostOf(this.endpoint);
    this.id = `libretranslate:${host}`;
    this.label = config.label ?? `LibreTranslate (${host})`;
    this.isCloud = LIBRETRANSLATE_CLOUD.test(host);
  }

  destination(): string {
    return hostOf(this.endpoint);
  }

  private classify = (status: number, body: unknown): { kind: 'unsupported-pair' | 'bad-key'; code: string } | undefined => {
    const msg = errorText(body);
    if (status === 400 && /not supported|unsupported|invalid (source|target)|language/i.test(msg)) return { kind: 'unsupported-pair', code: 'lt-language' };
    if (status === 400 && /api[_ ]?key/i.test(msg)) return { kind: 'bad-key', code: 'lt-key' };
    return undefined;
  };

  fetchLanguages(signal?: AbortSignal): Promise<LtLanguages> {
    if (!this.languages) {
      this.languages = requestJson<LtLanguages>(joinUrl(this.endpoint, '/languages'), { method: 'GET', headers: { Accept: 'application/json' } }, httpOptions(this.deps, this, signal)).then(
        ({ body }) => {
          expectShape(Array.isArray(body), { providerId: this.id, providerLabel: this.label }, 'lt-languages-shape');
          return body;
        },
      );
      this.languages.catch(() => {
        this.languages = undefined;
      });
    }
    return this.languages;
  }

  async supports(pair: LanguagePair): Promise<boolean | 'unknown'> {
    let langs: LtLanguages;
    try {
      langs = await this.fetchLanguages();
    } catch {
      return 'unknown';
    }
    const src = langs.find((l) => l.code === toLibreTranslate(pair.from));
    if (!src) return false;
    return src.targets ? src.targets.includes(toLibreTranslate(pair.to)) : langs.some((l) => l.code === toLibreTranslate(pair.to));
  }

  async translate(req: TranslateRequest): Promise<string> {
    const payload: Record<string, string> = {
      q: req.text,
      source: toLibreTranslate(req.from),
      target: toLibreTranslate(req.to),
      format: req.format,
    };
    if (this.apiKey) payload.api_key = this.apiKey;
    const { body } = await requestJson<{ translatedText?: unknown }>(
      joinUrl(this.endpoint, '/translate'),
      { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(payload) },
      httpOptions(this.deps, this, req.signal, this.classify),
    );
    expectShape(body && typeof body.translatedText === 'string', { providerId: this.id, providerLabel: this.label }, 'lt-translate-shape');
    return body.translatedText as string;
  }
}

export const libretranslateDescriptor: ProviderDescriptor<'libretranslate'> = {
  type: 'libretranslate',
  cloud: false,
  // The hosted libretranslate.com is a third party's cloud; a self-hosted server is not.
  cloudHosts: LIBRETRANSLATE_CLOUD,
  needsEndpoint: true,
  needsKey: false,
  create: (config, deps) => new LibreTranslateProvider(config, deps),
};

/**
 * DeepL API v2 (cloud, opt-in).
 *
 * Contract: `POST https://api[-free].deepl.com/v2/translate`, header `Authorization: DeepL-Auth-Key <key>`
 * (never a query parameter), JSON `{ text: [..], target_lang, source_lang, ... }` →
 * `{ translations: [{ detected_source_language, text }] }`. Keys ending in `:fx` belong to the Free
 * API host. Protected spans use XML tag handling with `ignore_tags: ["x"]`. Errors: 403 bad key,
 * 456 quota exceeded, 429 too many requests, 400 bad request (e.g. unsupported target_lang).
 * No Khmer and no Lao.
 */
import { expectShape, hostOf, joinUrl, requestJson } from '../http';
import { DEEPL_SOURCE, DEEPL_TARGET, toDeepL } from '../languages';
import type { LanguagePair, ProviderSettings, TranslateRequest, TranslationProvider } from '../types';
import { errorText, httpOptions, requireKey, type HttpDeps, type ProviderDescriptor } from './shared';

export function deeplHost(apiKey: string): string {
  return apiKey.trim().endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
}

export class DeepLProvider implements TranslationProvider {
  readonly type = 'deepl' as const;
  readonly id: string;
  readonly label: string;
  readonly isCloud = true;
  readonly markup = 'deepl-xml' as const;
  private readonly endpoint: string;
  private readonly apiKey: string;

  constructor(
    config: ProviderSettings,
    private readonly deps: HttpDeps,
  ) {
    this.label = config.label ?? 'DeepL';
    this.apiKey = requireKey(config, this.label);
    this.endpoint = (config.endpoint ?? deeplHost(this.apiKey)).replace(/\/+$/, '');
    this.id = `deepl:${hostOf(this.endpoint)}`;
  }

  destination(): string {
    return hostOf(this.endpoint);
  }

  async supports(pair: LanguagePair): Promise<boolean | 'unknown'> {
    return DEEPL_SOURCE.has(toDeepL(pair.from, 'source')) && DEEPL_TARGET.has(toDeepL(pair.to, 'target'));
  }

  async translate(req: TranslateRequest): Promise<string> {
    const payload: Record<string, unknown> = {
      text: [req.text],
      source_lang: toDeepL(req.from, 'source'),
      target_lang: toDeepL(req.to, 'target'),
      preserve_formatting: true,
    };
    if (req.format === 'html') {
      payload.tag_handling = 'xml';
      payload.ignore_tags = ['x'];
    }
    const { body } = await requestJson<{ translations?: Array<{ text?: unknown }> }>(
      joinUrl(this.endpoint, '/v2/translate'),
      {
        method: 'POST',
        headers: { Authorization: `DeepL-Auth-Key ${this.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      },
      httpOptions(this.deps, this, req.signal, (status, b) => {
        if (status === 456) return { kind: 'quota', code: 'deepl-456' };
        if (status === 400 && /(source|target)_lang/i.test(errorText(b))) return { kind: 'unsupported-pair', code: 'deepl-lang' };
        return undefined;
      }),
    );
    const text = body?.translations?.[0]?.text;
    expectShape(typeof text === 'string', { providerId: this.id, providerLabel: this.label }, 'deepl-shape');
    return text;
  }
}

export const deeplDescriptor: ProviderDescriptor<'deepl'> = {
  type: 'deepl',
  cloud: true,
  needsEndpoint: false,
  needsKey: true,
  defaultEndpoint: (c) => deeplHost(c.apiKey ?? ''),
  create: (config, deps) => new DeepLProvider(config, deps),
};

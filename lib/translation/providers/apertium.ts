/**
 * Apertium APy (self-hosted rule-based MT).
 *
 * Contract (APy 0.11): `GET /listPairs` → `{ responseData: [{ sourceLanguage, targetLanguage }], responseStatus: 200 }`;
 * `/translate` with `langpair=eng|spa&q=…` → `{ responseData: { translatedText }, responseStatus: 200 }`;
 * errors → HTTP 4xx/5xx `{ status: 'error', code, message, explanation }`.
 *
 * We send `/translate` as a form-encoded POST (APy treats POST like GET): the draft then stays out
 * of URLs and so out of APy's access log (Tornado logs the request URI). `markUnknown=no` drops the
 * `*` APy puts before unknown words; `format=txt` stops APy from parsing plain text as HTML.
 */
import { expectShape, hostOf, joinUrl, requestJson } from '../http';
import { baseLanguage, toApertium } from '../languages';
import type { LanguagePair, ProviderSettings, TranslateRequest, TranslationProvider } from '../types';
import { errorText, httpOptions, requireEndpoint, unsupported, type HttpDeps, type ProviderDescriptor } from './shared';

interface ApyPairs {
  responseData: Array<{ sourceLanguage: string; targetLanguage: string }>;
  responseStatus?: number;
}
interface ApyTranslation {
  responseData: { translatedText: string };
  responseStatus?: number;
}

export class ApertiumProvider implements TranslationProvider {
  readonly type = 'apertium' as const;
  readonly id: string;
  readonly label: string;
  readonly isCloud = false;
  readonly markup = undefined;
  private readonly endpoint: string;
  private pairs: Promise<Set<string>> | undefined;

  constructor(
    config: ProviderSettings,
    private readonly deps: HttpDeps,
  ) {
    this.endpoint = requireEndpoint(config);
    this.id = `apertium:${hostOf(this.endpoint)}`;
    this.label = config.label ?? `Apertium (${hostOf(this.endpoint)})`;
  }

  destination(): string {
    return hostOf(this.endpoint);
  }

  /** Installed pairs as `src|tgt` (cached; a failed lookup is retried next time). */
  listPairs(signal?: AbortSignal): Promise<Set<string>> {
    if (!this.pairs) {
      this.pairs = requestJson<ApyPairs>(joinUrl(this.endpoint, '/listPairs'), { method: 'GET', headers: { Accept: 'application/json' } }, httpOptions(this.deps, this, signal)).then(
        ({ body }) => {
          expectShape(body && Array.isArray(body.responseData), this.providerWho(), 'apy-listpairs-shape');
          return new Set(body.responseData.map((p) => `${p.sourceLanguage}|${p.targetLanguage}`));
        },
      );
      this.pairs.catch(() => {
        this.pairs = undefined;
      });
    }
    return this.pairs;
  }

  private providerWho(): { providerId: string; providerLabel: string } {
    return { providerId: this.id, providerLabel: this.label };
  }

  /** Apertium codes for a pair; a regional target (`en-US` → `eng_US`) is used when installed. */
  private codes(pair: LanguagePair, installed?: Set<string>): { src: string; tgt: string } | undefined {
    const src = toApertium(baseLanguage(pair.from));
    const tgtVariant = toApertium(pair.to);
    const tgtBase = toApertium(baseLanguage(pair.to));
    if (!src || !tgtBase) return undefined;
    if (installed && tgtVariant && tgtVariant !== tgtBase && installed.has(`${src}|${tgtVariant}`)) return { src, tgt: tgtVariant };
    return { src, tgt: tgtBase };
  }

  async supports(pair: LanguagePair): Promise<boolean | 'unknown'> {
    let installed: Set<string>;
    try {
      installed = await this.listPairs();
    } catch {
      return 'unknown';
    }
    const c = this.codes(pair, installed);
    return !!c && installed.has(`${c.src}|${c.tgt}`);
  }

  async translate(req: TranslateRequest): Promise<string> {
    let installed: Set<string> | undefined;
    try {
      installed = await this.listPairs(req.signal);
    } catch {
      installed = undefined; // translate anyway; APy answers 400 for a missing pair
    }
    const c = this.codes(req, installed);
    // Known not to be installed: fail without sending the draft anywhere.
    if (!c || (installed && !installed.has(`${c.src}|${c.tgt}`))) throw unsupported(this, req);
    const body = new URLSearchParams({
      langpair: `${c.src}|${c.tgt}`,
      q: req.text,
      markUnknown: 'no',
      format: req.format === 'html' ? 'html' : 'txt',
    });
    const { body: json } = await requestJson<ApyTranslation>(
      joinUrl(this.endpoint, '/translate'),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
        body: body.toString(),
      },
      httpOptions(this.deps, this, req.signal, (status, b) =>
        status === 400 && /pair/i.test(errorText(b)) ? { kind: 'unsupported-pair', code: 'apy-pair' } : undefined,
      ),
    );
    expectShape(json && typeof json.responseData?.translatedText === 'string', this.providerWho(), 'apy-translate-shape');
    return json.responseData.translatedText;
  }
}

export const apertiumDescriptor: ProviderDescriptor<'apertium'> = {
  type: 'apertium',
  cloud: false,
  needsEndpoint: true,
  needsKey: false,
  create: (config, deps) => new ApertiumProvider(config, deps),
  // Lists the installed pairs: no text is sent.
  probe: async (provider) => {
    const pairs = await (provider as ApertiumProvider).listPairs();
    return { ok: true, detail: `${provider.destination()}, ${pairs.size} language pairs` };
  },
};

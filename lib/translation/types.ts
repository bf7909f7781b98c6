/**
 * Shared types for Envoy's translation layer.
 *
 * `lib/` is pure: no `browser.*` / `chrome.*` APIs. Network access goes through an injected
 * `fetch`-compatible function and the Chrome built-in Translator / LanguageDetector through an
 * injected interface, so everything here runs under Node for unit tests.
 */
import { TRANSLATION_ERROR_KINDS, type TranslationErrorKind } from '@/lib/translation/error-kinds';

/** The type list, `ProviderConfig` and its schema are derived from the provider registry. */
export type { ProviderConfig, ProviderType } from './registry';

/**
 * The fields a provider reads from its config (`type` is narrowed to the registered types by
 * `ProviderConfig`; a provider only needs its own settings).
 */
export interface ProviderSettings {
  type: string;
  /** Base URL of the service (required for apertium and libretranslate; optional override for the others). */
  endpoint?: string | undefined;
  apiKey?: string | undefined;
  /** Azure region for Microsoft Translator (`Ocp-Apim-Subscription-Region`). */
  region?: string | undefined;
  /** Name shown in the UI. */
  label?: string | undefined;
}

export interface LanguagePair {
  /** BCP-47 source language, e.g. `en`, `km`, `fr`. */
  from: string;
  /** BCP-47 target language. */
  to: string;
}

export type TextFormat = 'text' | 'html';

export interface TranslateRequest {
  text: string;
  from: string;
  to: string;
  /** `html`: the text is an HTML fragment (used with the provider's markup protection). */
  format: TextFormat;
  signal?: AbortSignal;
}

/**
 * How a provider keeps protected spans verbatim when it is sent `format: 'html'`.
 * - `translate-no`: `<span translate="no">…</span>` (LibreTranslate)
 * - `notranslate`: `<span class="notranslate" translate="no">…</span>` (Google v2, Microsoft v3)
 * - `deepl-xml`: `<x>…</x>` with `tag_handling=xml` and `ignore_tags=["x"]` (DeepL)
 */
export type MarkupStyle = 'translate-no' | 'notranslate' | 'deepl-xml';

export interface TranslationProvider {
  /** Unique per configured instance, e.g. `libretranslate:mt.mfaic.gov.kh`. */
  readonly id: string;
  /** A registered provider type (lib/translation/registry.ts). */
  readonly type: string;
  readonly label: string;
  /** Text leaves the user's organisation (opt-in only). */
  readonly isCloud: boolean;
  /** Markup protection this provider honours; `undefined` ⇒ plain text, protect with placeholders. */
  readonly markup?: MarkupStyle;
  /** Host the text is sent to, for the on-screen notice. */
  destination(): string;
  supports(pair: LanguagePair): Promise<boolean | 'unknown'>;
  translate(req: TranslateRequest): Promise<string>;
}

export { TRANSLATION_ERROR_KINDS, type TranslationErrorKind };

const DEFAULT_MESSAGES: Record<TranslationErrorKind, string> = {
  unreachable: 'The translation service could not be reached.',
  timeout: 'The translation service did not answer in time.',
  'bad-key': 'The translation service rejected the API key.',
  'unsupported-pair': 'The translation service does not support this language pair.',
  quota: 'The translation service quota or rate limit was reached.',
  'bad-response': 'The translation service returned an unexpected answer.',
  cancelled: 'Translation was cancelled.',
  'not-allowed': 'Translation is not allowed here.',
};

/**
 * Error with a user-facing message that never contains draft text
 * (messages are built from the kind, the provider label and the HTTP status only).
 */
export class TranslationError extends Error {
  readonly kind: TranslationErrorKind;
  readonly providerId: string | undefined;
  readonly status: number | undefined;
  /** Short machine-readable reason, e.g. `http-456`, `NotAllowedError`, `download-required`. */
  readonly code: string | undefined;

  constructor(
    kind: TranslationErrorKind,
    opts: { providerId?: string; providerLabel?: string; status?: number; code?: string; message?: string } = {},
  ) {
    const base = opts.message ?? DEFAULT_MESSAGES[kind];
    const who = opts.providerLabel ? `${opts.providerLabel}: ` : '';
    const status = opts.status !== undefined ? ` (HTTP ${opts.status})` : '';
    super(`${who}${base}${status}`);
    this.name = 'TranslationError';
    this.kind = kind;
    this.providerId = opts.providerId;
    this.status = opts.status;
    this.code = opts.code;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, providerId: this.providerId, status: this.status, code: this.code, message: this.message };
  }
}

export function isTranslationError(e: unknown): e is TranslationError {
  return e instanceof TranslationError;
}

/** A `fetch`-compatible function (the real `fetch` in extension pages, a recorder in tests). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The translation service the background runs: answers `envoy:translate-plan` and
 * `envoy:translate`. Pure logic over injected dependencies (fetch, host-permission check, Chrome's
 * Translator, detector); extension/translation-service.ts wires it to the browser.
 *
 * - Providers come from the effective settings (`translationProviders`, organisation policy on
 *   top), in order; cloud services only when `allowCloudTranslation` is true AND the request
 *   carries a one-time confirmation token for that service's host (lib/translation/confirmations.ts).
 *   Envoy's UI gets the token with `envoy:confirm-cloud` after the user pressed "Send to <host>"
 *   (a trusted event); it is bound to the host and the asking tab, single use, short-lived.
 *   Anything else is refused: no field a sender sets is taken as the user's confirmation.
 * - HTTP services are reached from here (timeouts, retries: lib/translation/http.ts). A
 *   self-hosted server (Apertium APy, a private LibreTranslate) is tried even without its host
 *   permission: one that allows cross-origin requests (`Access-Control-Allow-Origin`) works with
 *   no user step, so a server named by organisation policy works for everyone. Only when it cannot
 *   be reached that way, and for cloud services, the answer names the host to grant
 *   (`needs-permission` / error kind `permission`).
 * - Chrome's on-device Translator runs in the offscreen document (extension/chrome-ai.ts).
 * - Draft text is never logged: errors carry kinds, provider names and HTTP statuses only.
 */
import type { ConfirmCloudResponse, PlanStep, TranslateError, TranslatePlanResponse, TranslateResponse, TranslationResult } from '@/lib/messages';
import type { EnvoyRequest } from '@/lib/messages';
import { detectLanguage, type BrowserLanguageDetector, type Detection } from '@/lib/translation/detect';
import { defaultGlossary, type Glossary } from '@/lib/translation/glossary';
import { planProviders, planTranslation, type RouteStep } from '@/lib/translation/plan';
import type { ProviderDeps } from '@/lib/translation/providers';
import type { ChromeTranslatorApi } from '@/lib/translation/providers/chrome';
import { createProvider, patternHost } from '@/lib/translation/registry';
import { translateDraft, TranslationFailure, type TranslateDraftResult, type TranslationWarning } from '@/lib/translation/translate';
import { isTranslationError, type FetchLike, type ProviderConfig, type TranslationProvider } from '@/lib/translation/types';
import { createConfirmationStore, type ConfirmationStore } from '@/lib/translation/confirmations';

type PlanRequest = Extract<EnvoyRequest, { type: 'envoy:translate-plan' }>;
type TranslateRequestMessage = Extract<EnvoyRequest, { type: 'envoy:translate' }>;

export interface TranslationSettings {
  translationProviders: readonly ProviderConfig[];
  allowCloudTranslation: boolean;
}

export interface TranslationServiceDeps {
  /** Effective settings now (user settings with organisation policy on top). */
  settings(): TranslationSettings | Promise<TranslationSettings>;
  fetch: FetchLike;
  /** `browser.permissions.contains` for one origin pattern. */
  hasOrigin(pattern: string): Promise<boolean>;
  /** Chrome's Translator (through the offscreen document); undefined on Firefox. */
  chromeTranslator?: ChromeTranslatorApi | undefined;
  /** Browser language detector (`i18n.detectLanguage`), used for Latin-script drafts. */
  detector?: BrowserLanguageDetector | undefined;
  glossary?: Glossary;
  /** One-time cloud confirmations (tests inject a clock). */
  confirmations?: ConfirmationStore;
  /** HTTP tuning (tests). */
  http?: Pick<ProviderDeps, 'timeoutMs' | 'retries' | 'backoffMs' | 'sleep'>;
  now?: () => number;
}

export interface Entry {
  config: ProviderConfig;
  provider: TranslationProvider;
  privacy: PlanStep['privacy'];
  /** Host permission pattern the background needs (HTTP providers). */
  origin?: string;
}

/**
 * Who sent a request: the background passes the sender's tab and origin, so a confirmation minted
 * for one tab cannot be spent by another.
 */
export type Requester = string;

export interface TranslationService {
  plan(request: PlanRequest): Promise<TranslatePlanResponse>;
  /**
   * Mints a one-time confirmation for sending to `destination`, only when cloud translation is
   * allowed and a configured cloud service has that host.
   */
  confirmCloud(destination: string, requester?: Requester): Promise<ConfirmCloudResponse>;
  translate(request: TranslateRequestMessage, requester?: Requester): Promise<TranslateResponse>;
}

function publicDetection(d: Detection | undefined) {
  return d ? { lang: d.lang, confidence: d.confidence, reliable: d.reliable, source: d.source } : undefined;
}

function publicWarnings(warnings: readonly TranslationWarning[]): Array<{ code: string; message: string; providerId?: string }> {
  return warnings.map((w) => ({ code: w.code, message: w.message, ...(w.providerId ? { providerId: w.providerId } : {}) }));
}

/** The configured services split by host permission, for one translation request. */
export interface AccessSplit {
  /** Handed to translateDraft, in order. */
  usable: Entry[];
  /** Cloud services without their host permission: skipped, named in a warning. */
  missing: Entry[];
  /** Self-hosted servers tried without their host permission (cross-origin requests). */
  tried: Entry[];
}

export async function sortByAccess(list: readonly Entry[], allowCloud: boolean, hasOrigin: (pattern: string) => Promise<boolean>): Promise<AccessSplit> {
  const split: AccessSplit = { usable: [], missing: [], tried: [] };
  for (const e of list) {
    // Cloud services that are not allowed never get this far (translateDraft skips them too).
    const unpermitted = e.origin !== undefined && !(e.provider.isCloud && !allowCloud) && !(await hasOrigin(e.origin));
    if (unpermitted && e.provider.isCloud) split.missing.push(e);
    else split.usable.push(e);
    if (unpermitted && !e.provider.isCloud) split.tried.push(e);
  }
  return split;
}

/** The first cloud service the user has not confirmed for this request. */
interface Declined {
  destination: string;
  label: string;
}

/**
 * The answer when no service translated: a confirmation to ask for, a host permission to grant,
 * or the failure's kind. Never contains draft text.
 */
export function failureResponse(error: unknown, declined: Declined | undefined, access: Pick<AccessSplit, 'missing' | 'tried'>): TranslateResponse {
  const warnings = error instanceof TranslationFailure ? publicWarnings(error.warnings) : [];
  const fail = (e: TranslateError): TranslateResponse => ({ ok: false, error: e, ...(warnings.length ? { warnings } : {}) });
  if (declined && error instanceof TranslationFailure && error.kind === 'not-allowed') {
    return fail({
      kind: 'confirm-cloud',
      message: `This translation would be sent to ${declined.destination} (${declined.label}), a cloud service. Confirm to send it.`,
      destination: declined.destination,
      label: declined.label,
    });
  }
  const needsPermission = access.tried[0] ?? access.missing[0];
  const unreachable = access.tried.length > 0 && error instanceof TranslationFailure && (error.kind === 'unreachable' || error.kind === 'timeout');
  if (
    needsPermission?.origin &&
    (unreachable || !(error instanceof TranslationFailure) || error.kind === 'unsupported-pair' || error.kind === 'not-allowed')
  ) {
    const host = patternHost(needsPermission.origin);
    return fail({ kind: 'permission', message: permissionMessage(host), origin: needsPermission.origin, label: needsPermission.provider.label });
  }
  if (isTranslationError(error)) {
    console.warn('[Envoy] translation failed:', error.kind);
    return fail({ kind: error.kind, message: error.message });
  }
  console.warn('[Envoy] translation failed (unexpected error)');
  return fail({ kind: 'bad-response', message: 'Translation failed unexpectedly.' });
}

/** The translation as sent back to the page: public fields only, plus missing-permission warnings. */
export function publicResult(result: TranslateDraftResult, access: Pick<AccessSplit, 'usable' | 'missing'>, elapsedMs: number): TranslationResult {
  const warnings = publicWarnings(result.warnings);
  for (const e of access.missing) {
    if (e.origin) warnings.push({ code: 'needs-permission', message: permissionMessage(patternHost(e.origin)), providerId: e.provider.id });
  }
  const entry = access.usable.find((e) => e.provider.id === result.providerId);
  return {
    text: result.text,
    range: result.range,
    from: result.from,
    to: result.to,
    providerId: result.providerId,
    providerLabel: result.providerLabel,
    destination: result.destination,
    privacy: entry?.privacy ?? (result.isCloud ? 'cloud' : 'on-device'),
    isCloud: result.isCloud,
    method: result.method,
    glossaryIssues: result.glossaryIssues.map((i) => ({ ...i })),
    warnings,
    ...(result.detection ? { detection: publicDetection(result.detection)! } : {}),
    spans: result.spans.map((s) => ({ kind: s.kind, start: s.start, end: s.end, text: s.text, output: s.output })),
    elapsedMs,
  };
}

/** User-facing message for a missing host permission (never contains draft text). */
export function permissionMessage(host: string): string {
  return `Envoy needs permission to reach ${host}: open Settings → Translation.`;
}

export function createTranslationService(deps: TranslationServiceDeps): TranslationService {
  const glossary = deps.glossary ?? defaultGlossary;
  const now = deps.now ?? (() => Date.now());
  const confirmations = deps.confirmations ?? createConfirmationStore({ now });
  // Provider instances are kept while their config is unchanged (Apertium caches its pair list).
  const cache = new Map<string, Entry>();

  const entries = async (): Promise<{ list: Entry[]; allowCloud: boolean }> => {
    const s = await deps.settings();
    const seen = new Set<string>();
    const make = (config: ProviderConfig): TranslationProvider => {
      const key = JSON.stringify(config);
      seen.add(key);
      const cached = cache.get(key);
      if (cached) return cached.provider;
      return createProvider(config, { fetch: deps.fetch, chromeTranslator: deps.chromeTranslator, ...(deps.http ?? {}) });
    };
    // Invalid or incomplete entries are skipped here; the options page lists them.
    const list: Entry[] = [];
    for (const r of planProviders(s.translationProviders, s.allowCloudTranslation, make)) {
      if (!r.provider || !r.config) continue;
      const key = JSON.stringify(r.config);
      const entry = cache.get(key) ?? { config: r.config, provider: r.provider, privacy: r.privacy, ...(r.origin ? { origin: r.origin } : {}) };
      cache.set(key, entry);
      list.push(entry);
    }
    for (const key of [...cache.keys()]) if (!seen.has(key)) cache.delete(key);
    return { list, allowCloud: s.allowCloudTranslation };
  };

  const detect = (text: string): Promise<Detection> => detectLanguage(text, deps.detector ? { browser: deps.detector } : {});

  const toPlanStep = (r: RouteStep): PlanStep => ({
    providerId: r.providerId,
    label: r.label,
    destination: r.destination,
    privacy: r.privacy,
    isCloud: r.isCloud,
    status: r.status,
    ...(r.origin ? { origin: r.origin } : {}),
  });

  return {
    async plan(request) {
      const { list, allowCloud } = await entries();
      let from = request.from;
      let detection: Detection | undefined;
      if (!from) {
        detection = await detect(request.text);
        from = detection.lang ?? undefined;
      }
      if (!from) return { ok: true, from: null, ...(detection ? { detection: publicDetection(detection)! } : {}), steps: [] };
      const pair = { from, to: request.to };
      const origins = new Map(list.map((e) => [e.provider, e.origin]));
      const routes = await planTranslation(
        list.map((e) => e.provider),
        pair,
        allowCloud,
        { originOf: (p) => origins.get(p), hasOrigin: deps.hasOrigin },
      );
      const steps = routes.map(toPlanStep);
      const next = steps.find((s) => s.status === 'candidate');
      return { ok: true, from, ...(detection ? { detection: publicDetection(detection)! } : {}), steps, ...(next ? { next } : {}) };
    },

    async confirmCloud(destination, requester = '') {
      const { list, allowCloud } = await entries();
      const known = list.some((e) => e.provider.isCloud && e.provider.destination() === destination);
      if (!allowCloud || !known) return { ok: false };
      return { ok: true, token: confirmations.mint(destination, requester) };
    },

    async translate(request, requester = '') {
      const started = now();
      // Spent here, whatever happens next: a token is good for one request only.
      const confirmed = confirmations.take(request.confirmation, requester);
      const { list, allowCloud } = await entries();
      const access = await sortByAccess(list, allowCloud, deps.hasOrigin);
      let declined: Declined | undefined;
      let result: TranslateDraftResult;
      try {
        result = await translateDraft({
          text: request.text,
          ...(request.selection ? { selection: request.selection } : {}),
          ...(request.from ? { from: request.from } : {}),
          to: request.to,
          providers: access.usable.map((e) => e.provider),
          allowCloud,
          glossary,
          // Reviewed (approved) terms are forced; draft terms are not imposed, only checked and
          // flagged in the preview when rendered differently.
          reviewedTermsOnly: true,
          ...(deps.detector ? { browserDetector: deps.detector } : {}),
          confirmCloud: ({ destination, label }) => {
            if (confirmed !== undefined && confirmed === destination) return true;
            declined ??= { destination, label };
            return false;
          },
        });
      } catch (error) {
        return failureResponse(error, declined, access);
      }
      return { ok: true, result: publicResult(result, access, now() - started) };
    },
  };
}


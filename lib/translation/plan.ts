/**
 * Where draft text would go, worked out once for the privacy page (lib/privacy.ts) and the
 * background (extension/translation-service.ts):
 * - `planProviders`: each configured service → its provider, host, privacy class and whether it
 *   would be used now (cloud switched off, not fully configured);
 * - `planTranslation`: for one language pair, the order in which providers would be tried and why
 *   one would be skipped (the on-screen notice before sending).
 */
import type { ChromeAvailability } from './providers/chrome';
import {
  endpointSecurity,
  isCloudConfig,
  missingProviderFields,
  providerEndpoint,
  providerOrigin,
  providerPrivacy,
  readyProviderConfigSchema,
  registry,
  type ProviderConfig,
  type ProviderPrivacy,
} from './registry';
import { hostOf } from './http';
import type { LanguagePair, TranslationProvider } from './types';

export interface ProviderRoute {
  /** Index in the configured list (order of preference). */
  index: number;
  type: string;
  /** The validated config; absent when the entry is invalid. */
  config?: ProviderConfig;
  /** Built for every complete config (also when cloud translation is off, to name its host). */
  provider?: TranslationProvider;
  label: string;
  /** Host the text is sent to, or the on-device translator's description. */
  destination: string;
  privacy: ProviderPrivacy;
  cloud: boolean;
  leavesDevice: boolean;
  /** Host permission pattern the background needs (network services). */
  origin?: string;
  /** The endpoint is plain http:// to this machine: allowed, but shown as not encrypted. */
  plainHttp?: true;
  /** ready: would be used; the others say why not. */
  status: 'ready' | 'cloud-not-allowed' | 'not-configured';
}

/**
 * Classes each configured service. `make` builds (or reuses) a provider for a complete config;
 * an entry it cannot build counts as not configured.
 */
export function planProviders(
  configs: readonly unknown[],
  allowCloud: boolean,
  make: (config: ProviderConfig) => TranslationProvider,
): ProviderRoute[] {
  return configs.map((raw, index): ProviderRoute => {
    const config = (raw && typeof raw === 'object' ? raw : {}) as ProviderConfig;
    const type = typeof config.type === 'string' ? config.type : 'unknown';
    const cloud = isCloudConfig(config);
    const privacy = providerPrivacy(config);
    const endpoint = providerEndpoint(config);
    const origin = providerOrigin(config);
    const base = {
      index,
      type,
      label: config.label ?? type,
      destination: endpoint ? safeHost(endpoint) : '',
      privacy,
      cloud,
      leavesDevice: privacy !== 'on-device',
      ...(origin ? { origin } : {}),
      ...(endpoint && endpointSecurity(endpoint) === 'loopback-http' ? { plainHttp: true as const } : {}),
    };
    const parsed = readyProviderConfigSchema.safeParse(raw);
    if (!parsed.success || missingProviderFields(config).length > 0) return { ...base, status: 'not-configured' };
    let provider: TranslationProvider;
    try {
      provider = make(parsed.data);
    } catch {
      return { ...base, config: parsed.data, status: 'not-configured' };
    }
    const built = { ...base, config: parsed.data, provider, label: provider.label, destination: provider.destination(), cloud: provider.isCloud };
    return { ...built, status: provider.isCloud && !allowCloud ? 'cloud-not-allowed' : 'ready' };
  });
}

function safeHost(url: string): string {
  try {
    return hostOf(url);
  } catch {
    return url;
  }
}

export interface RouteStep {
  providerId: string;
  label: string;
  destination: string;
  privacy: ProviderPrivacy;
  isCloud: boolean;
  status: 'candidate' | 'cloud-not-allowed' | 'unsupported' | 'needs-permission' | 'download-required';
  supports?: boolean | 'unknown';
  /** Origin pattern to grant, for needs-permission. */
  origin?: string;
}

export interface PlanHooks {
  /** Host permission pattern a provider needs (undefined: none). */
  originOf?(p: TranslationProvider): string | undefined;
  /** Whether Envoy holds that host permission. */
  hasOrigin?(pattern: string): Promise<boolean>;
}

/** A provider that can tell whether its language pack is on the device (Chrome's Translator). */
function availabilityOf(p: TranslationProvider): ((pair: LanguagePair) => Promise<ChromeAvailability>) | undefined {
  const f = (p as { availability?: unknown }).availability;
  return typeof f === 'function' ? (f.bind(p) as (pair: LanguagePair) => Promise<ChromeAvailability>) : undefined;
}

async function stepOf(p: TranslationProvider, pair: LanguagePair, allowCloud: boolean, hooks: PlanHooks): Promise<RouteStep> {
  const base = { providerId: p.id, label: p.label, destination: p.destination(), privacy: registry.privacyOfProvider(p), isCloud: p.isCloud };
  if (p.isCloud && !allowCloud) return { ...base, status: 'cloud-not-allowed' };
  const origin = hooks.originOf?.(p);
  const unpermitted = origin !== undefined && hooks.hasOrigin !== undefined && !(await hooks.hasOrigin(origin));
  if (unpermitted && p.isCloud) return { ...base, status: 'needs-permission', origin };
  const availability = availabilityOf(p);
  if (availability) {
    const a = await availability(pair);
    return { ...base, status: a === 'available' ? 'candidate' : a === 'unavailable' ? 'unsupported' : 'download-required' };
  }
  let s: boolean | 'unknown';
  try {
    s = await p.supports(pair);
  } catch {
    s = 'unknown';
  }
  // Not reachable without the host permission (no CORS, or down): granting it is the next step.
  if (unpermitted && s === 'unknown') return { ...base, status: 'needs-permission', origin };
  return { ...base, status: s === false ? 'unsupported' : 'candidate', supports: s };
}

/**
 * Which providers would be tried for a pair, in order, and where the text would go.
 * For the on-screen notice before sending ("Text will be sent to api-free.deepl.com").
 */
export function planTranslation(
  providers: readonly TranslationProvider[],
  pair: LanguagePair,
  allowCloud: boolean,
  hooks: PlanHooks = {},
): Promise<RouteStep[]> {
  return Promise.all(providers.map((p) => stepOf(p, pair, allowCloud, hooks)));
}

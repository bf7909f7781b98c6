/**
 * The translation provider registry: the one list of provider kinds. Everything else about
 * providers is derived from it — the type list, the config schema (policy key
 * `translationProviders`, settings, options page), the cloud / key / endpoint lists, the host a
 * provider sends text to (host permissions) and how each configured service is classed for the
 * privacy page and the background.
 *
 * Adding a provider: its file in providers/ exporting one `ProviderDescriptor`, one line in
 * `PROVIDERS` below, its type in config.ts's `PROVIDER_TYPES` (the light list content scripts
 * load; the compiler rejects a mismatch) and its UI label (`provider.<type>` in lib/i18n).
 */
import * as z from 'zod/mini';
import { PROVIDER_TYPES as CONFIG_TYPES, originPattern, providerConfigShape } from './config';
import type { Same } from '@/lib/vocabulary';
import { apertiumDescriptor } from './providers/apertium';
import { chromeDescriptor } from './providers/chrome';
import { deeplDescriptor } from './providers/deepl';
import { googleDescriptor } from './providers/google';
import { libretranslateDescriptor } from './providers/libretranslate';
import { microsoftDescriptor } from './providers/microsoft';
import type { ProviderDeps, ProviderDescriptor } from './providers/shared';
import { TranslationError, type ProviderSettings, type TranslationProvider } from './types';

/** How a configured service is classed: where the text goes. */
export type ProviderPrivacy = 'on-device' | 'self-hosted' | 'cloud';

export { endpointSecurity, originPattern, patternHost, type EndpointSecurity } from './config';

/** Everything derived from a list of descriptors (built once for `PROVIDERS`; tests build their own). */
export function defineRegistry<const D extends readonly ProviderDescriptor[]>(descriptors: D) {
  type Type = D[number]['type'];
  const types = descriptors.map((d) => d.type) as unknown as readonly [Type, ...Type[]];
  const byType = new Map<string, ProviderDescriptor>(descriptors.map((d) => [d.type, d]));
  const of = (type: string): ProviderDescriptor | undefined => byType.get(type);

  const shape = providerConfigShape(types);
  /**
   * One provider config as stored (settings) or set by policy. Unknown fields are dropped, and a
   * config may still lack its key or endpoint (the privacy page lists it as not configured).
   */
  const configSchema = z.object(shape);
  type Config = z.infer<typeof configSchema>;

  /** What a config still lacks before its provider can be built (from the descriptor's needs). */
  const missing = (config: ProviderSettings): Array<'endpoint' | 'apiKey'> => {
    const d = of(config.type);
    const out: Array<'endpoint' | 'apiKey'> = [];
    if (d?.needsEndpoint && !config.endpoint) out.push('endpoint');
    if (d?.needsKey && !config.apiKey) out.push('apiKey');
    return out;
  };

  /** The same fields, strict, refined to configs complete enough to build a provider. */
  const readySchema = z.strictObject(shape).check(
    z.superRefine((cfg, ctx) => {
      for (const field of missing(cfg)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${cfg.type} needs ${field === 'endpoint' ? 'an endpoint URL' : 'an API key'}`, input: cfg });
      }
    }),
  );

  /** The URL a provider sends text to (its endpoint, or the service's default API host). */
  const endpointOf = (config: ProviderSettings): string | undefined => {
    const d = of(config.type);
    if (!d || d.onDevice) return undefined;
    return config.endpoint ?? d.defaultEndpoint?.(config);
  };

  const isCloud = (config: ProviderSettings): boolean => {
    const d = of(config.type);
    if (!d) return false;
    if (d.cloud) return true;
    const endpoint = config.endpoint;
    if (!d.cloudHosts || !endpoint) return false;
    try {
      return d.cloudHosts.test(new URL(endpoint).host);
    } catch {
      return false;
    }
  };

  return {
    descriptors,
    types,
    of,
    configSchema,
    readySchema,
    missing,
    endpointOf,
    isCloud,
    /** Types that always send text to a third-party cloud service. */
    cloudTypes: descriptors.filter((d) => d.cloud).map((d) => d.type) as readonly Type[],
    keyTypes: descriptors.filter((d) => d.needsKey).map((d) => d.type) as readonly Type[],
    endpointTypes: descriptors.filter((d) => d.needsEndpoint).map((d) => d.type) as readonly Type[],
    /** Types that take an endpoint at all (every network service; not the on-device translator). */
    networkTypes: descriptors.filter((d) => !d.onDevice).map((d) => d.type) as readonly Type[],
    privacyOf(config: ProviderSettings): ProviderPrivacy {
      return of(config.type)?.onDevice ? 'on-device' : isCloud(config) ? 'cloud' : 'self-hosted';
    },
    /** The same for a built provider (which knows whether its host is a cloud service). */
    privacyOfProvider(p: TranslationProvider): ProviderPrivacy {
      return of(p.type)?.onDevice ? 'on-device' : p.isCloud ? 'cloud' : 'self-hosted';
    },
    /** Origin pattern the background needs for this provider; undefined for on-device providers. */
    originOf(config: ProviderSettings): string | undefined {
      const endpoint = endpointOf(config);
      return endpoint ? originPattern(endpoint) : undefined;
    },
    create(config: Config | ProviderSettings, deps: ProviderDeps): TranslationProvider {
      const d = of(config.type);
      if (!d) throw new TranslationError('not-allowed', { message: `Unknown provider type ${String(config.type)}.` });
      return d.create(config, deps);
    },
  };
}

/** The registry. One line per provider kind. */
export const PROVIDERS = [
  chromeDescriptor,
  apertiumDescriptor,
  libretranslateDescriptor,
  deeplDescriptor,
  googleDescriptor,
  microsoftDescriptor,
] as const;

export const registry = defineRegistry(PROVIDERS);

export type ProviderType = (typeof PROVIDERS)[number]['type'];
/** The same list as lib/config.ts's (content scripts load that one without any provider code). */
export const PROVIDER_TYPES: readonly ProviderType[] = registry.types;
const typesAgree: Same<(typeof CONFIG_TYPES)[number], ProviderType> = true;
void typesAgree;
export const CLOUD_PROVIDER_TYPES: readonly ProviderType[] = registry.cloudTypes;
export const KEY_PROVIDER_TYPES: readonly ProviderType[] = registry.keyTypes;
export const ENDPOINT_PROVIDER_TYPES: readonly ProviderType[] = registry.endpointTypes;

/** One configured translation service (policy key `translationProviders` is an array of these). */
export { providerConfigSchema, type ProviderConfig } from './config';
/** A config complete enough to build its provider (key / endpoint present when the type needs them). */
export const readyProviderConfigSchema = registry.readySchema;

export const providerEndpoint = (config: ProviderSettings): string | undefined => registry.endpointOf(config);
export const providerOrigin = (config: ProviderSettings): string | undefined => registry.originOf(config);
export const providerPrivacy = (config: ProviderSettings): ProviderPrivacy => registry.privacyOf(config);
export const isCloudConfig = (config: ProviderSettings): boolean => registry.isCloud(config);
export const missingProviderFields = (config: ProviderSettings) => registry.missing(config);
export const createProvider = (config: ProviderSettings, deps: ProviderDeps): TranslationProvider => registry.create(config, deps);

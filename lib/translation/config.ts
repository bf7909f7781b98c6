/**
 * The light half of the provider registry, for code that content scripts load (settings, policy):
 * the provider type list, the config schema builder and the endpoint rule. No provider code here
 * (content-script size budget). lib/translation/registry.ts holds the descriptors and checks at
 * compile time, and tests/unit/translation/registry.test.ts at run time, that `PROVIDER_TYPES` is
 * exactly the registry's list.
 */
import * as z from 'zod/mini';

/** Registered provider types, in the registry's order (tied to `PROVIDERS` in registry.ts). */
export const PROVIDER_TYPES = ['chrome', 'apertium', 'libretranslate', 'deepl', 'google', 'microsoft'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** Endpoint transport: https, or plain http to this machine (allowed, but flagged). */
export type EndpointSecurity = 'https' | 'loopback-http';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** `https:` anywhere, `http:` only to this machine (a local server); anything else is refused. */
export function endpointSecurity(url: string): EndpointSecurity | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol === 'https:') return 'https';
  if (u.protocol === 'http:' && LOOPBACK.test(u.hostname)) return 'loopback-http';
  return undefined;
}

/** `https://mt.example.org:8443/apy` → `https://mt.example.org/*` (match patterns have no port). */
export function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** Host of an origin pattern, for messages: `http://127.0.0.1/*` → `127.0.0.1`. */
export function patternHost(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

/** The fields of one provider config, for a given list of types (the registry's, or a test's). */
export function providerConfigShape<T extends string>(types: readonly [T, ...T[]]) {
  return {
    type: z.enum(types),
    endpoint: z.optional(
      z.url().check(z.refine((url) => endpointSecurity(url) !== undefined, { message: 'endpoint must use https:// (plain http:// only to this machine)' })),
    ),
    apiKey: z.optional(z.string().check(z.minLength(1))),
    region: z.optional(z.string().check(z.minLength(1))),
    label: z.optional(z.string().check(z.minLength(1))),
  };
}

/**
 * One configured translation service as stored (settings) or set by policy (`translationProviders`).
 * Unknown fields are dropped; a config may still lack its key or endpoint (the privacy page lists it
 * as not configured, the background skips it).
 */
export const providerConfigSchema = z.object(providerConfigShape(PROVIDER_TYPES));
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

import { browser } from 'wxt/browser';
import { deeplHost } from '@/lib/translation/providers/deepl';
import type { ProviderConfig } from '@/lib/translation/types';

/**
 * Host permissions for translation services. Self-hosted and cloud endpoints are reached from the
 * background, which needs a host permission for each (manifest `optional_host_permissions`
 * `http://*\/*`, `https://*\/*`). The permission is requested when the service is added in
 * Settings → Translation (or, for services set by organisation policy, with the "Allow access"
 * button there), from the click: browsers only show the prompt inside a user gesture.
 */

const DEFAULT_ENDPOINTS: Partial<Record<ProviderConfig['type'], (config: ProviderConfig) => string>> = {
  deepl: (c) => deeplHost(c.apiKey ?? ''),
  google: () => 'https://translation.googleapis.com',
  microsoft: () => 'https://api.cognitive.microsofttranslator.com',
};

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

/** The URL a provider sends text to (its endpoint, or the service's default API host). */
export function providerEndpoint(config: ProviderConfig): string | undefined {
  if (config.type === 'chrome') return undefined;
  return config.endpoint ?? DEFAULT_ENDPOINTS[config.type]?.(config);
}

/** Origin pattern the background needs for this provider; undefined for on-device providers. */
export function providerOrigin(config: ProviderConfig): string | undefined {
  const endpoint = providerEndpoint(config);
  return endpoint ? originPattern(endpoint) : undefined;
}

/** Whether Envoy may reach `pattern` (an origin pattern from `originPattern`). */
export async function hasOrigin(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Asks for the host permission of `urlOrPattern`. Call it straight from a click handler, before
 * any other `await`: the browser shows its prompt only inside a user gesture. Resolves true
 * when granted (at once, without a prompt, when it already is).
 */
export function ensureOrigin(urlOrPattern: string): Promise<boolean> {
  const pattern = urlOrPattern.endsWith('/*') ? urlOrPattern : originPattern(urlOrPattern);
  if (!pattern) return Promise.resolve(false);
  try {
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** User-facing message for a missing host permission (never contains draft text). */
export function permissionMessage(host: string): string {
  return `Envoy needs permission to reach ${host}: open Settings → Translation.`;
}

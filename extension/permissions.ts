import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/translation/registry';

/**
 * Host permissions for translation services. Self-hosted and cloud endpoints are reached from the
 * background, which needs a host permission for each (manifest `optional_host_permissions`
 * `http://*\/*`, `https://*\/*`). The permission is requested when the service is added in
 * Settings → Translation (or, for services set by organisation policy, with the "Allow access"
 * button there), from the click: browsers only show the prompt inside a user gesture.
 * Which host a provider needs comes from the provider registry (lib/translation/registry.ts).
 */
export { originPattern, patternHost, providerEndpoint, providerOrigin } from '@/lib/translation/registry';

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

export { permissionMessage } from '@/lib/translation/service';

/**
 * User-added Mastodon instances: validated origins and the match patterns the
 * dynamically registered content scripts use.
 */
export function normaliseInstanceOrigin(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function instanceMatchPattern(origin: string): string {
  return `${origin}/*`;
}

/** Id of the registered content script for one instance (stable, so re-registration replaces it). */
export function instanceScriptId(origin: string, world: 'isolated' | 'main'): string {
  return `envoy-mastodon-${world}-${origin.replace(/[^a-z0-9]+/gi, '-')}`;
}

/**
 * Platform ids and the hosts Envoy runs on by default.
 * Shared by wxt.config.ts (manifest host permissions and content-script matches)
 * and by the content script, so the two never drift apart.
 */
export const PLATFORM_IDS = [
  'x',
  'facebook',
  'linkedin',
  'instagram',
  'threads',
  'bluesky',
  'mastodon',
  'telegram',
  'whatsapp',
  'youtube',
  'reddit',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

/** Match patterns per platform (built-in hosts; more Mastodon instances are added at run time). */
export const PLATFORM_MATCHES: Record<PlatformId, readonly string[]> = {
  x: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*'],
  facebook: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  linkedin: ['https://www.linkedin.com/*'],
  instagram: ['https://www.instagram.com/*'],
  threads: ['https://www.threads.com/*', 'https://www.threads.net/*', 'https://threads.com/*', 'https://threads.net/*'],
  bluesky: ['https://bsky.app/*'],
  mastodon: ['https://mastodon.social/*'],
  telegram: ['https://web.telegram.org/*'],
  whatsapp: ['https://web.whatsapp.com/*'],
  youtube: ['https://www.youtube.com/*'],
  reddit: ['https://www.reddit.com/*', 'https://old.reddit.com/*', 'https://sh.reddit.com/*'],
};

export const ALL_PLATFORM_MATCHES: string[] = PLATFORM_IDS.flatMap((id) => [...PLATFORM_MATCHES[id]]);

/**
 * Optional host permissions: user-added sites (other Mastodon instances) and
 * self-hosted translation servers, requested only when a feature needs them.
 */
export const OPTIONAL_HOST_PATTERNS = ['https://*/*', 'http://*/*'];

/** The platform whose built-in hosts include `hostname`, if any. */
export function platformForHost(hostname: string): PlatformId | undefined {
  const host = hostname.toLowerCase();
  for (const id of PLATFORM_IDS) {
    for (const pattern of PLATFORM_MATCHES[id]) {
      const patternHost = pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '');
      if (patternHost === host) return id;
    }
  }
  return undefined;
}

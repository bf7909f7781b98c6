/**
 * Translation providers' API keys are for the background (which calls the services) and the
 * options page (where the user enters them); content scripts run inside web pages and never
 * keep them. This removes them from a stored settings object.
 */
export function withoutProviderKeys(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object' || !Array.isArray((stored as { translationProviders?: unknown }).translationProviders)) return stored;
  const settings = stored as { translationProviders: unknown[] };
  return {
    ...settings,
    translationProviders: settings.translationProviders.map((p) => {
      if (!p || typeof p !== 'object' || !('apiKey' in p)) return p;
      const { apiKey: _key, ...rest } = p as Record<string, unknown>;
      return rest;
    }),
  };
}

/**
 * "Test connection" for a translation service: contacts it once and says what
 * answered. A provider whose descriptor has a `probe` is asked without sending
 * text (Apertium lists its pairs, the Chrome translator reports availability);
 * other services translate the word "Hello" (never any draft text).
 */
import type { ProviderTestResult } from '@/components/options/types';
import type { ProviderConfig } from '@/lib/state/settings';
import type { ProviderDeps } from '@/lib/translation/providers';
import { createProvider, registry } from '@/lib/translation/registry';
import { isTranslationError } from '@/lib/translation/types';

export async function testProviderConnection(config: ProviderConfig, deps: ProviderDeps): Promise<ProviderTestResult> {
  try {
    const provider = createProvider(config, { timeoutMs: 8000, retries: 0, ...deps });
    const probe = registry.of(config.type)?.probe;
    if (probe) return await probe(provider, deps);
    const out = await provider.translate({ text: 'Hello', from: 'en', to: 'fr', format: 'text' });
    return { ok: true, detail: `${provider.destination()}: “Hello” → “${out}”` };
  } catch (e) {
    return { ok: false, detail: isTranslationError(e) || e instanceof Error ? e.message : String(e) };
  }
}

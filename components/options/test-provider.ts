/**
 * "Test connection" for a translation service: contacts it once and says what
 * answered. Apertium lists its installed pairs (no text is sent); the Chrome
 * translator reports its availability; other services translate the word
 * "Hello" (never any draft text).
 */
import type { ProviderTestResult } from '@/components/options/types';
import type { ProviderConfig } from '@/lib/state/settings';
import { ApertiumProvider, createProvider, type ChromeTranslatorApi, type ProviderDeps } from '@/lib/translation/providers';
import { isTranslationError } from '@/lib/translation/types';

export async function testProviderConnection(config: ProviderConfig, deps: ProviderDeps): Promise<ProviderTestResult> {
  try {
    const provider = createProvider(config, { timeoutMs: 8000, retries: 0, ...deps });
    if (provider instanceof ApertiumProvider) {
      const pairs = await provider.listPairs();
      return { ok: true, detail: `${provider.destination()}, ${pairs.size} language pairs` };
    }
    if (config.type === 'chrome') {
      const api = deps.chromeTranslator as ChromeTranslatorApi | undefined;
      if (!api) return { ok: false, detail: 'this browser has no built-in translator' };
      const a = await api.availability({ sourceLanguage: 'en', targetLanguage: 'fr' });
      return { ok: a !== 'unavailable', detail: `English → French: ${a}` };
    }
    const out = await provider.translate({ text: 'Hello', from: 'en', to: 'fr', format: 'text' });
    return { ok: true, detail: `${provider.destination()}: “Hello” → “${out}”` };
  } catch (e) {
    return { ok: false, detail: isTranslationError(e) || e instanceof Error ? e.message : String(e) };
  }
}

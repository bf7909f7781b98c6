/**
 * Provider factory: `ProviderConfig` (policy key `translationProviders`, options page) → provider.
 * Which types exist and what each needs is in lib/translation/registry.ts.
 */
import { createProvider, readyProviderConfigSchema } from '../registry';
import type { TranslationProvider } from '../types';
import type { ProviderDeps } from './shared';

export { ApertiumProvider } from './apertium';
export { ChromeTranslatorProvider, chromeLanguageDetector } from './chrome';
export type { ChromeTranslatorApi, ChromeLanguageDetectorApi, ChromeAvailability } from './chrome';
export { DeepLProvider, deeplHost } from './deepl';
export { GoogleProvider } from './google';
export { LibreTranslateProvider } from './libretranslate';
export { MicrosoftProvider } from './microsoft';
export type { HttpDeps, ProviderDeps, ProviderDescriptor } from './shared';
export { createProvider };

/**
 * Validates configs (e.g. the `translationProviders` policy) and builds providers in order.
 * Invalid entries are skipped and reported, never thrown, so one bad entry does not disable translation.
 */
export function createProviders(
  configs: unknown,
  deps: ProviderDeps,
): { providers: TranslationProvider[]; errors: Array<{ index: number; message: string }> } {
  const providers: TranslationProvider[] = [];
  const errors: Array<{ index: number; message: string }> = [];
  if (!Array.isArray(configs)) return { providers, errors: [{ index: -1, message: 'translationProviders must be an array' }] };
  configs.forEach((raw, index) => {
    const parsed = readyProviderConfigSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ index, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ') });
      return;
    }
    try {
      providers.push(createProvider(parsed.data, deps));
    } catch (e) {
      errors.push({ index, message: e instanceof Error ? e.message : String(e) });
    }
  });
  return { providers, errors };
}

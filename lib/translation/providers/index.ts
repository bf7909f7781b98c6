/**
 * Provider factory: `ProviderConfig` (policy key `translationProviders`, options page) → provider.
 */
import { TranslationError, providerConfigSchema, type ProviderConfig, type TranslationProvider } from '../types';
import { ApertiumProvider } from './apertium';
import { ChromeTranslatorProvider, type ChromeTranslatorApi } from './chrome';
import { DeepLProvider } from './deepl';
import { GoogleProvider } from './google';
import { LibreTranslateProvider } from './libretranslate';
import { MicrosoftProvider } from './microsoft';
import type { HttpDeps } from './shared';

export { ApertiumProvider } from './apertium';
export { ChromeTranslatorProvider, chromeLanguageDetector } from './chrome';
export type { ChromeTranslatorApi, ChromeLanguageDetectorApi, ChromeAvailability } from './chrome';
export { DeepLProvider, deeplHost } from './deepl';
export { GoogleProvider } from './google';
export { LibreTranslateProvider } from './libretranslate';
export { MicrosoftProvider } from './microsoft';
export type { HttpDeps } from './shared';

export interface ProviderDeps extends HttpDeps {
  /** The `Translator` global, passed in by an extension page / offscreen document. */
  chromeTranslator?: ChromeTranslatorApi | undefined;
}

export function createProvider(config: ProviderConfig, deps: ProviderDeps): TranslationProvider {
  switch (config.type) {
    case 'chrome':
      return new ChromeTranslatorProvider({ translator: deps.chromeTranslator, ...(config.label ? { label: config.label } : {}) });
    case 'apertium':
      return new ApertiumProvider(config, deps);
    case 'libretranslate':
      return new LibreTranslateProvider(config, deps);
    case 'deepl':
      return new DeepLProvider(config, deps);
    case 'google':
      return new GoogleProvider(config, deps);
    case 'microsoft':
      return new MicrosoftProvider(config, deps);
    default: {
      const never: never = config.type;
      throw new TranslationError('not-allowed', { message: `Unknown provider type ${String(never)}.` });
    }
  }
}

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
    const parsed = providerConfigSchema.safeParse(raw);
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

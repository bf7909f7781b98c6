/**
 * The translation provider registry is the one declaration of provider kinds: the managed policy
 * schema, the UI labels and every derived list must agree with it, and a new provider needs only
 * its descriptor and one registry line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { fr, km } from '@/lib/i18n/all';
import { PROVIDER_TYPES as CONFIG_TYPES } from '@/lib/translation/config';
import { planProviders } from '@/lib/translation/plan';
import type { ProviderDescriptor } from '@/lib/translation/providers/shared';
import {
  CLOUD_PROVIDER_TYPES,
  KEY_PROVIDER_TYPES,
  PROVIDERS,
  PROVIDER_TYPES,
  createProvider,
  defineRegistry,
  endpointSecurity,
  providerConfigSchema,
  providerOrigin,
} from '@/lib/translation/registry';
import type { LanguagePair, TranslateRequest, TranslationProvider } from '@/lib/translation/types';

type JsonSchema = { type?: string; enum?: unknown[]; properties?: Record<string, JsonSchema>; items?: JsonSchema };
const managed = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as JsonSchema;
const providerItem = managed.properties!.translationProviders!.items!;

describe('public/managed_schema.json against the provider registry', () => {
  it('declares exactly the registered provider types', () => {
    expect(providerItem.properties!.type!.enum).toEqual([...PROVIDER_TYPES]);
  });

  it('declares every field of the provider config schema, as strings', () => {
    const declared = Object.keys(providerItem.properties!).sort();
    expect(declared).toEqual(Object.keys(providerConfigSchema.shape).sort());
    for (const [key, field] of Object.entries(providerItem.properties!)) expect([key, field.type]).toEqual([key, 'string']);
  });
});

describe('provider registry', () => {
  it('the light type list (settings, policy, content scripts) is exactly the registry, in order', () => {
    expect([...CONFIG_TYPES]).toEqual(PROVIDERS.map((d) => d.type));
  });

  it('every registered type has a UI label in each catalogue', () => {
    for (const type of PROVIDER_TYPES) {
      const key = `provider.${type}` as keyof typeof en;
      expect([type, typeof en[key], typeof km[key], typeof fr[key]]).toEqual([type, 'string', 'string', 'string']);
    }
  });

  it('derives the cloud and key lists from the descriptors', () => {
    expect(CLOUD_PROVIDER_TYPES).toEqual(PROVIDERS.filter((d) => d.cloud).map((d) => d.type));
    expect([...CLOUD_PROVIDER_TYPES].sort()).toEqual(['deepl', 'google', 'microsoft']);
    expect([...KEY_PROVIDER_TYPES].sort()).toEqual(['deepl', 'google', 'microsoft']);
  });

  it('endpoints are https, or plain http only to this machine (flagged)', () => {
    expect(endpointSecurity('https://mt.example.org/apy')).toBe('https');
    expect(endpointSecurity('http://127.0.0.1:2737')).toBe('loopback-http');
    expect(endpointSecurity('http://localhost:5000')).toBe('loopback-http');
    expect(endpointSecurity('http://[::1]:5000')).toBe('loopback-http');
    expect(endpointSecurity('http://mt.example.org')).toBeUndefined();
    expect(endpointSecurity('http://127.0.0.1.evil.example')).toBeUndefined();
    expect(endpointSecurity('ftp://mt.example.org')).toBeUndefined();
    expect(providerConfigSchema.safeParse({ type: 'apertium', endpoint: 'http://mt.example.org' }).success).toBe(false);
    expect(providerConfigSchema.safeParse({ type: 'apertium', endpoint: 'http://127.0.0.1:2737' }).success).toBe(true);
    const [route] = planProviders([{ type: 'apertium', endpoint: 'http://127.0.0.1:2737' }], false, (c) => createProvider(c, { fetch: () => Promise.reject(new Error('no network')) }));
    expect(route).toMatchObject({ status: 'ready', plainHttp: true, privacy: 'self-hosted' });
  });
});

/** A provider that exists only in this test. */
function fixtureProvider(endpoint = 'https://mt.fixture.example'): TranslationProvider {
  return {
    id: `fixture:${new URL(endpoint).host}`,
    type: 'fixture',
    label: 'Fixture MT',
    isCloud: true,
    destination: () => new URL(endpoint).host,
    supports: async (_pair: LanguagePair) => true,
    translate: async (req: TranslateRequest) => req.text.toUpperCase(),
  };
}

const fixtureDescriptor: ProviderDescriptor<'fixture'> = {
  type: 'fixture',
  cloud: true,
  needsEndpoint: false,
  needsKey: true,
  defaultEndpoint: () => 'https://mt.fixture.example',
  create: (config) => fixtureProvider(config.endpoint),
};

describe('adding a provider', () => {
  // The one registry line a new provider needs:
  const withFixture = defineRegistry([...PROVIDERS, fixtureDescriptor]);

  it('is accepted by the config schema, listed as cloud / needing a key, and gets its host permission', () => {
    expect(withFixture.types).toContain('fixture');
    expect(withFixture.configSchema.safeParse({ type: 'fixture', apiKey: 'k' }).success).toBe(true);
    expect(providerConfigSchema.safeParse({ type: 'fixture', apiKey: 'k' }).success).toBe(false);
    expect(withFixture.readySchema.safeParse({ type: 'fixture' }).success).toBe(false);
    expect(withFixture.cloudTypes).toContain('fixture');
    expect(withFixture.keyTypes).toContain('fixture');
    expect(withFixture.originOf({ type: 'fixture', apiKey: 'k' })).toBe('https://mt.fixture.example/*');
    expect(withFixture.privacyOf({ type: 'fixture', apiKey: 'k' })).toBe('cloud');
  });

  it('is built by the registry and translates', async () => {
    const p = withFixture.create({ type: 'fixture', apiKey: 'k' }, { fetch: () => Promise.reject(new Error('no network')) });
    expect([p.id, p.isCloud, await p.translate({ text: 'hi', from: 'en', to: 'fr', format: 'text' })]).toEqual(['fixture:mt.fixture.example', true, 'HI']);
  });

  it('leaves the shipped registry and its derived host permissions alone', () => {
    expect(PROVIDER_TYPES).not.toContain('fixture');
    expect(providerOrigin({ type: 'google', apiKey: 'k' })).toBe('https://translation.googleapis.com/*');
  });
});

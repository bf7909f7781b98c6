/**
 * Keeps the README's administrator section honest: every ```json example in it must be a policy
 * that Chrome would deliver intact (valid against public/managed_schema.json, no key the schema
 * does not declare: Chrome silently drops those) and that Envoy's own parser applies whole (no
 * key ignored, organisation packs load and pass their embedded tests). The Firefox policies.json
 * example must parse into the same settings as the first Chrome example.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPacks } from '@/lib/packs';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { parsePolicy, POLICY_KEYS } from '@/lib/state/policy';

/** envoyProblems loads every default pack and runs all their embedded rule tests (≈ 1,000 checks):
 * seconds on the shared 2-core machine, more than vitest's default 5 s when other jobs run. */
const HEAVY = 20_000;

// Vitest runs from the project root (happy-dom replaces import.meta.url's scheme).
const fromRoot = (p: string) => resolve(process.cwd(), p);
const readme = readFileSync(fromRoot('README.md'), 'utf8');
const schema = JSON.parse(readFileSync(fromRoot('public/managed_schema.json'), 'utf8')) as ChromeSchema;
const wxtConfig = readFileSync(fromRoot('wxt.config.ts'), 'utf8');

/** Chrome's extension id from the manifest's public key: sha256 of the DER key, 32 hex digits as a–p. */
function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}
const manifestKey = /ENVOY_MANIFEST_KEY\s*=\s*'([^']+)'/.exec(wxtConfig)?.[1];
const geckoId = /gecko:\s*\{\s*id:\s*'([^']+)'/.exec(wxtConfig)?.[1];
const CHROME_ID = extensionIdFromKey(manifestKey ?? '');

// ---------------------------------------------------------------------------------------------
// A validator for the subset of JSON Schema that Chrome's managed_schema uses (Chrome's
// "schema.json" dialect: type, properties, additionalProperties, patternProperties, items, enum,
// id/$ref, minimum/maximum, pattern). Stricter than Chrome on one point, on purpose: a key the
// schema does not declare is an error here, because Chrome would silently drop it.
// ---------------------------------------------------------------------------------------------
interface ChromeSchema {
  type?: 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number';
  id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  patternProperties?: Record<string, ChromeSchema>;
  items?: ChromeSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const SCHEMA_KEYWORDS = new Set(['type', 'id', '$ref', 'title', 'description', 'properties', 'additionalProperties', 'patternProperties', 'items', 'enum', 'minimum', 'maximum', 'pattern', 'sensitiveValue']);

function collectIds(s: ChromeSchema, ids: Map<string, ChromeSchema>): Map<string, ChromeSchema> {
  for (const k of Object.keys(s)) if (!SCHEMA_KEYWORDS.has(k)) throw new Error(`managed_schema.json uses "${k}", which this validator (and Chrome) does not know`);
  if (s.id) ids.set(s.id, s);
  for (const child of Object.values(s.properties ?? {})) collectIds(child, ids);
  for (const child of Object.values(s.patternProperties ?? {})) collectIds(child, ids);
  if (s.additionalProperties) collectIds(s.additionalProperties, ids);
  if (s.items) collectIds(s.items, ids);
  return ids;
}

function validate(value: unknown, s: ChromeSchema, ids: Map<string, ChromeSchema>, at = '$'): string[] {
  if (s.$ref) {
    const target = ids.get(s.$ref);
    return target ? validate(value, target, ids, at) : [`${at}: schema $ref "${s.$ref}" has no id`];
  }
  const errors: string[] = [];
  switch (s.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
      for (const [k, v] of Object.entries(value)) {
        const declared = s.properties?.[k] ?? Object.entries(s.patternProperties ?? {}).find(([re]) => new RegExp(re).test(k))?.[1] ?? s.additionalProperties;
        if (!declared) errors.push(`${at}.${k}: not declared in the schema (Chrome would drop it)`);
        else errors.push(...validate(v, declared, ids, `${at}.${k}`));
      }
      break;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected a list`];
      if (s.items) value.forEach((v, i) => errors.push(...validate(v, s.items!, ids, `${at}[${i}]`)));
      break;
    case 'string':
      if (typeof value !== 'string') return [`${at}: expected a string`];
      if (s.pattern && !new RegExp(s.pattern).test(value)) errors.push(`${at}: does not match ${s.pattern}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return [`${at}: expected true or false`];
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (s.type === 'integer' && !Number.isInteger(value))) return [`${at}: expected ${s.type === 'integer' ? 'an integer' : 'a number'}`];
      if (s.minimum !== undefined && value < s.minimum) errors.push(`${at}: below ${s.minimum}`);
      if (s.maximum !== undefined && value > s.maximum) errors.push(`${at}: above ${s.maximum}`);
      break;
    default:
      return [`${at}: schema node without a known type`];
  }
  if (s.enum && !s.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  return errors;
}

const schemaIds = collectIds(schema, new Map());
const validatePolicy = (policy: unknown) => validate(policy, schema, schemaIds);

/** Everything Envoy's parser would not apply: ignored keys, unknown keys, packs that do not load. */
function envoyProblems(policy: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const k of Object.keys(policy)) if (!(POLICY_KEYS as readonly string[]).includes(k)) problems.push(`"${k}" is not an Envoy policy key`);
  const parsed = parsePolicy(policy);
  problems.push(...parsed.notices.map((n) => n.message));
  const applied = Object.keys(parsed.values).length + (policy.packs !== undefined ? 1 : 0);
  if (applied !== Object.keys(policy).length && problems.length === 0) problems.push('some keys were not applied');
  if (parsed.packs.length > 0) {
    // Loaded next to the built-in packs, as the extension does: a clashing rule id is refused too.
    const inputs = [...DEFAULT_PACKS.map((json, i) => ({ fileName: `builtin-${i}.json`, json })), ...parsed.packs.map((json, i) => ({ fileName: `organisation-${i}.json`, json }))];
    const { errors } = loadPacks(inputs);
    problems.push(...errors.map((e) => `${e.file}: ${e.message}`));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The README's examples
// ---------------------------------------------------------------------------------------------
function adminSection(text: string): string {
  const start = text.indexOf('## For administrators: organisation policy');
  if (start < 0) throw new Error('README has no "For administrators: organisation policy" section');
  const end = text.indexOf('\n## ', start + 3);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}

function jsonBlocks(section: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const re = /^([ \t]*)```json[ \t]*\n([\s\S]*?)^\1```[ \t]*$/gm;
  for (let m = re.exec(section); m; m = re.exec(section)) blocks.push({ line: section.slice(0, m.index).split('\n').length, text: m[2]! });
  return blocks;
}

type Example = { line: number; json: Record<string, unknown> };
const blocks = jsonBlocks(adminSection(readme));
const examples: Example[] = blocks.map((b) => ({ line: b.line, json: JSON.parse(b.text) as Record<string, unknown> }));
const envoyChrome = examples.filter((e) => '3rdparty' in e.json);
const browserChrome = examples.filter((e) => !('3rdparty' in e.json) && !('policies' in e.json));
const firefox = examples.filter((e) => 'policies' in e.json);

const chromeEnvoyPolicy = (e: Example) => ((e.json['3rdparty'] as Record<string, unknown>).extensions as Record<string, Record<string, unknown>>)[CHROME_ID]!;

// Each policy example is applied whole (its packs compiled with the built-ins): seconds on a loaded 2-core machine.
describe('README administrator section', { timeout: 30_000 }, () => {
  it('has the ids the build really uses', () => {
    expect(manifestKey).toBeDefined();
    expect(CHROME_ID).toBe('flpjphmmfddifhomkenoglmoblchdlla');
    expect(geckoId).toBe('envoy@envoy-extension');
  });

  it('has complete examples: several Envoy policies, a Chrome force-install policy and a Firefox policies.json', () => {
    expect(blocks.length).toBe(examples.length);
    expect(envoyChrome.length).toBeGreaterThanOrEqual(3);
    expect(browserChrome.length).toBeGreaterThanOrEqual(1);
    expect(firefox.length).toBeGreaterThanOrEqual(1);
    const keys = new Set(envoyChrome.flatMap((e) => Object.keys(chromeEnvoyPolicy(e))));
    // The examples the rollout needs: hold, cloud off, a self-hosted server, an organisation pack, an API key.
    expect([...keys]).toEqual(expect.arrayContaining(['checklistMode', 'allowCloudTranslation', 'translationProviders', 'packs']));
    const providers = envoyChrome.flatMap((e) => (chromeEnvoyPolicy(e).translationProviders as Array<Record<string, string>> | undefined) ?? []);
    expect(providers.some((p) => p.type === 'apertium' && p.endpoint)).toBe(true);
    expect(providers.some((p) => p.type === 'libretranslate' && p.endpoint && p.apiKey)).toBe(true);
  });

  it.each(envoyChrome.map((e) => [e.line, e] as const))('Chrome policy at line %i of the section: addressed to Envoy, valid against managed_schema.json, applied whole', (_line, e) => {
    expect(Object.keys(e.json)).toEqual(['3rdparty']);
    const extensions = (e.json['3rdparty'] as Record<string, unknown>).extensions as Record<string, unknown>;
    expect(Object.keys(extensions)).toEqual([CHROME_ID]);
    const policy = chromeEnvoyPolicy(e);
    expect(validatePolicy(policy)).toEqual([]);
    expect(envoyProblems(policy)).toEqual([]);
  }, HEAVY);

  it.each(browserChrome.map((e) => [e.line, e] as const))('Chrome browser policy at line %i of the section force-installs Envoy by its id over https', (_line, e) => {
    expect(Object.keys(e.json)).toEqual(['ExtensionInstallForcelist']);
    const list = e.json.ExtensionInstallForcelist as string[];
    expect(list).toHaveLength(1);
    const [id, url] = list[0]!.split(';');
    expect(id).toBe(CHROME_ID);
    expect(new URL(url!).protocol).toBe('https:');
  });

  it.each(firefox.map((e) => [e.line, e] as const))('Firefox policies.json at line %i: force-installs the add-on and parses into the same settings as the first Chrome example', (_line, e) => {
    const policies = e.json.policies as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(e.json)).toEqual(['policies']);
    const install = policies.ExtensionSettings![geckoId!] as Record<string, string>;
    expect(install.installation_mode).toBe('force_installed');
    expect(new URL(install.install_url!).protocol).toBe('https:');
    expect(Object.keys(policies['3rdparty']!)).toEqual(['Extensions']);
    const envoy = (policies['3rdparty']!.Extensions as Record<string, Record<string, unknown>>)[geckoId!]!;
    // Firefox applies no schema, but the same file must also work on Chrome.
    expect(validatePolicy(envoy)).toEqual([]);
    expect(envoyProblems(envoy)).toEqual([]);
    expect(parsePolicy(envoy)).toEqual(parsePolicy(chromeEnvoyPolicy(envoyChrome[0]!)));
  });
});

describe('the schema check used above', { timeout: 30_000 }, () => {
  const good = chromeEnvoyPolicy(envoyChrome[0]!);

  it('refuses a key the schema does not declare, at the top and inside a pack', () => {
    expect(validatePolicy({ ...good, checklistMod: 'hold' })).toEqual(['$.checklistMod: not declared in the schema (Chrome would drop it)']);
    const packs = envoyChrome.map(chromeEnvoyPolicy).find((p) => p.packs)!.packs as Array<Record<string, unknown>>;
    const rules = packs[0]!.rules as Array<Record<string, unknown>>;
    const withNote = [{ ...packs[0], rules: [{ ...rules[0], severty: 'error' }] }];
    expect(validatePolicy({ packs: withNote })).toEqual(['$.packs[0].rules[0].severty: not declared in the schema (Chrome would drop it)']);
  });

  it('refuses a wrong type and a value outside an enum', () => {
    expect(validatePolicy({ allowCloudTranslation: 'false' })).toEqual(['$.allowCloudTranslation: expected true or false']);
    expect(validatePolicy({ checklistMode: 'block' })).toEqual(['$.checklistMode: "block" is not one of ["off","remind","hold"]']);
    expect(validatePolicy({ packs: [{ rules: [{ max: '280' }] }] })).toEqual(['$.packs[0].rules[0].max: expected a number']);
  });

  it("Envoy's side notices what the schema cannot: a non-https endpoint, an unknown key, a pack that fails its tests", () => {
    expect(envoyProblems({ translationProviders: [{ type: 'apertium', endpoint: 'http://mt.example.gov.kh' }] })).toHaveLength(1);
    expect(envoyProblems({ checklistMod: 'hold' })).toEqual(['"checklistMod" is not an Envoy policy key']);
    const pack = (envoyChrome.map(chromeEnvoyPolicy).find((p) => p.packs)!.packs as Array<Record<string, unknown>>)[0]!;
    const rule = (pack.rules as Array<Record<string, unknown>>)[0]!;
    const failing = { ...pack, rules: [{ ...rule, tests: { flag: ['nothing to see here'] } }] };
    expect(envoyProblems({ packs: [failing] })).toEqual([expect.stringContaining('should be flagged but was not')]);
  }, HEAVY);
});

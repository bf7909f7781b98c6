/**
 * public/managed_schema.json against Chromium's policy-schema rules.
 *
 * Verified on Chromium 156 (tests/e2e/pages.spec.ts does it for real): Chromium
 * drops object properties the schema does not declare, at any depth, and drops
 * the WHOLE policy key when any value has the wrong type. So every field of the
 * pack format must be declared with its type, or an organisation pack arrives
 * mangled (and is then refused by the pack validator). This test simulates that
 * filtering and checks every field of the zod pack schema is declared.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RULE_TYPES } from '@/lib/engine/rules';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { EntitySchema, PackSchema, RuleSchema, SourceSchema, TestsSchema, ScopeSchema } from '@/lib/packs/schema';
import { HolderRowSchema, OrganisationRowSchema, OtherNameSchema, StateRowSchema, StyleRowSchema, TablesSchema, TitleRowSchema, NameFormsSchema } from '@/lib/entities/schema';
import { POLICY_KEYS } from '@/lib/state/policy';

type Schema = { type?: string; $ref?: string; id?: string; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: Schema; enum?: unknown[] };
const root = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as Schema;

const ids = new Map<string, Schema>();
(function collect(s: Schema | undefined) {
  if (!s) return;
  if (s.id) ids.set(s.id, s);
  Object.values(s.properties ?? {}).forEach(collect);
  collect(s.items);
  collect(s.additionalProperties);
})(root);
const resolve = (s: Schema): Schema => (s.$ref ? ids.get(s.$ref)! : s);

class Invalid extends Error {}

/** What Chromium publishes for `value` under `schema` (unknown properties dropped; a type error throws). */
function chromiumFilter(value: unknown, schema: Schema, path = ''): unknown {
  const s = resolve(schema);
  const fail = () => {
    throw new Invalid(`${path}: expected ${s.type}, found ${JSON.stringify(value)?.slice(0, 40)}`);
  };
  switch (s.type) {
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) fail();
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as object)) {
        const sub = s.properties?.[k] ?? s.additionalProperties;
        if (sub) out[k] = chromiumFilter(v, sub, `${path}.${k}`);
      }
      return out;
    }
    case 'array':
      if (!Array.isArray(value)) fail();
      return (value as unknown[]).map((v, i) => chromiumFilter(v, s.items!, `${path}[${i}]`));
    case 'string':
      if (typeof value !== 'string' || (s.enum && !s.enum.includes(value))) fail();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') fail();
      return value;
    case 'integer':
      if (!Number.isInteger(value)) fail();
      return value;
    case 'number':
      if (typeof value !== 'number') fail();
      return value;
    default:
      throw new Error(`schema at ${path} has no single type`);
  }
}

function stripComments(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripComments);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$') && !k.startsWith('_')).map(([k, x]) => [k, stripComments(x)]));
}

const packSchema = root.properties!.packs!.items!;
const ruleSchema = resolve(packSchema.properties!.rules!.items!);

describe('managed_schema.json', () => {
  it('follows Chromium\'s rules: object at the top without additionalProperties, one type or $ref everywhere', () => {
    expect(root.type).toBe('object');
    expect(root.additionalProperties).toBeUndefined();
    (function check(s: Schema, path: string) {
      expect(!!s.type !== !!s.$ref, `${path} needs exactly one of type/$ref`).toBe(true);
      if (s.$ref) expect(ids.has(s.$ref), `${path} $ref ${s.$ref}`).toBe(true);
      Object.entries(s.properties ?? {}).forEach(([k, x]) => check(x, `${path}.${k}`));
      if (s.items) check(s.items, `${path}[]`);
    })(root, '');
  });

  it('declares exactly the policy keys of docs/hooks.md', () => {
    expect(Object.keys(root.properties!).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('declares every field of the pack format, so nothing is dropped by Chromium', () => {
    const keysOf = (s: Schema) => Object.keys(resolve(s).properties ?? {});
    expect(keysOf(packSchema)).toEqual(expect.arrayContaining(Object.keys(PackSchema.shape)));
    const ruleKeys = new Set(RuleSchema.options.flatMap((o) => Object.keys(o.shape)));
    expect(keysOf(ruleSchema)).toEqual(expect.arrayContaining([...ruleKeys]));
    expect(keysOf(packSchema.properties!.entities!.items!)).toEqual(expect.arrayContaining(Object.keys(EntitySchema.shape)));
    expect(keysOf(packSchema.properties!.sources!.items!)).toEqual(expect.arrayContaining(Object.keys(SourceSchema.shape)));
    expect(keysOf(ruleSchema.properties!.tests!)).toEqual(expect.arrayContaining(Object.keys(TestsSchema.shape)));
    expect(keysOf(ruleSchema.properties!.scope!)).toEqual(expect.arrayContaining(Object.keys(ScopeSchema.shape)));
    const tables = packSchema.properties!.tables!;
    expect(keysOf(tables)).toEqual(expect.arrayContaining(Object.keys(TablesSchema.shape)));
    const rowOf = (t: string) => resolve(tables).properties![t]!.items!;
    for (const [t, schema] of [['states', StateRowSchema], ['organisations', OrganisationRowSchema], ['titles', TitleRowSchema], ['styles', StyleRowSchema], ['holders', HolderRowSchema]] as const) {
      expect(keysOf(rowOf(t)), t).toEqual(expect.arrayContaining(Object.keys(schema.shape)));
    }
    expect(keysOf(resolve(rowOf('states')).properties!.names!.properties!.en!)).toEqual(expect.arrayContaining(Object.keys(NameFormsSchema.shape)));
    expect(keysOf(resolve(rowOf('states')).properties!.former!.items!)).toEqual(expect.arrayContaining(Object.keys(OtherNameSchema.shape)));
  });

  it('declares every field of every registered rule type with a type Chromium lets through', () => {
    type Json = { type?: string; anyOf?: Json[]; oneOf?: Json[]; properties?: Record<string, Json>; items?: Json };
    const problems: string[] = [];
    /** Scalar unions the policy schema can only declare one side of (Chromium allows one type per field). */
    const narrowed: string[] = [];
    const compare = (zod: Json, declared: Schema | undefined, path: string): void => {
      if (!declared) return void problems.push(`${path}: not declared`);
      const d = resolve(declared);
      const alternatives = zod.anyOf ?? zod.oneOf;
      if (alternatives) {
        if (alternatives.every((a) => a.type === 'object')) return alternatives.forEach((a) => compare(a, d, path));
        if (!alternatives.some((a) => a.type === d.type || (a.type === 'integer' && d.type === 'number'))) problems.push(`${path}: declared ${d.type}`);
        return void narrowed.push(path);
      }
      const ok = zod.type === d.type || (zod.type === 'integer' && d.type === 'number');
      if (!ok) return void problems.push(`${path}: ${zod.type} declared as ${d.type}`);
      if (zod.type === 'array') compare(zod.items!, d.items, `${path}[]`);
      if (zod.type === 'object') for (const [k, v] of Object.entries(zod.properties ?? {})) compare(v, d.properties?.[k], `${path}.${k}`);
    };
    expect(RULE_TYPES.length).toBeGreaterThan(0);
    for (const def of RULE_TYPES) {
      const json = z.toJSONSchema(def.schema) as Json;
      for (const [k, v] of Object.entries(json.properties ?? {})) compare(v, ruleSchema.properties?.[k], `${def.schema.shape.type.value}.${k}`);
    }
    expect(problems).toEqual([]);
    expect([...new Set(narrowed)]).toEqual(['conditional.within']);
  });

  it('lets every built-in pack through Chromium\'s filtering unchanged', () => {
    for (const pack of DEFAULT_PACKS) {
      const expected = stripComments(pack);
      expect(chromiumFilter(expected, packSchema, (pack as { id: string }).id)).toEqual(expected);
    }
  });

  it('documents the known limit: a numeric "within" cannot be declared next to the string form', () => {
    const pack = structuredClone(stripComments(DEFAULT_PACKS[0]!)) as { rules: Array<Record<string, unknown>> };
    pack.rules[0]!.within = 40;
    expect(() => chromiumFilter(pack, packSchema)).toThrow(Invalid);
  });
});

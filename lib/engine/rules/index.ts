/**
 * The rule-type registry: every rule type of the pack format, once. Adding a
 * type = its module in this folder (schema, compiler, checks, lookup terms;
 * see define.ts) + one line in RULE_TYPES + its section in docs/pack-format.md
 * (and its fields in public/managed_schema.json, which a unit test checks).
 */
import { z } from 'zod';
import type { Entity } from '../pack-fields';
import type { Compiler, FieldError, RuleTypeDef, ValidateEnv } from './define';
import { term } from './term';
import { substitute } from './substitute';
import { consistency } from './consistency';
import { conditional } from './conditional';
import { count } from './count';
import { pattern } from './pattern';
import { hashtag } from './hashtag';
import { addressForm } from './address-form';
import { checklist } from './checklist';
import { proximity } from './proximity';
import { officialName } from './official-name';
import { classifier } from './classifier';

export const RULE_TYPES = [term, substitute, consistency, conditional, count, pattern, hashtag, addressForm, checklist, proximity, officialName, classifier] as const;

type Schemas<T extends readonly RuleTypeDef[]> = { -readonly [K in keyof T]: T[K]['schema'] };
const schemas = RULE_TYPES.map((d) => d.schema) as unknown as Schemas<typeof RULE_TYPES>;

export const RuleSchema = z.discriminatedUnion('type', schemas);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleType = Rule['type'];
export type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;

/** A registry entry seen through the union of all rules (each entry only ever receives its own type). */
export interface AnyRuleType {
  type: RuleType;
  compile: Compiler<Rule>;
  validate?(rule: Rule, err: FieldError, env: ValidateEnv): void;
  phrases?(rule: Rule): Array<[field: string, list: readonly string[] | undefined]>;
  ownFix?(rule: Rule): boolean;
  structural?: boolean;
  output?: 'finding' | 'prompt';
  compileField?: string;
  entityRefs?(rule: Rule): readonly string[];
  searchTerms?(rule: Rule, entities: ReadonlyMap<string, Entity>): string[];
  exampleVars?(rule: Rule, entities: ReadonlyMap<string, Entity>): Record<string, string | undefined>;
}

const BY_TYPE = new Map<string, AnyRuleType>(
  RULE_TYPES.map((d) => [d.schema.shape.type.value, { ...d, type: d.schema.shape.type.value } as unknown as AnyRuleType]),
);

/** The registry entry for a (validated) rule. */
export function ruleTypeOf(rule: Pick<Rule, 'type'>): AnyRuleType {
  const def = BY_TYPE.get(rule.type);
  if (!def) throw new Error(`unknown rule type "${rule.type}"`);
  return def;
}

/** The type names, in registry order (docs, managed-schema test). */
export const RULE_TYPE_NAMES: readonly RuleType[] = RULE_TYPES.map((d) => d.schema.shape.type.value as RuleType);

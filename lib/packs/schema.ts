/**
 * Zod schema for guideline packs (`envoy-pack/1`, see docs/pack-format.md).
 *
 * The schema only checks shapes; cross-field checks that need the whole pack
 * (source refs, entity refs, per-type requirements, regex safety) live in
 * validate.ts so every error can name the rule and field in plain words.
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';
import { NAME_STATUSES, TablesSchema } from '@/lib/entities/schema';

export const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
export const MODES = ['election', 'mourning', 'crisis'] as const;
export const CATEGORIES = [
  'security', 'privacy', 'neutrality', 'capacity', 'respect', 'names', 'address',
  'crisis', 'accessibility', 'engagement', 'accuracy', 'style', 'custom',
] as const;
export const RULE_TYPES = [
  'term', 'substitute', 'consistency', 'conditional', 'count', 'pattern', 'hashtag', 'address-form', 'checklist', 'official-name',
] as const;
export const COUNT_MEASURES = ['hashtags', 'mentions', 'emoji', 'exclamations', 'links', 'caps-ratio', 'caps-words'] as const;
export const HASHTAG_CHECKS = ['camelcase', 'banned', 'length'] as const;
export const PARTS = ['body', 'hashtag', 'mention', 'link'] as const;
export const MATCH_INSIDE = ['url', 'email', 'handle'] as const;

const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;
const SEMVER_RE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const LANG_RE = /^(?:\*|[a-z]{2,3})$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const text = z.string().min(1);
const id = z.string().regex(ID_RE, { message: 'must use only lower-case letters, digits, ".", "_" and "-", starting with a letter or digit' });
const phraseList = z.array(text);

export const LocalizedSchema = z.strictObject({ en: text, km: text.optional(), fr: text.optional() });

export const SourceSchema = z.strictObject({
  id: text,
  title: text,
  publisher: text.optional(),
  url: z.url().optional(),
  section: text.optional(),
  retrieved: z.string().regex(DATE_RE, { message: 'must be a date written as YYYY-MM-DD' }).optional(),
  /** Licence of the data taken from this source (generated tables). */
  licence: text.optional(),
});

export const SourceRefSchema = z.strictObject({ ref: text, section: text.optional() });

export const ScopeSchema = z.strictObject({
  platforms: z.array(z.enum([...PLATFORM_IDS, '*'])).min(1).optional(),
  accounts: z.array(z.enum(['official', 'personal'])).min(1).optional(),
  modes: z.array(z.enum(MODES)).min(1).optional(),
  parts: z.array(z.enum(PARTS)).min(1).optional(),
});

export const FixSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('replace'), with: z.array(z.string()).min(1).optional(), case: z.enum(['match', 'exact']).optional() }),
  z.strictObject({ action: z.literal('remove') }),
]);

export const TestsSchema = z.strictObject({
  flag: z.array(text),
  allow: z.array(text).optional(),
  fix: z.array(z.strictObject({ input: text, output: z.string() })).optional(),
});

/** Fields every rule has (docs/pack-format.md, "Common rule fields"). */
const common = {
  id,
  severity: z.enum(SEVERITIES),
  category: z.enum(CATEGORIES),
  languages: z.array(z.string().regex(LANG_RE, { message: 'must be a language code such as "en", "km", "fr" or "*"' })).min(1).optional(),
  scope: ScopeSchema.optional(),
  message: LocalizedSchema,
  explanation: LocalizedSchema,
  sources: z.array(SourceRefSchema).min(1),
  exceptions: phraseList.optional(),
  quotedExempt: z.boolean().optional(),
  matchInside: z.array(z.enum(MATCH_INSIDE)).optional(),
  fix: FixSchema.optional(),
  tests: TestsSchema,
};
/** Literal-matching options shared by the term-based types. */
const literal = { caseSensitive: z.boolean().optional(), wholeWord: z.boolean().optional() };

export const TermRuleSchema = z.strictObject({ ...common, ...literal, type: z.literal('term'), terms: phraseList.min(1) });
export const SubstituteRuleSchema = z.strictObject({
  ...common, ...literal, type: z.literal('substitute'),
  swap: z.array(z.strictObject({ from: phraseList.min(1), to: phraseList.min(1) })).min(1),
});
export const ConsistencyRuleSchema = z.strictObject({
  ...common, ...literal, type: z.literal('consistency'), variants: z.array(phraseList.min(1)).min(2),
});
export const ConditionalRuleSchema = z.strictObject({
  ...common, ...literal, type: z.literal('conditional'),
  if: phraseList.min(1).optional(),
  requires: phraseList.min(1).optional(),
  forbids: phraseList.min(1).optional(),
  acronyms: z.array(z.strictObject({ short: text, long: text })).min(1).optional(),
  within: z.union([z.enum(['post', 'sentence']), z.number().int().min(1)]).optional(),
});
export const CountRuleSchema = z.strictObject({
  ...common, type: z.literal('count'), measure: z.enum(COUNT_MEASURES),
  max: z.number().min(0).optional(), min: z.number().min(0).optional(), minLetters: z.number().int().min(1).optional(),
});
export const PatternRuleSchema = z.strictObject({
  ...common, type: z.literal('pattern'), pattern: text, caseSensitive: z.boolean().optional(),
});
export const HashtagRuleSchema = z.strictObject({
  ...common, type: z.literal('hashtag'), check: z.enum(HASHTAG_CHECKS),
  words: phraseList.optional(), tags: phraseList.optional(), max: z.number().int().min(1).optional(),
});
export const AddressFormRuleSchema = z.strictObject({
  ...common, type: z.literal('address-form'), entities: z.array(text).min(1),
});
export const ChecklistRuleSchema = z.strictObject({
  ...common, ...literal, type: z.literal('checklist'), topics: phraseList.min(1), prompt: LocalizedSchema, template: text.optional(),
});

/** Generated from the protocol tables in force (lib/entities): former/colloquial/house-style names and misspelt titles. */
export const OfficialNameRuleSchema = z.strictObject({
  ...common, type: z.literal('official-name'),
  tables: z.array(z.enum(['states', 'organisations', 'titles'])).min(1),
  statuses: z.array(z.enum(NAME_STATUSES)).min(1),
});

export const RuleSchema = z.discriminatedUnion('type', [
  TermRuleSchema, SubstituteRuleSchema, ConsistencyRuleSchema, ConditionalRuleSchema, CountRuleSchema,
  PatternRuleSchema, HashtagRuleSchema, AddressFormRuleSchema, ChecklistRuleSchema, OfficialNameRuleSchema,
]);

export const EntitySchema = z.strictObject({
  id,
  names: phraseList.min(1),
  titles: phraseList.optional(),
  forbiddenTitles: phraseList.optional(),
  preferred: text.optional(),
  role: LocalizedSchema.optional(),
  validFrom: z.string().regex(DATE_RE, { message: 'must be a date written as YYYY-MM-DD' }).optional(),
  validTo: z.string().regex(DATE_RE, { message: 'must be a date written as YYYY-MM-DD' }).optional(),
});

export const PackSchema = z.strictObject({
  schema: z.literal('envoy-pack/1'),
  id,
  version: z.string().regex(SEMVER_RE, { message: 'must be a version number such as 1.0.0' }),
  title: LocalizedSchema,
  description: LocalizedSchema.optional(),
  languages: z.array(z.string().regex(LANG_RE, { message: 'must be a language code such as "en", "km", "fr" or "*"' })).min(1),
  sources: z.array(SourceSchema).min(1),
  vocabulary: z.strictObject({ accept: phraseList }).optional(),
  entities: z.array(EntitySchema).optional(),
  /** Protocol tables (lib/entities/schema.ts): rows replace same-id rows of packs in force before this one. */
  tables: TablesSchema.optional(),
  rules: z.array(RuleSchema),
});

export type Pack = z.infer<typeof PackSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RuleType = Rule['type'];
export type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;
export type Entity = z.infer<typeof EntitySchema>;
export type PackSource = z.infer<typeof SourceSchema>;
export type RuleFix = z.infer<typeof FixSchema>;
export type RuleScope = z.infer<typeof ScopeSchema>;

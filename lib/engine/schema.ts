/**
 * Zod schema for guideline packs (`envoy-pack/1`, see docs/pack-format.md):
 * the engine's input format. The rule union comes from the rule-type registry
 * (rules/index.ts); the shared building blocks from pack-fields.ts.
 *
 * The schema only checks shapes; cross-field checks that need the whole pack
 * (source refs, entity refs, per-type requirements, regex safety) run in
 * lib/packs/validate.ts so every error can name the rule and field in plain words.
 */
import { z } from 'zod';
import { EntitySchema, LocalizedSchema, SourceSchema, id, languageList, phraseList } from './pack-fields';
import { RuleSchema } from './rules';
import { TablesSchema } from '@/lib/entities/schema';

export {
  SEVERITIES, MODES, CATEGORIES, PARTS, MATCH_INSIDE, LocalizedSchema, SourceSchema, SourceRefSchema, ScopeSchema,
  FixSchema, TestsSchema, EntitySchema, type Entity, type PackSource, type RuleFix, type RuleScope,
} from './pack-fields';
export { RuleSchema, RULE_TYPE_NAMES, type Rule, type RuleType, type RuleOf } from './rules';
export { COUNT_MEASURES } from './rules/count';
export { HASHTAG_CHECKS } from './rules/hashtag';

const SEMVER_RE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export const PackSchema = z.strictObject({
  schema: z.literal('envoy-pack/1'),
  id,
  version: z.string().regex(SEMVER_RE, { message: 'must be a version number such as 1.0.0' }),
  title: LocalizedSchema,
  description: LocalizedSchema.optional(),
  languages: languageList,
  sources: z.array(SourceSchema).min(1),
  vocabulary: z.strictObject({ accept: phraseList }).optional(),
  entities: z.array(EntitySchema).optional(),
  /** Protocol tables (lib/entities/schema.ts): rows replace same-id rows of packs in force before this one. */
  tables: TablesSchema.optional(),
  rules: z.array(RuleSchema),
});

export type Pack = z.infer<typeof PackSchema>;

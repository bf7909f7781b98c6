/**
 * Zod building blocks of the pack format (`envoy-pack/1`, docs/pack-format.md)
 * shared by the pack schema (schema.ts) and every rule-type module
 * (rules/*.ts). Shapes only: cross-field checks live with each rule type.
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';

export { SEVERITIES, PACK_MODE_ORDER as MODES } from '@/lib/vocabulary';
import { ACCOUNT_TYPES, PACK_MODE_ORDER as MODES, SEVERITIES } from '@/lib/vocabulary';
export const CATEGORIES = [
  'security', 'privacy', 'neutrality', 'capacity', 'respect', 'names', 'address',
  'crisis', 'accessibility', 'engagement', 'accuracy', 'style', 'custom',
] as const;
export const PARTS = ['body', 'hashtag', 'mention', 'link'] as const;
export const MATCH_INSIDE = ['url', 'email', 'handle'] as const;

const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;
const LANG_RE = /^(?:\*|[a-z]{2,3})$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export const text = z.string().min(1);
export const id = z.string().regex(ID_RE, { message: 'must use only lower-case letters, digits, ".", "_" and "-", starting with a letter or digit' });
export const phraseList = z.array(text);
export const date = z.string().regex(DATE_RE, { message: 'must be a date written as YYYY-MM-DD' });
export const languageList = z.array(z.string().regex(LANG_RE, { message: 'must be a language code such as "en", "km", "fr" or "*"' })).min(1);

export const LocalizedSchema = z.strictObject({ en: text, km: text.optional(), fr: text.optional() });

export const SourceSchema = z.strictObject({
  id: text,
  title: text,
  publisher: text.optional(),
  url: z.url().optional(),
  section: text.optional(),
  retrieved: date.optional(),
  /** Licence of the data taken from this source (generated tables). */
  licence: text.optional(),
});

export const SourceRefSchema = z.strictObject({ ref: text, section: text.optional() });

export const ScopeSchema = z.strictObject({
  platforms: z.array(z.enum([...PLATFORM_IDS, '*'])).min(1).optional(),
  accounts: z.array(z.enum(ACCOUNT_TYPES)).min(1).optional(),
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

/** People and their titles, referred to by `address-form` rules. */
export const EntitySchema = z.strictObject({
  id,
  names: phraseList.min(1),
  titles: phraseList.optional(),
  forbiddenTitles: phraseList.optional(),
  /** Offices ("Prime Minister", "នាយករដ្ឋមន្ត្រី"): may stand between a title and the name, but are no title themselves. */
  offices: phraseList.optional(),
  /** Partial names ("Sihamoni"): a reference by one of these alone is flagged on every reference, fixed to the full style and name. */
  shortNames: phraseList.optional(),
  preferred: text.optional(),
  /** The title to suggest per draft language (French fix in the French style); overrides `preferred`. */
  preferredByLanguage: LocalizedSchema.optional(),
  role: LocalizedSchema.optional(),
  validFrom: date.optional(),
  validTo: date.optional(),
});

/** Fields every rule has (docs/pack-format.md, "Common rule fields"). */
export const commonRuleFields = {
  id,
  severity: z.enum(SEVERITIES),
  category: z.enum(CATEGORIES),
  languages: languageList.optional(),
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
export const literalFields = { caseSensitive: z.boolean().optional(), wholeWord: z.boolean().optional() };

export type Entity = z.infer<typeof EntitySchema>;
export type PackSource = z.infer<typeof SourceSchema>;
export type RuleFix = z.infer<typeof FixSchema>;
export type RuleScope = z.infer<typeof ScopeSchema>;

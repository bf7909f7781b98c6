/**
 * Protocol tables of a guideline pack (`tables`, docs/pack-format.md "Entity
 * tables"): states and territories, organisations and Cambodian institutions,
 * honorific titles, foreign styles of address, and office holders. The
 * built-in tables are generated (`npm run data:entities`); an organisation
 * pack adds rows or replaces a built-in row by giving the same id.
 */
import { z } from 'zod';

export const TABLE_LANGS = ['en', 'fr', 'km'] as const;
export const STATE_STATUSES = ['member', 'observer', 'territory'] as const;
/**
 * 'position': wording that contradicts a publicly stated position of the Royal
 * Government of Cambodia (a `note` says why, a `source` states the position).
 */
export const NAME_STATUSES = ['former', 'colloquial', 'house-style', 'misspelling', 'position'] as const;
export type NameStatus = (typeof NAME_STATUSES)[number];
/** Articles of an official short name: English "the", French le/la/l'/les (UNTERM's "(le)" etc.). */
export const ARTICLES = ['the', 'le', 'la', "l'", 'les'] as const;

const text = z.string().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'must use only lower-case letters, digits, ".", "_" and "-", starting with a letter or digit' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written as YYYY-MM-DD' });
const sourceRefs = z.array(text).min(1);
const phraseList = z.array(text);

export const NameFormsSchema = z.strictObject({
  short: text,
  formal: text.optional(),
  acronym: text.optional(),
  article: z.enum(ARTICLES).optional(),
});
export const TableNamesSchema = z.strictObject({ en: NameFormsSchema, fr: NameFormsSchema.optional(), km: NameFormsSchema.optional() });
const LocalizedText = z.strictObject({ en: text, fr: text.optional(), km: text.optional() });
const PerLangList = z.strictObject({ en: phraseList.optional(), fr: phraseList.optional(), km: phraseList.optional() });

export const OtherNameSchema = z.strictObject({
  name: text,
  lang: z.enum(TABLE_LANGS),
  /** Year (YYYY) the name stopped being official. */
  until: z.string().regex(/^\d{4}$/, { message: 'must be a year written as YYYY' }).optional(),
  status: z.enum(NAME_STATUSES),
  /** The form to suggest when it is not the official short name (house style: "Lao PDR"). */
  to: text.optional(),
  caseSensitive: z.boolean().optional(),
  /** Longer phrases in which the name is fine ("Burma Railway", "thé de Ceylan"). */
  exceptions: phraseList.optional(),
  /** A sentence naming a year (YYYY) up to this one speaks of history: the name is not flagged there ("proclaimed in 1912"). */
  historical: z.string().regex(/^\d{4}$/, { message: 'must be a year written as YYYY' }).optional(),
  /** Why the name is not used, shown as the finding's explanation; required for status "position". */
  note: LocalizedText.optional(),
  source: text,
});

export const StateRowSchema = z.strictObject({
  id,
  code: z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "KH"' }),
  iso3: z.string().regex(/^[A-Z]{3}$/).optional(),
  m49: z.string().regex(/^\d{3}$/).optional(),
  status: z.enum(STATE_STATUSES),
  names: TableNamesSchema,
  variants: PerLangList.optional(),
  former: z.array(OtherNameSchema).optional(),
  sources: sourceRefs,
});

export const OrganisationRowSchema = z.strictObject({
  id,
  kind: z.enum(['organisation', 'institution']),
  parent: id.optional(),
  names: TableNamesSchema,
  former: z.array(OtherNameSchema).optional(),
  sources: sourceRefs,
});

export const TitleRowSchema = z.strictObject({
  id,
  /** Precedence: 1 is the highest. */
  rank: z.number().int().min(1),
  names: TableNamesSchema,
  misspellings: PerLangList.optional(),
  sources: sourceRefs,
});

export const StyleRowSchema = z.strictObject({
  id,
  office: LocalizedText,
  style: LocalizedText,
  /** ISO codes of the states where this office has this style; "*" for any state. */
  states: z.array(z.union([z.literal('*'), z.string().regex(/^[A-Z]{2}$/)])).min(1),
  /** States whose head of state holds this office (ISO codes). */
  headOfState: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  /** States whose head of government holds this office (ISO codes); a state may be in both lists (a president heading the government). */
  headOfGovernment: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  sources: sourceRefs,
});

export const HolderRowSchema = z.strictObject({
  id,
  office: LocalizedText,
  state: z.string().regex(/^[A-Z]{2}$/).optional(),
  institution: id.optional(),
  /** Title row id (the holder's honorific). */
  title: id.optional(),
  name: LocalizedText,
  asOf: date,
  sources: sourceRefs,
});

export const TablesSchema = z.strictObject({
  states: z.array(StateRowSchema).optional(),
  organisations: z.array(OrganisationRowSchema).optional(),
  titles: z.array(TitleRowSchema).optional(),
  styles: z.array(StyleRowSchema).optional(),
  holders: z.array(HolderRowSchema).optional(),
});

export type TableLang = (typeof TABLE_LANGS)[number];
export type NameForms = z.infer<typeof NameFormsSchema>;
export type TableNames = z.infer<typeof TableNamesSchema>;
export type OtherName = z.infer<typeof OtherNameSchema>;
export type StateRow = z.infer<typeof StateRowSchema>;
export type OrganisationRow = z.infer<typeof OrganisationRowSchema>;
export type TitleRow = z.infer<typeof TitleRowSchema>;
export type StyleRow = z.infer<typeof StyleRowSchema>;
export type HolderRow = z.infer<typeof HolderRowSchema>;
export type Tables = z.infer<typeof TablesSchema>;
export type TableName = keyof Tables;
export const TABLE_NAMES = ['states', 'organisations', 'titles', 'styles', 'holders'] as const satisfies readonly TableName[];

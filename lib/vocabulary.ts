/**
 * Envoy's shared vocabulary: each word list declared once, as a zod schema and its TypeScript
 * type, tied together by a compile-time check (zod/mini: content scripts load this). Everything else (the pack format, settings,
 * messages, checklist templates, the panel) imports from here.
 */
import * as z from 'zod/mini';

/** `true` when A and B are the same type; used as `const x: Same<A, B> = true`. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** How serious a finding is, most serious first (also the panel's display order). */
export const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severitySchema = z.enum(SEVERITIES);

/** Special periods the user switches on (popup); rules and checklist templates can be scoped to them. */
export const MODES = ['crisis', 'mourning', 'election'] as const;
export type Mode = (typeof MODES)[number];
export const modeSchema = z.enum(MODES);
/**
 * The same modes in the order the pack format lists them (docs/pack-format.md, pack validation
 * messages); checked below to be exactly `Mode`.
 */
export const PACK_MODE_ORDER = ['election', 'mourning', 'crisis'] as const satisfies readonly Mode[];

/** The kind of account a post is written from. */
export const ACCOUNT_TYPES = ['official', 'personal'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const accountTypeSchema = z.enum(ACCOUNT_TYPES);

/** Languages of Envoy's interface and of guideline texts (lib/i18n has one catalogue each). */
export const UI_LANGUAGES = ['en', 'km', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const uiLanguageSchema = z.enum(UI_LANGUAGES);

const tied: [
  Same<z.infer<typeof severitySchema>, Severity>,
  Same<z.infer<typeof modeSchema>, Mode>,
  Same<(typeof PACK_MODE_ORDER)[number], Mode>,
  Same<z.infer<typeof accountTypeSchema>, AccountType>,
  Same<z.infer<typeof uiLanguageSchema>, UiLanguage>,
] = [true, true, true, true, true];
void tied;

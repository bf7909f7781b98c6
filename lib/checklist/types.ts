/**
 * Checklist types and small helpers without any dependency.
 *
 * The zod schemas in schema.ts describe the same shapes (a compile-time check
 * there keeps both in step). Modules used by the content script (auto, select,
 * state, hold, templates) import from here, never from schema.ts, so the full
 * zod library stays out of the content script (see tests/bench/size.bench.ts).
 */

/** The automatic checks an item may use (implemented in auto.ts). */
export const AUTO_CHECK_IDS = [
  'no-errors',
  'within-limit',
  'alt-text',
  'camelcase-hashtags',
  'translation-attached',
  'source-link',
] as const;
export type AutoCheckId = (typeof AUTO_CHECK_IDS)[number];

/** Settings modes that can pick a template. */
import type { AccountType, Mode as TriggerMode, UiLanguage } from '@/lib/vocabulary';
export { MODES as TRIGGER_MODES, ACCOUNT_TYPES, UI_LANGUAGES, type Mode as TriggerMode, type AccountType, type UiLanguage } from '@/lib/vocabulary';

export interface LocalizedText {
  en: string;
  km: string;
  fr?: string | undefined;
}

export type AutoSpec = AutoCheckId | { id: AutoCheckId; params?: Record<string, unknown> | undefined };

export interface ChecklistItem {
  id: string;
  text: LocalizedText;
  required: boolean;
  auto?: AutoSpec | undefined;
}

export interface TemplateTriggers {
  /** en/km/fr words; Latin matched case-insensitively on word boundaries, Khmer as substrings. */
  terms: string[];
  modes?: TriggerMode[] | undefined;
  accountType?: AccountType | undefined;
  replyContext?: boolean | undefined;
}

export interface ChecklistTemplate {
  id: string;
  title: LocalizedText;
  items: ChecklistItem[];
  triggers?: TemplateTriggers | undefined;
  priority: number;
}

/** The automatic check of an item, normalised to `{ id, params }`. */
export function autoSpecOf(item: ChecklistItem): { id: AutoCheckId; params: Record<string, unknown> } | undefined {
  if (item.auto === undefined) return undefined;
  if (typeof item.auto === 'string') return { id: item.auto, params: {} };
  return { id: item.auto.id, params: item.auto.params ?? {} };
}

/** Text in the requested language; French falls back to English. */
export function localize(text: LocalizedText, lang: UiLanguage): string {
  if (lang === 'fr') return text.fr ?? text.en;
  return text[lang];
}

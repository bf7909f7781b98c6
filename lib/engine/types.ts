/** Public types of the guideline engine (see lib/engine/index.ts). */
import type { PlatformId } from '@/lib/platforms/hosts';

import type { AccountType, Mode, Severity, UiLanguage } from '@/lib/vocabulary';

export type { Mode, Severity, UiLanguage };

export interface CheckContext {
  platform?: PlatformId;
  accountType: AccountType;
  modes: readonly Mode[];
  /** Finding keys the user chose to ignore. */
  ignored?: ReadonlySet<string>;
}

export interface Localized {
  en: string;
  km?: string;
  fr?: string;
}

export interface Range {
  start: number;
  end: number;
}

export interface ResolvedSource {
  id: string;
  title: string;
  publisher?: string;
  url?: string;
  /** The rule's pinned section if it has one, else the pack source's section. */
  section?: string;
  retrieved?: string;
}

export interface FindingFix {
  label: Localized | string;
  replacement: string;
  range: Range;
}

export interface Finding {
  /** Stable id for "ignore": ruleId + normalised match + occurrence index; independent of position. */
  key: string;
  ruleId: string;
  packId: string;
  severity: Severity;
  category: string;
  /** UTF-16 offsets into the original text. */
  range: Range;
  match: string;
  /** Placeholders already filled. */
  message: Localized;
  explanation: Localized;
  sources: ResolvedSource[];
  fixes: FindingFix[];
}

export interface ChecklistPrompt {
  ruleId: string;
  packId: string;
  prompt: Localized;
  template?: string;
  range: Range;
}

export interface CheckResult {
  findings: Finding[];
  checklistPrompts: ChecklistPrompt[];
  /** True when the time budget (or the findings cap) stopped the check early. */
  truncated: boolean;
  /** UTF-16 units of the draft left unanalysed by the time budget (0 when every line was read). */
  uncheckedChars: number;
}

export interface CheckOptions {
  /** Wall-clock budget in ms (default 50). `Infinity` disables it. */
  budgetMs?: number;
  /** Evaluate only the rule with this id (a pack's embedded tests: linear in the pack's size). */
  onlyRule?: string;
}

/**
 * Envoy guideline engine: pure TypeScript (no browser APIs), unit-testable in Node.
 *
 *   const g = compilePacks(packs);                 // once
 *   const r = checkText(g, draft, ctx);            // per check
 *   const inc = createIncrementalChecker(g);       // per editor: re-analyses changed lines only
 */
export type {
  Severity, Mode, UiLanguage, CheckContext, Localized, Range, ResolvedSource, FindingFix, Finding,
  ChecklistPrompt, CheckResult, CheckOptions,
} from './types';
export type { Pack, Rule } from './schema';
export { compilePacks, prepareWhenIdle, CompiledGuidelines, CompileError, type RuleInfo, type PackInfo } from './compile';
export { checkText, createIncrementalChecker, DEFAULT_BUDGET_MS, MAX_FINDINGS } from './check';
export { applyFix, matchCase } from './fix';
export { localize } from './localize';
export { normalize, type Normalized } from './normalize';
export { checkPattern, MAX_PATTERN_LENGTH, MAX_PROGRAM_SIZE } from './safe-regex';

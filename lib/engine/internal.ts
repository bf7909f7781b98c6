/** Types shared by the compiler, the document model and the rule modules (not public API). */
import type { Entity, RuleFix } from './pack-fields';
import type { Pack, RuleType } from './schema';
import type { Localized, Range, ResolvedSource, Severity } from './types';
import type { Doc } from './document';
import type { TermTable } from './terms';
import type { PatternBank } from './safe-regex';
import type { FeatureIndex } from './char-ngrams';
import type { MergedTables } from '@/lib/entities/merge';

export type Part = 'body' | 'hashtag' | 'mention' | 'link';

/** A literal term as one rule uses it (the same folded text may be shared by many rules). */
export interface TermRef {
  id: number;
  /** Normalised exact form when the use is case-sensitive. */
  exact: string | null;
  /** Whole-word checks needed at each edge (edge char belongs to a spaced script). */
  checkLeft: boolean;
  checkRight: boolean;
  /** The term as written in the pack. */
  text: string;
}

/** One occurrence of a term in the original text. */
export interface Occ extends Range {
  /** No letter/digit of a spaced script directly before / after. */
  left: boolean;
  right: boolean;
  /** Normalised (not case-folded) matched text, kept only for terms used case-sensitively. */
  exact?: string;
}

export interface RuleBase {
  id: string;
  packId: string;
  type: RuleType;
  severity: Severity;
  category: string;
  /** Position of the rule in the compiled list (stable tie-breaker, memo key). */
  index: number;
  scripts: number;
  platforms: ReadonlySet<string> | null;
  accounts: ReadonlySet<string> | null;
  modes: ReadonlySet<string> | null;
  parts: ReadonlySet<Part> | null;
  message: Localized;
  explanation: Localized;
  sources: ResolvedSource[];
  exceptions: TermRef[];
  quotedExempt: boolean;
  matchInside: ReadonlySet<string>;
  fix: RuleFix | undefined;
  caseSensitive: boolean;
  wholeWord: boolean;
}

export interface FixSpec {
  label: Localized | string;
  replacement: string;
  range: Range;
}

export interface Emit {
  range: Range;
  fixes?: FixSpec[];
  /** Extra message placeholders ({match} is always filled). */
  vars?: Record<string, string>;
  /** Key basis instead of the normalised match (whole-draft findings). */
  keyBasis?: string;
  /** This finding's own explanation and sources instead of the rule's (a table entry's note and source). */
  explanation?: Localized;
  sources?: ResolvedSource[];
}

export interface Sink {
  finding(base: RuleBase, e: Emit): void;
  prompt(base: RuleBase, prompt: Localized, template: string | undefined, range: Range): void;
}

/**
 * What a rule needs before it can find anything: one of these terms occurring, or one of these
 * patterns (of the normalised-text bank) possible in some chunk. The gate (gate.ts) calls the
 * rule only then; a rule without needs is called on every check.
 */
export interface RuleNeeds {
  terms?: readonly TermRef[];
  normalisedPatterns?: readonly number[];
}

export type Evaluator = ((doc: Doc, sink: Sink) => void) & { needs?: RuleNeeds };

/** `evaluate` with the needs the gate reads. */
export const gated = (evaluate: (doc: Doc, sink: Sink) => void, needs: RuleNeeds): Evaluator => Object.assign(evaluate, { needs });

export interface CompiledRule {
  base: RuleBase;
  evaluate: Evaluator;
}

export interface CompileEnv {
  terms: TermTable;
  /** Patterns run on the original text (pattern rules) and on the normalised text (proximity groups): each bank's literal pass reads only its own text. */
  patterns: PatternBank;
  normalisedPatterns: PatternBank;
  pack: Pack;
  entities: ReadonlyMap<string, Entity>;
  /** Folded single words from all packs' vocabularies (hashtag splitting). */
  vocabWords: ReadonlySet<string>;
  /** Protocol tables in force (states, organisations, titles, styles, holders). */
  tables: MergedTables;
  /** Feature numbers shared by all classifier rules. */
  features: FeatureIndex;
}

/** A pack source as a finding cites it (only the fields it has; `section` pinned by the rule wins). */
export function resolvedSource(
  src: { id: string; title: string; publisher?: string | undefined; url?: string | undefined; section?: string | undefined; retrieved?: string | undefined },
  section: string | undefined = src.section,
): ResolvedSource {
  const out: ResolvedSource = { id: src.id, title: src.title };
  if (src.publisher) out.publisher = src.publisher;
  if (src.url) out.url = src.url;
  if (section) out.section = section;
  if (src.retrieved) out.retrieved = src.retrieved;
  return out;
}

/** compilePacks: packs → one term automaton + compiled rules. */
import type { Entity, Pack, Rule } from './schema';
import { TermTable } from './terms';
import { PatternBank } from './safe-regex';
import { RuleGate } from './gate';
import { FeatureIndex } from './char-ngrams';
import { foldTerm } from './normalize';
import { scriptsForLanguages } from './structure';
import { ruleTypeOf } from './rules';
import { mergeTables, type MergedTables } from '@/lib/entities/merge';
import { resolvedSource, type CompileEnv, type CompiledRule, type Part, type RuleBase, type TermRef } from './internal';
import type { Localized, ResolvedSource, Severity } from './types';

export interface RuleInfo {
  id: string;
  packId: string;
  type: Rule['type'];
  severity: Severity;
  category: string;
  message: Localized;
}

export interface PackInfo {
  id: string;
  version: string;
  title: Localized;
}

/** Compiled, immutable guidelines: build once, check many drafts. */
export class CompiledGuidelines {
  /** @internal */ readonly compiled: readonly CompiledRule[];
  /** @internal */ readonly terms: TermTable;
  /** @internal */ readonly vocab: readonly TermRef[];
  /** @internal */ readonly gate: RuleGate;
  readonly rules: readonly RuleInfo[];
  readonly packs: readonly PackInfo[];
  readonly #patterns: readonly PatternBank[];

  constructor(compiled: CompiledRule[], terms: TermTable, vocab: TermRef[], packs: PackInfo[], patterns: readonly PatternBank[], gate: RuleGate) {
    this.compiled = compiled;
    this.gate = gate;
    this.terms = terms;
    this.vocab = vocab;
    this.packs = packs;
    this.#patterns = patterns;
    this.rules = compiled.map(({ base }) => ({
      id: base.id, packId: base.packId, type: base.type, severity: base.severity, category: base.category, message: base.message,
    }));
  }

  /**
   * One slice of deferred compilation (the literals of some patterns, a few ms); true while more remain.
   * Callers run it in idle time (`prepareWhenIdle`) so that the first check, which otherwise
   * finishes what is left (`prepareAll`), does not pay for it.
   */
  prepareStep(): boolean {
    return this.#patterns.some((bank) => bank.prepareStep());
  }

  /** Finishes the deferred compilation now (a check does this first, outside its time budget). */
  prepareAll(): void {
    while (this.prepareStep()) {
      /* next slice */
    }
  }
}

/** Runs `prepareStep` in separate macrotasks until done, so no single task blocks the page long. */
export function prepareWhenIdle(guidelines: CompiledGuidelines, schedule: (next: () => void) => void = (next) => setTimeout(next, 0)): void {
  const step = () => {
    if (guidelines.prepareStep()) schedule(step);
  };
  schedule(step);
}

/** Error thrown when a pack that skipped validation cannot be compiled; names pack and rule. */
export class CompileError extends Error {
  constructor(readonly packId: string, readonly ruleId: string | undefined, readonly field: string, message: string) {
    super(message);
  }
}

function resolveSources(rule: Rule, pack: Pack): ResolvedSource[] {
  return rule.sources.map((ref) => {
    const src = pack.sources.find((s) => s.id === ref.ref);
    if (!src) throw new CompileError(pack.id, rule.id, 'sources', `unknown source "${ref.ref}"`);
    return resolvedSource(src, ref.section ?? src.section);
  });
}

const set = <T>(xs: readonly T[] | undefined, star?: T): ReadonlySet<T> | null =>
  !xs || (star !== undefined && xs.includes(star)) ? null : new Set(xs);

function makeBase(rule: Rule, pack: Pack, index: number, terms: TermTable, structural: boolean): RuleBase {
  const caseSensitive = 'caseSensitive' in rule ? (rule.caseSensitive ?? false) : false;
  const wholeWord = 'wholeWord' in rule ? (rule.wholeWord ?? true) : true;
  return {
    id: rule.id,
    packId: pack.id,
    type: rule.type,
    severity: rule.severity,
    category: rule.category,
    index,
    scripts: scriptsForLanguages(rule.languages ?? pack.languages),
    platforms: set(rule.scope?.platforms, '*') as ReadonlySet<string> | null,
    accounts: set(rule.scope?.accounts),
    modes: set(rule.scope?.modes),
    parts: set(rule.scope?.parts) as ReadonlySet<Part> | null,
    message: rule.message,
    explanation: rule.explanation,
    sources: resolveSources(rule, pack),
    exceptions: (rule.exceptions ?? []).map((t) => terms.ref(t, { caseSensitive: false, wholeWord: false })),
    // Structural types (counts, hashtags) look at structure, not wording: quotes do not exempt them by default.
    quotedExempt: rule.quotedExempt ?? !structural,
    matchInside: new Set(rule.matchInside ?? []),
    fix: rule.fix,
    caseSensitive,
    wholeWord,
  };
}

/** Compile validated packs. Throws CompileError only for packs that would fail validation. */
export interface CompileOptions {
  /** The protocol tables in force (default: the packs' tables merged in pack order). */
  tables?: MergedTables;
  /** @internal Call every rule on every check, as if no rule declared needs (tests: the gate changes no finding). */
  ungated?: boolean;
}

export function compilePacks(packs: readonly Pack[], options: CompileOptions = {}): CompiledGuidelines {
  const tables = options.tables ?? mergeTables(packs);
  const terms = new TermTable();
  const patterns = new PatternBank();
  const normalisedPatterns = new PatternBank();
  const features = new FeatureIndex();
  const vocabTexts = packs.flatMap((p) => p.vocabulary?.accept ?? []);
  const vocab = vocabTexts.map((t) => terms.ref(t, { caseSensitive: false, wholeWord: true }));
  const vocabWords = new Set(vocabTexts.filter((t) => !/\s/.test(t.trim())).map(foldTerm));
  const compiled: CompiledRule[] = [];
  for (const pack of packs) {
    const entities = new Map<string, Entity>((pack.entities ?? []).map((e) => [e.id, e]));
    const env: CompileEnv = { terms, patterns, normalisedPatterns, pack, entities, vocabWords, tables, features };
    for (const rule of pack.rules) {
      let field = 'rule';
      try {
        const def = ruleTypeOf(rule);
        field = def.compileField ?? field;
        const base = makeBase(rule, pack, compiled.length, terms, def.structural ?? false);
        compiled.push({ base, evaluate: def.compile(rule, base, env) });
      } catch (err) {
        if (err instanceof CompileError) throw err;
        throw new CompileError(pack.id, rule.id, field, err instanceof Error ? err.message : String(err));
      }
    }
  }
  terms.matcher.build();
  const gate = new RuleGate(compiled, terms.matcher.size, normalisedPatterns, options.ungated);
  return new CompiledGuidelines(compiled, terms, vocab, packs.map((p) => ({ id: p.id, version: p.version, title: p.title })), [patterns, normalisedPatterns], gate);
}

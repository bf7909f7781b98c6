/**
 * What one rule type is: its pack-format schema, its compiler, its pack-level
 * checks and what the guideline lookup shows for it. Each type is one module
 * in this folder exporting `defineRuleType({...})`, listed once in index.ts.
 */
import type { z } from 'zod';
import type { Entity } from '../pack-fields';
import type { CompileEnv, Evaluator, RuleBase } from '../internal';

/** A rule type's zod schema: a strict object whose `type` is a string literal. */
export type RuleObjectSchema = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;

/** Reports one problem with a field of the rule being validated ("what" completes 'field "x" …'). */
export type FieldError = (field: string, what: string) => void;

export interface ValidateEnv {
  /** Ids in the pack's `entities` table. */
  entityIds: ReadonlySet<string>;
}

/** Compiles one validated rule into its evaluator (called once per pack set). */
export type Compiler<R> = (rule: R, base: RuleBase, env: CompileEnv) => Evaluator;

export interface RuleTypeDef<S extends RuleObjectSchema = RuleObjectSchema> {
  schema: S;
  compile: Compiler<z.infer<S>>;
  /** Checks the schema cannot express (field combinations, references, regex safety). */
  validate?(rule: z.infer<S>, err: FieldError, env: ValidateEnv): void;
  /** The phrase lists the rule matches, by field name (each phrase must survive normalisation). */
  phrases?(rule: z.infer<S>): Array<[field: string, list: readonly string[] | undefined]>;
  /** The rule makes its own fix text, so a `"replace"` fix needs no `with`. */
  ownFix?(rule: z.infer<S>): boolean;
  /** Looks at structure, not wording: quotation marks do not exempt it unless the rule says so. */
  structural?: boolean;
  /** `prompt`: the rule hands a prompt to the checklist instead of an inline finding. */
  output?: 'finding' | 'prompt';
  /** The field named when compiling the rule fails (default "rule"). */
  compileField?: string;
  /** Entity ids the rule refers to (`*` = all), for the lookup's forms-of-address entries. */
  entityRefs?(rule: z.infer<S>): readonly string[];
  /** Terms the guideline lookup searches for this rule. */
  searchTerms?(rule: z.infer<S>, entities: ReadonlyMap<string, Entity>): string[];
  /** Example values for the message placeholders, so the lookup's title reads as a sentence. */
  exampleVars?(rule: z.infer<S>, entities: ReadonlyMap<string, Entity>): Record<string, string | undefined>;
}

/** Identity with inference: the module's schema types its compiler and checks. */
export function defineRuleType<S extends RuleObjectSchema>(def: RuleTypeDef<S>): RuleTypeDef<S> {
  return def;
}

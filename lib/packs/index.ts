/**
 * Loader glue: validate, test and compile a set of packs (built-in and
 * imported) into one CompiledGuidelines. Packs with errors are left out and
 * their errors returned, so one broken import never disables the others.
 */
import { compilePacks, type CompiledGuidelines } from '@/lib/engine/compile';
import { findDuplicateRuleIds, loadPack, parsePackFile, type PackError } from './validate';
import type { Pack } from './schema';

export type { Pack, Rule } from './schema';
export { validatePack, runPackTests, loadPack, parsePackFile, findDuplicateRuleIds, formatPackError, type PackError } from './validate';

export interface PackInput {
  fileName: string;
  /** Parsed JSON, or the file's text (parsed here with a file-named error). */
  json?: unknown;
  text?: string;
}

export interface LoadedPacks {
  guidelines: CompiledGuidelines;
  packs: Pack[];
  errors: PackError[];
}

export function loadPacks(inputs: readonly PackInput[]): LoadedPacks {
  const errors: PackError[] = [];
  const loaded: Array<{ pack: Pack; fileName: string }> = [];
  for (const input of inputs) {
    let json = input.json;
    if (input.text !== undefined) {
      const parsed = parsePackFile(input.text, input.fileName);
      if (!parsed.ok) {
        errors.push(...parsed.errors);
        continue;
      }
      json = parsed.json;
    }
    const r = loadPack(json, input.fileName);
    if (r.ok) loaded.push({ pack: r.pack, fileName: input.fileName });
    else errors.push(...r.errors);
  }
  // A later pack that reuses an id already taken is left out (built-ins come first and win).
  const dupes = findDuplicateRuleIds(loaded);
  errors.push(...dupes);
  const refused = new Set(dupes.map((e) => e.file));
  const packs = loaded.filter((l) => !refused.has(l.fileName)).map((l) => l.pack);
  return { guidelines: compilePacks(packs), packs, errors };
}

import { compilePacks, type CompiledGuidelines } from '@/lib/engine/compile';
import type { Pack } from '@/lib/packs/schema';
import { findDuplicateRuleIds, loadPack, validatePack, type PackError, type PackResult } from '@/lib/packs/validate';
import { mergeTables, type MergedTables } from '@/lib/entities/merge';

/** An imported pack as kept in storage.local (its tests already passed at import). */
export interface StoredPack {
  fileName: string;
  json: unknown;
  enabled: boolean;
  importedAt: string;
}

export type PackOrigin = 'builtin' | 'organisation' | 'imported';

export interface PackSummary {
  id: string;
  version: string;
  title: Pack['title'];
  origin: PackOrigin;
  rules: number;
  enabled: boolean;
  fileName: string;
  sources: Pack['sources'];
}

export interface ActiveGuidelines {
  guidelines: CompiledGuidelines;
  /** Every known pack, active or not, for the options page. */
  summaries: PackSummary[];
  /** The packs in force, in precedence order (built-in, organisation, imported). */
  packs: Pack[];
  /** The packs' protocol tables merged: built-in, then imported, then organisation rows (policy wins). */
  tables: MergedTables;
  errors: PackError[];
}

export interface ActiveInput {
  builtIn: readonly unknown[];
  disabledBuiltin: readonly string[];
  policyPacks: readonly unknown[];
  imported: readonly StoredPack[];
}

function summary(pack: Pack, origin: PackOrigin, enabled: boolean, fileName: string): PackSummary {
  return { id: pack.id, version: pack.version, title: pack.title, origin, rules: pack.rules.length, enabled, fileName, sources: pack.sources };
}

/** A pack whose checking throws is refused with that error; the others are still read. */
function guarded(check: () => PackResult, file: string): PackResult {
  try {
    return check();
  } catch (e) {
    return { ok: false, errors: [{ file, field: 'pack', message: `could not be read: ${reason(e)}` }] };
  }
}

/**
 * Decides which packs are in force and compiles them once.
 * Built-in packs are validated only (their embedded tests run in CI); imported
 * packs ran their tests when imported; organisation packs never passed through
 * an import, so their tests run here. A pack that fails is left out with its
 * errors; the others keep working. On a rule-id clash the earlier pack wins.
 */
export function buildActiveGuidelines(input: ActiveInput): ActiveGuidelines {
  const errors: PackError[] = [];
  const summaries: PackSummary[] = [];
  const inForce: Array<{ pack: Pack; fileName: string; origin: PackOrigin }> = [];

  input.builtIn.forEach((json, i) => {
    const fileName = `built-in pack ${(json as { id?: string })?.id ?? i}`;
    const r = guarded(() => validatePack(json, fileName), fileName);
    if (!r.ok) return void errors.push(...r.errors);
    const enabled = !input.disabledBuiltin.includes(r.pack.id);
    summaries.push(summary(r.pack, 'builtin', enabled, fileName));
    if (enabled) inForce.push({ pack: r.pack, fileName, origin: 'builtin' });
  });
  input.policyPacks.forEach((json, i) => {
    const fileName = `organisation pack ${(json as { id?: string })?.id ?? i + 1}`;
    const r = guarded(() => loadPack(json, fileName), fileName);
    if (!r.ok) return void errors.push(...r.errors);
    summaries.push(summary(r.pack, 'organisation', true, fileName));
    inForce.push({ pack: r.pack, fileName, origin: 'organisation' });
  });
  for (const stored of input.imported) {
    const r = guarded(() => validatePack(stored.json, stored.fileName), stored.fileName);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    summaries.push(summary(r.pack, 'imported', stored.enabled, stored.fileName));
    if (stored.enabled) inForce.push({ pack: r.pack, fileName: stored.fileName, origin: 'imported' });
  }

  const clashes = findDuplicateRuleIds(inForce);
  errors.push(...clashes);
  const refused = new Set(clashes.map((e) => e.file));
  const kept = inForce.filter((p) => !refused.has(p.fileName));
  return { ...compileIsolated(kept, errors), summaries, errors };
}

type InForce = { pack: Pack; fileName: string; origin: PackOrigin };

function compileSet(kept: readonly InForce[]): Pick<ActiveGuidelines, 'guidelines' | 'packs' | 'tables'> {
  const packs = kept.map((p) => p.pack);
  const order: PackOrigin[] = ['builtin', 'imported', 'organisation'];
  const tables = mergeTables(order.flatMap((o) => kept.filter((p) => p.origin === o).map((p) => p.pack)));
  return { guidelines: compilePacks(packs, { tables }), packs, tables };
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);

/**
 * Compiles the packs in force together; when that throws, finds the packs that make it throw
 * (each added in turn to the built-in ones) and leaves them out with an error, so one bad
 * pack never takes the others, the built-in ones above all, out of force.
 */
function compileIsolated(kept: readonly InForce[], errors: PackError[]): Pick<ActiveGuidelines, 'guidelines' | 'packs' | 'tables'> {
  try {
    return compileSet(kept);
  } catch {
    // Found below, pack by pack.
  }
  const good = kept.filter((p) => p.origin === 'builtin');
  for (const candidate of kept.filter((p) => p.origin !== 'builtin')) {
    try {
      compileSet([...good, candidate]);
      good.push(candidate);
    } catch (e) {
      errors.push({ file: candidate.fileName, field: 'pack', message: `could not be compiled, so it was left out (the other packs stay in force): ${reason(e)}` });
    }
  }
  // Keep the precedence order of `kept`.
  const keep = kept.filter((p) => good.includes(p));
  try {
    return compileSet(keep);
  } catch (e) {
    errors.push({ file: 'built-in packs', field: 'pack', message: `could not be compiled: ${reason(e)}` });
    return compileSet([]);
  }
}

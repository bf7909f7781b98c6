/**
 * The protocol tables in force: the `tables` of every active pack merged by
 * row id, a later pack's row replacing an earlier one. Each row keeps the pack
 * it came from and its sources resolved against that pack.
 */
import type { Pack, PackSource } from '@/lib/packs/schema';
import type { HolderRow, OrganisationRow, StateRow, StyleRow, TitleRow } from './schema';
import { TABLE_NAMES } from './schema';

export type Sourced<T> = T & { packId: string; resolvedSources: PackSource[] };

export interface MergedTables {
  states: Sourced<StateRow>[];
  organisations: Sourced<OrganisationRow>[];
  titles: Sourced<TitleRow>[];
  styles: Sourced<StyleRow>[];
  holders: Sourced<HolderRow>[];
}

export const EMPTY_TABLES: MergedTables = { states: [], organisations: [], titles: [], styles: [], holders: [] };

/** Merge in the given order (the last pack wins). Pass organisation packs last so policy overrides everything. */
export function mergeTables(packs: readonly Pack[]): MergedTables {
  if (!packs.some((p) => p.tables)) return EMPTY_TABLES;
  const maps = Object.fromEntries(TABLE_NAMES.map((n) => [n, new Map<string, unknown>()])) as Record<keyof MergedTables, Map<string, unknown>>;
  for (const pack of packs) {
    if (!pack.tables) continue;
    const byId = new Map(pack.sources.map((s) => [s.id, s]));
    for (const name of TABLE_NAMES) {
      for (const row of (pack.tables[name] ?? []) as Array<{ id: string; sources: string[] }>) {
        const resolvedSources = row.sources.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
        maps[name].set(row.id, { ...row, packId: pack.id, resolvedSources });
      }
    }
  }
  return Object.fromEntries(TABLE_NAMES.map((n) => [n, [...maps[n].values()]])) as unknown as MergedTables;
}

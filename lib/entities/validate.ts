/** Cross-checks of a pack's protocol tables: unique row ids per table, every source id listed in the pack, a note on every "position" entry. */
import type { Tables } from './schema';
import { TABLE_NAMES } from './schema';

export interface TableProblem {
  field: string;
  message: string;
}

export function checkTables(tables: Tables | undefined, sourceIds: ReadonlySet<string>): TableProblem[] {
  if (!tables) return [];
  const out: TableProblem[] = [];
  for (const name of TABLE_NAMES) {
    const rows = (tables[name] ?? []) as ReadonlyArray<{ id: string; sources: string[]; former?: Array<{ source: string; status: string; note?: unknown; to?: string }> }>;
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const at = `tables.${name}[${i}]`;
      if (seen.has(row.id)) out.push({ field: `${at}.id`, message: `Table "${name}": row id "${row.id}" appears twice; each row needs its own id.` });
      seen.add(row.id);
      const refs = [...row.sources.map((s, j) => [`${at}.sources[${j}]`, s] as const), ...(row.former ?? []).map((f, j) => [`${at}.former[${j}].source`, f.source] as const)];
      (row.former ?? []).forEach((f, j) => {
        if (f.status === 'position' && !f.note) {
          out.push({ field: `${at}.former[${j}].note`, message: `Table "${name}", row "${row.id}": a "position" entry needs a "note" saying which stated position the wording contradicts.` });
        }
      });
      for (const [field, ref] of refs) {
        if (!sourceIds.has(ref)) out.push({ field, message: `Table "${name}", row "${row.id}": source "${ref}" is not in the pack's "sources" list.` });
      }
    });
  }
  return out;
}

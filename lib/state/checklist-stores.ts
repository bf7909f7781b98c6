/**
 * Persisted stores for the options page: the override log and the user's
 * edited checklist templates (both in storage.local). Mount them with
 * `browserAreaStorage('local')`; tests pass `memoryAreaStorage()`.
 */
import { BUILT_IN_TEMPLATES, mergeTemplates, parseLog, validateTemplate, type ChecklistTemplate, type OverrideLogEntry } from '@/lib/checklist';
import type { AreaStorage } from '@/lib/state/area-storage';
import { CHECKLIST_OVERRIDE_LOG_KEY, CHECKLIST_TEMPLATES_KEY } from '@/lib/state/checklist-keys';
import { createPersistedStore, type PersistedStore } from '@/lib/state/persisted-store';

export type OverrideLogStore = PersistedStore<OverrideLogEntry[]>;
export type TemplatesStore = PersistedStore<ChecklistTemplate[]>;

export function overrideLogStore(storage: AreaStorage): OverrideLogStore {
  return createPersistedStore<OverrideLogEntry[]>({
    storage,
    key: CHECKLIST_OVERRIDE_LOG_KEY,
    defaults: [],
    migrate: parseLog,
  });
}

/** Keeps the valid templates of whatever is stored (one bad template never costs the others). */
export function parseCustomTemplates(stored: unknown): ChecklistTemplate[] {
  if (!Array.isArray(stored)) return [];
  const seen = new Set<string>();
  const valid: ChecklistTemplate[] = [];
  for (const candidate of stored) {
    const result = validateTemplate(candidate);
    if (!result.ok || seen.has(result.value.id)) continue;
    seen.add(result.value.id);
    valid.push(result.value);
  }
  return valid;
}

/** The user's edited templates (only those that differ from the built-in ones). */
export function customTemplatesStore(storage: AreaStorage): TemplatesStore {
  return createPersistedStore<ChecklistTemplate[]>({
    storage,
    key: CHECKLIST_TEMPLATES_KEY,
    defaults: [],
    migrate: parseCustomTemplates,
  });
}

/** The templates in effect: built-in, with the user's edits on top. */
export function effectiveTemplates(custom: readonly ChecklistTemplate[]): ChecklistTemplate[] {
  return mergeTemplates(BUILT_IN_TEMPLATES, custom);
}

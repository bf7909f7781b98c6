/**
 * The user's own simple rules (term, substitute, pattern), kept as one
 * imported pack with the fixed id `user.custom` and regenerated from the
 * editor on every change. Each rule's embedded test is the user's sample
 * text, which it must flag.
 */
import { compilePacks } from '@/lib/engine/compile';
import { checkText } from '@/lib/engine/check';
import type { StoredPack } from '@/lib/packs/active';
import type { Rule } from '@/lib/packs/schema';
import { loadPack, validatePack, type PackError } from '@/lib/packs/validate';
import { SEVERITIES } from '@/lib/vocabulary';

export const CUSTOM_PACK_ID = 'user.custom';
export const CUSTOM_PACK_FILE = 'user.custom.json';
export const CUSTOM_KINDS = ['term', 'substitute', 'pattern'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];
export const CUSTOM_SEVERITIES = SEVERITIES;

export interface CustomRuleDraft {
  /** Set when editing an existing rule. */
  id?: string;
  kind: CustomKind;
  /** term: phrases to flag; substitute: phrases to replace. */
  terms: string;
  /** substitute: the replacement. */
  replacement: string;
  pattern: string;
  message: string;
  severity: (typeof CUSTOM_SEVERITIES)[number];
  sample: string;
}

export const EMPTY_DRAFT: CustomRuleDraft = { kind: 'term', terms: '', replacement: '', pattern: '', message: '', severity: 'warning', sample: '' };

const lines = (s: string) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

/** The pack's rules as stored (raw JSON objects), or none. */
export function customRules(imported: readonly StoredPack[]): Record<string, unknown>[] {
  const stored = imported.find((p) => (p.json as { id?: unknown } | null)?.id === CUSTOM_PACK_ID);
  const rules = (stored?.json as { rules?: unknown } | undefined)?.rules;
  return Array.isArray(rules) ? (rules as Record<string, unknown>[]) : [];
}

function nextId(existing: readonly Record<string, unknown>[]): string {
  let n = 1;
  const ids = new Set(existing.map((r) => r.id));
  while (ids.has(`custom.rule-${n}`)) n++;
  return `custom.rule-${n}`;
}

export function draftToRule(draft: CustomRuleDraft, id: string): Record<string, unknown> {
  const base = {
    id,
    severity: draft.severity,
    category: 'custom',
    languages: ['*'],
    message: { en: draft.message.trim() },
    explanation: { en: 'A rule you added on the options page.' },
    sources: [{ ref: 'user' }],
    tests: { flag: [draft.sample] },
  };
  switch (draft.kind) {
    case 'term':
      return { ...base, type: 'term', terms: lines(draft.terms) };
    case 'substitute':
      return { ...base, type: 'substitute', swap: [{ from: lines(draft.terms), to: [draft.replacement.trim()] }] };
    case 'pattern':
      return { ...base, type: 'pattern', pattern: draft.pattern };
  }
}

export function ruleToDraft(rule: Record<string, unknown>): CustomRuleDraft {
  const r = rule as Partial<Rule> & Record<string, unknown>;
  const tests = r.tests as { flag?: string[] } | undefined;
  const common = {
    id: String(r.id),
    message: (r.message as { en?: string } | undefined)?.en ?? '',
    severity: (CUSTOM_SEVERITIES as readonly string[]).includes(String(r.severity)) ? (r.severity as CustomRuleDraft['severity']) : 'warning',
    sample: tests?.flag?.[0] ?? '',
    terms: '',
    replacement: '',
    pattern: '',
  };
  if (r.type === 'substitute') {
    const swap = (r.swap as Array<{ from: string[]; to: string[] }> | undefined)?.[0];
    return { ...common, kind: 'substitute', terms: (swap?.from ?? []).join('\n'), replacement: swap?.to[0] ?? '' };
  }
  if (r.type === 'pattern') return { ...common, kind: 'pattern', pattern: String(r.pattern ?? '') };
  return { ...common, kind: 'term', terms: ((r.terms as string[] | undefined) ?? []).join('\n') };
}

export function buildCustomPack(rules: readonly Record<string, unknown>[]): Record<string, unknown> {
  return {
    schema: 'envoy-pack/1',
    id: CUSTOM_PACK_ID,
    version: '1.0.0',
    title: { en: 'Your own rules', km: 'ច្បាប់ផ្ទាល់ខ្លួនរបស់អ្នក', fr: 'Vos propres règles' },
    languages: ['*'],
    sources: [{ id: 'user', title: 'Added by you on the options page' }],
    rules: [...rules],
  };
}

export interface LiveTest {
  errors: PackError[];
  /** Matched texts in the sample. */
  matches: string[];
}

/** Validates the draft as a one-rule pack and runs it on the sample text (no embedded tests). */
export function liveTest(draft: CustomRuleDraft): LiveTest {
  const rule = draftToRule({ ...draft, sample: draft.sample || ' ' }, draft.id ?? 'custom.preview');
  const v = validatePack(buildCustomPack([rule]), CUSTOM_PACK_FILE);
  if (!v.ok) return { errors: v.errors.filter((e) => !e.field.startsWith('tests')), matches: [] };
  try {
    const g = compilePacks([v.pack]);
    const r = checkText(g, draft.sample, { accountType: 'official', modes: [] }, { budgetMs: Infinity });
    return { errors: [], matches: r.findings.map((f) => f.match) };
  } catch (e) {
    return { errors: [{ file: CUSTOM_PACK_FILE, field: 'pattern', message: e instanceof Error ? e.message : String(e) }], matches: [] };
  }
}

export type SaveResult = { ok: true; imported: StoredPack[]; id: string } | { ok: false; errors: PackError[] };

/**
 * The imported-packs list with the draft saved into `user.custom` (added, or
 * replacing the rule with the same id). The whole pack is loaded with its
 * embedded tests first; on any error nothing is returned to store.
 */
export function saveCustomRule(imported: readonly StoredPack[], draft: CustomRuleDraft, now = new Date()): SaveResult {
  const existing = customRules(imported);
  const id = draft.id ?? nextId(existing);
  const rule = draftToRule(draft, id);
  const rules = existing.some((r) => r.id === id) ? existing.map((r) => (r.id === id ? rule : r)) : [...existing, rule];
  return storeRules(imported, rules, now, id);
}

export function deleteCustomRule(imported: readonly StoredPack[], id: string, now = new Date()): SaveResult {
  return storeRules(imported, customRules(imported).filter((r) => r.id !== id), now, id);
}

function storeRules(imported: readonly StoredPack[], rules: Record<string, unknown>[], now: Date, id: string): SaveResult {
  const others = imported.filter((p) => (p.json as { id?: unknown } | null)?.id !== CUSTOM_PACK_ID);
  if (rules.length === 0) return { ok: true, imported: others, id };
  const pack = buildCustomPack(rules);
  const r = loadPack(pack, CUSTOM_PACK_FILE);
  if (!r.ok) return { ok: false, errors: r.errors };
  const previous = imported.find((p) => (p.json as { id?: unknown } | null)?.id === CUSTOM_PACK_ID);
  const entry: StoredPack = { fileName: CUSTOM_PACK_FILE, json: pack, enabled: previous?.enabled ?? true, importedAt: now.toISOString() };
  return { ok: true, imported: previous ? imported.map((p) => (p === previous ? entry : p)) : [...imported, entry], id };
}

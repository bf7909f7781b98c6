/**
 * Pack validation, embedded-test runner and loader. Every error names the
 * file, the rule id (when there is one) and the field, in words a pack author
 * who is not a programmer can act on.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { PackSchema, type Pack, type Rule } from './schema';
import { ruleTypeOf } from '@/lib/engine/rules';
import { compilePacks, CompileError, type CompiledGuidelines } from '@/lib/engine/compile';
import { checkText } from '@/lib/engine/check';
import { applyFix } from '@/lib/engine/fix';
import { foldTerm } from '@/lib/engine/normalize';
import type { CheckContext, Mode } from '@/lib/engine/types';
import { boundErrors, checkJsonText, checkPackValue, listNames, type JsonFileKind } from './limits';
import { checkTables } from '@/lib/entities/validate';

export interface PackError {
  file: string;
  ruleId?: string;
  /** Dotted path inside the rule (or the pack when there is no rule), e.g. "tests.flag[0]". */
  field: string;
  message: string;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

/** "file: message", for logs and the options page. */
export function formatPackError(e: PackError): string {
  return `${e.file}: ${e.message}`;
}

type Path = ReadonlyArray<PropertyKey>;

function fieldName(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 60 ? value.slice(0, 57) + '…' : value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object (with named fields)',
};

function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

/** Who the error is about: a rule (by id), an entity, a source, or the pack. */
function subject(json: unknown, path: Path): { ruleId?: string; prefix: string; rest: Path } {
  const [head, index, ...rest] = path;
  if (typeof index === 'number' && (head === 'rules' || head === 'entities' || head === 'sources')) {
    const id = valueAt(json, [head, index, 'id']);
    const label = head === 'rules' ? 'Rule' : head === 'entities' ? 'Entity' : 'Source';
    const name = typeof id === 'string' && id ? `"${id}"` : `number ${index + 1}`;
    return head === 'rules' && typeof id === 'string' && id
      ? { ruleId: id, prefix: `${label} ${name}`, rest }
      : { prefix: `${label} ${name}`, rest };
  }
  return { prefix: 'Pack', rest: path };
}

function issueText(issue: $ZodIssue, json: unknown): string {
  const found = valueAt(json, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? 'is missing' : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected} (found ${describe(found)})`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])} (found ${describe(found)})`
        : `must be one of ${issue.values.map(String).join(', ')} (found ${describe(found)})`;
    case 'invalid_union':
      if ('discriminator' in issue && Array.isArray((issue as { options?: unknown[] }).options)) {
        const opts = (issue as { options: unknown[] }).options.map(String).join(', ');
        return found === undefined ? `is missing (use one of ${opts})` : `must be one of ${opts} (found ${describe(found)})`;
      }
      return `is not valid (found ${describe(found)})`;
    case 'too_small':
      if (issue.origin === 'array') return issue.minimum === 1 ? 'needs at least one entry' : `needs at least ${issue.minimum} entries`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${issue.minimum} (found ${describe(found)})`;
    case 'too_big':
      return `must be at most ${issue.maximum} (found ${describe(found)})`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see docs/pack-format.md)`;
    case 'invalid_format':
      return issue.format === 'url' ? `must be a full web address starting with https:// (found ${describe(found)})` : `${issue.message} (found ${describe(found)})`;
    default:
      return issue.message;
  }
}

/**
 * Keys starting with "$" or "_" are comments for authors and ignored. Iterative (an explicit
 * stack), so no nesting can overflow the call stack.
 */
function stripComments(v: unknown): unknown {
  const copy = (x: unknown): unknown => (x === null || typeof x !== 'object' ? x : Array.isArray(x) ? new Array<unknown>(x.length) : {});
  const root = copy(v);
  const stack: Array<[from: unknown, to: unknown]> = [[v, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    if (Array.isArray(from)) {
      const out = to as unknown[];
      from.forEach((x, i) => {
        out[i] = copy(x);
        if (out[i] !== x) stack.push([x, out[i]]);
      });
    } else if (from !== null && typeof from === 'object') {
      const out = to as Record<string, unknown>;
      for (const [k, x] of Object.entries(from)) {
        if (k.startsWith('$') || k.startsWith('_')) continue;
        out[k] = copy(x);
        if (out[k] !== x) stack.push([x, out[k]]);
      }
    }
  }
  return root;
}

/** Checks that need the whole pack (references, per-type requirements, regex safety). */
function crossCheck(pack: Pack, file: string): PackError[] {
  const errors: PackError[] = [];
  const err = (rule: Rule | undefined, field: string, what: string) =>
    errors.push(rule
      ? { file, ruleId: rule.id, field, message: `Rule "${rule.id}": field "${field}" ${what}` }
      : { file, field, message: `Pack: field "${field}" ${what}` });

  const dupes = <T>(items: T[], key: (t: T) => string, label: string, field: string) => {
    const seen = new Set<string>();
    items.forEach((t, i) => {
      const k = key(t);
      if (seen.has(k)) err(undefined, `${field}[${i}].id`, `repeats the ${label} id "${k}"; each ${label} needs its own id.`);
      seen.add(k);
    });
  };
  dupes(pack.rules, (r) => r.id, 'rule', 'rules');
  dupes(pack.sources, (s) => s.id, 'source', 'sources');
  dupes(pack.entities ?? [], (e) => e.id, 'entity', 'entities');

  const sourceIds = new Set(pack.sources.map((s) => s.id));
  const knownSources = listNames([...sourceIds]) || 'none';
  const entityIds = new Set((pack.entities ?? []).map((e) => e.id));
  for (const p of checkTables(pack.tables, sourceIds)) errors.push({ file, field: p.field, message: p.message });
  const isEmptyTerm = (t: string) => foldTerm(t).length === 0;

  for (const rule of pack.rules) {
    rule.sources.forEach((s, i) => {
      if (!sourceIds.has(s.ref)) err(rule, `sources[${i}].ref`, `refers to source "${s.ref}", which is not in the pack's "sources" list (known: ${knownSources}).`);
    });
    const def = ruleTypeOf(rule);
    if (def.output !== 'prompt' && rule.tests.flag.length === 0) {
      err(rule, 'tests.flag', 'needs at least one example text the rule must flag.');
    }
    if (rule.fix?.action === 'replace' && !rule.fix.with && !def.ownFix?.(rule)) {
      err(rule, 'fix.with', 'is missing: a "replace" fix needs at least one replacement text.');
    }
    def.validate?.(rule, (field, what) => err(rule, field, what), { entityIds });
    const lists: Array<[string, readonly string[] | undefined]> = [['exceptions', rule.exceptions], ...(def.phrases?.(rule) ?? [])];
    for (const [field, list] of lists) {
      list?.forEach((t, i) => {
        if (isEmptyTerm(t)) err(rule, `${field}[${i}]`, 'is empty once spaces and invisible characters are removed.');
      });
    }
  }
  return errors;
}

/**
 * Validate the shape and cross-references of a pack (does not run its tests). The limits
 * (lib/packs/limits.ts) come first; the errors returned are bounded.
 */
export function validatePack(json: unknown, fileName: string): PackResult {
  const limit = checkPackValue(json, fileName);
  if (limit) return { ok: false, errors: [limit] };
  const r = validateShape(json, fileName);
  return r.ok ? r : { ok: false, errors: boundErrors(r.errors) };
}

function validateShape(json: unknown, fileName: string): PackResult {
  const input = stripComments(json);
  const parsed = PackSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue): PackError => {
      const { ruleId, prefix, rest } = subject(input, issue.path);
      const text = issueText(issue, input);
      // Inside a rule the field is relative to the rule; elsewhere it is the full path.
      const fieldPath = ruleId ? rest : issue.path;
      let field = fieldName(fieldPath);
      let message: string;
      if (issue.code === 'unrecognized_keys') {
        // Name the unknown key itself, e.g. field "severty".
        field = fieldName([...fieldPath, issue.keys[0]!]);
        message = `${prefix}${rest.length ? ` (in "${fieldName(rest)}")` : ''} ${text}.`;
      } else if (rest.length === 0 && prefix === 'Pack') {
        field = '(whole file)';
        message = `Pack: the file must contain one JSON object (found ${describe(input)}).`;
      } else {
        message = `${prefix}: field "${fieldName(rest) || '(whole entry)'}" ${text}.`;
      }
      return ruleId ? { file: fileName, ruleId, field, message } : { file: fileName, field, message };
    });
    return { ok: false, errors };
  }
  const errors = crossCheck(parsed.data, fileName);
  return errors.length ? { ok: false, errors } : { ok: true, pack: parsed.data };
}

function contextFor(rule: Rule): CheckContext {
  const platform = rule.scope?.platforms?.find((p) => p !== '*');
  const ctx: CheckContext = {
    accountType: rule.scope?.accounts?.[0] ?? 'official',
    modes: (rule.scope?.modes ?? []) as Mode[],
  };
  if (platform) ctx.platform = platform;
  return ctx;
}

const quote = (t: string) => `"${t.length > 80 ? t.slice(0, 77) + '…' : t}"`;

/** Run every rule's embedded flag/allow/fix tests against the pack compiled on its own. */
export function runPackTests(pack: Pack, fileName = `${pack.id}.json`, compiled?: CompiledGuidelines): PackError[] {
  let g: CompiledGuidelines;
  try {
    g = compiled ?? compilePacks([pack]);
  } catch (e) {
    return [compileErrorToPackError(e, fileName)];
  }
  const errors: PackError[] = [];
  for (const rule of pack.rules) {
    // Only this rule is evaluated: testing stays linear in the size of the pack.
    const noBudget = { budgetMs: Infinity, onlyRule: rule.id };
    const ctx = contextFor(rule);
    const fail = (field: string, msg: string) =>
      errors.push({ file: fileName, ruleId: rule.id, field, message: `Rule "${rule.id}": test "${field}" failed: ${msg}` });
    const fires = (text: string): boolean => {
      const r = checkText(g, text, ctx, noBudget);
      return ruleTypeOf(rule).output === 'prompt'
        ? r.checklistPrompts.some((p) => p.ruleId === rule.id)
        : r.findings.some((f) => f.ruleId === rule.id);
    };
    rule.tests.flag.forEach((t, i) => {
      if (!fires(t)) fail(`tests.flag[${i}]`, `the text ${quote(t)} should be flagged but was not.`);
    });
    (rule.tests.allow ?? []).forEach((t, i) => {
      if (fires(t)) fail(`tests.allow[${i}]`, `the text ${quote(t)} should be allowed but was flagged.`);
    });
    (rule.tests.fix ?? []).forEach(({ input, output }, i) => {
      const finding = checkText(g, input, ctx, noBudget).findings.find((f) => f.ruleId === rule.id);
      const fix = finding?.fixes[0];
      if (!finding) fail(`tests.fix[${i}]`, `the text ${quote(input)} should be flagged (to test its fix) but was not.`);
      else if (!fix) fail(`tests.fix[${i}]`, `the rule flagged ${quote(input)} but offers no fix.`);
      else {
        const got = applyFix(input, fix);
        if (got !== output) fail(`tests.fix[${i}]`, `fixing ${quote(input)} gave ${quote(got)}, expected ${quote(output)}.`);
      }
    });
  }
  return errors;
}

function compileErrorToPackError(e: unknown, file: string): PackError {
  if (e instanceof CompileError) {
    const message = e.ruleId ? `Rule "${e.ruleId}": field "${e.field}" ${e.message}.` : `Pack: ${e.message}.`;
    return e.ruleId ? { file, ruleId: e.ruleId, field: e.field, message } : { file, field: e.field, message };
  }
  return { file, field: '(whole file)', message: `Pack could not be prepared: ${e instanceof Error ? e.message : String(e)}.` };
}

/** Validate, compile (patterns included) and run the embedded tests. A pack whose tests fail is refused. */
export function loadPack(json: unknown, fileName: string): PackResult {
  const v = validatePack(json, fileName);
  if (!v.ok) return v;
  let g: CompiledGuidelines;
  try {
    g = compilePacks([v.pack]);
  } catch (e) {
    return { ok: false, errors: [compileErrorToPackError(e, fileName)] };
  }
  const errors = runPackTests(v.pack, fileName, g);
  return errors.length ? { ok: false, errors: boundErrors(errors) } : v;
}

/**
 * Parse a pack file's (or settings file's) text; invalid JSON gives an error naming the file, line
 * and column. Size and nesting limits are checked first, before JSON.parse sees the text.
 */
export function parsePackFile(
  text: string,
  fileName: string,
  kind: JsonFileKind = 'pack',
): { ok: true; json: unknown } | { ok: false; errors: PackError[] } {
  const limit = checkJsonText(text, fileName, kind);
  if (limit) return { ok: false, errors: [limit] };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, json: JSON.parse(src) as unknown };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(raw)?.[1] ?? jsonErrorOffset(src);
    let where = '';
    if (pos !== undefined) {
      const before = src.slice(0, Number(pos));
      const line = before.split('\n').length;
      const column = Number(pos) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    } else if (src.trim() === '') where = ': the file is empty';
    return {
      ok: false,
      errors: [{ file: fileName, field: '(whole file)', message: `File "${fileName}" is not valid JSON${where} (${raw}). Check for a missing comma, quote or bracket.` }],
    };
  }
}

/**
 * Offset of the first JSON syntax error (Node 20's JSON.parse messages do not
 * always give one). A minimal recursive-descent scan; only runs on bad input.
 */
function jsonErrorOffset(src: string): number | undefined {
  let i = 0;
  const ws = () => { while (i < src.length && ' \t\r\n'.includes(src[i]!)) i++; };
  const fail = (): never => { throw i; };
  const str = () => {
    i++;
    while (i < src.length && src[i] !== '"') {
      if (src[i] === '\\') i++;
      else if (src.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= src.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = src[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++; ws();
      if (src[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') { ws(); if (src[i] !== '"') fail(); str(); ws(); if (src[i] !== ':') fail(); i++; }
        value(); ws();
        if (src[i] === ',') { i++; continue; }
        if (src[i] === close) { i++; return; }
        fail();
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(src.slice(i, i + 64));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value(); ws();
    return i < src.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? at : undefined;
  }
}

/** Rule ids (and pack ids) used more than once across loaded packs. */
export function findDuplicateRuleIds(packs: ReadonlyArray<{ pack: Pack; fileName?: string }> | readonly Pack[]): PackError[] {
  const entries = (packs as ReadonlyArray<Pack | { pack: Pack; fileName?: string }>).map((p) =>
    'pack' in p ? { pack: p.pack, file: p.fileName ?? `${p.pack.id}.json` } : { pack: p, file: `${p.id}.json` });
  const errors: PackError[] = [];
  const packSeen = new Map<string, string>();
  const ruleSeen = new Map<string, { packId: string; file: string }>();
  for (const { pack, file } of entries) {
    const prevPack = packSeen.get(pack.id);
    if (prevPack !== undefined) {
      errors.push({ file, field: 'id', message: `Pack id "${pack.id}" is also used by ${prevPack}; each pack needs its own id.` });
    } else packSeen.set(pack.id, file);
    pack.rules.forEach((rule, i) => {
      const prev = ruleSeen.get(rule.id);
      if (prev && prev.packId !== pack.id) {
        errors.push({
          file, ruleId: rule.id, field: `rules[${i}].id`,
          message: `Rule "${rule.id}" in pack "${pack.id}" has the same id as a rule in pack "${prev.packId}" (${prev.file}); rule ids must be unique across all packs.`,
        });
      } else if (!prev) ruleSeen.set(rule.id, { packId: pack.id, file });
    });
  }
  return errors;
}

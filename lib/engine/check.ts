/**
 * checkText and the incremental checker share one pipeline: chunk analysis
 * (cacheable per chunk text) → post-level document → rule evaluation →
 * sorted findings with stable keys. The incremental checker only swaps in a
 * persistent chunk cache, so its results are the same by construction.
 */
import { analyzeChunk, Doc, now, splitChunks, type ChunkRecord, type PlacedChunk } from './document';
import { foldTerm } from './normalize';
import { fillLocalized } from './localize';
import { SCRIPT_ANY } from './structure';
import type { CompiledGuidelines } from './compile';
import type { Emit, RuleBase, Sink } from './internal';
import type { CheckContext, CheckOptions, CheckResult, ChecklistPrompt, Finding, Range } from './types';

export const DEFAULT_BUDGET_MS = 50;
/** Drafts up to this length are checked in full whatever the budget (the longest platform post is ~3,000). */
export const ALWAYS_COMPLETE_CHARS = 3000;
/** More findings than this are not useful to show and would slow the page: stop and mark truncated. */
export const MAX_FINDINGS = 2000;
const MAX_KEY_BASIS = 80;

const SEVERITY_RANK = { error: 0, warning: 1, suggestion: 2 } as const;

function isActive(base: RuleBase, ctx: CheckContext, scripts: number): boolean {
  if (base.scripts !== SCRIPT_ANY && (base.scripts & scripts) === 0) return false;
  if (base.platforms && !(ctx.platform && base.platforms.has(ctx.platform))) return false;
  if (base.accounts && !base.accounts.has(ctx.accountType)) return false;
  if (base.modes && !ctx.modes.some((m) => base.modes!.has(m))) return false;
  return true;
}

export interface ChunkCache {
  get(text: string): ChunkRecord | undefined;
  set(text: string, rec: ChunkRecord): void;
}

interface Raw extends Emit {
  base: RuleBase;
}

export function runCheck(
  g: CompiledGuidelines,
  text: string,
  ctx: CheckContext,
  opts: CheckOptions | undefined,
  cache: ChunkCache | undefined,
): CheckResult {
  // One-time compilation left for idle time is not checking work: finish it before the clock
  // starts, or a check right after loading would run out of budget and miss findings.
  g.prepareAll();
  const t0 = now();
  // A post-sized draft is always checked in full: the first check after loading builds the
  // automata's states and can overrun the budget on a busy machine, and a missed security finding
  // costs more than a few ms once. The budget bounds long documents (linear work, see bench).
  const deadline = text.length <= ALWAYS_COMPLETE_CHARS ? Infinity : t0 + (opts?.budgetMs ?? DEFAULT_BUDGET_MS);
  const memo: ChunkCache = cache ?? new Map<string, ChunkRecord>();
  const chunks = splitChunks(text);
  // Ordinary lines first, pieces of over-long lines last: a pasted run of data without spaces
  // must not use up the budget before the prose after it is read.
  const ranges = [...chunks.filter((r) => !r.cut), ...chunks.filter((r) => r.cut)];
  const placed: PlacedChunk[] = [];
  let truncated = false;
  let uncheckedChars = 0;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    const s = text.slice(r.start, r.end);
    let rec = memo.get(s);
    if (!rec) {
      rec = analyzeChunk(g.terms, s);
      memo.set(s, rec);
    }
    placed.push({ offset: r.start, rec });
    if (i < ranges.length - 1 && now() > deadline) {
      truncated = true;
      for (let j = i + 1; j < ranges.length; j++) uncheckedChars += ranges[j]!.end - ranges[j]!.start;
      break;
    }
  }
  if (ranges[ranges.length - 1]?.cut) placed.sort((a, b) => a.offset - b.offset);
  const doc = new Doc(text, placed, g.vocab, deadline, truncated);

  const raws: Raw[] = [];
  const prompts: ChecklistPrompt[] = [];
  const sink: Sink = {
    finding(base, e) {
      raws.push({ ...e, base });
    },
    prompt(base, prompt, template, range) {
      const p: ChecklistPrompt = { ruleId: base.id, packId: base.packId, prompt, range: { start: range.start, end: range.end } };
      if (template !== undefined) p.template = template;
      prompts.push(p);
    },
  };
  const rules = opts?.onlyRule === undefined ? g.compiled : (rulesById(g).get(opts.onlyRule) ?? []);
  const open = g.gate.open(doc);
  for (const { base, evaluate } of rules) {
    if (open[base.index] === 1 && isActive(base, ctx, doc.scripts)) evaluate(doc, sink);
  }

  const findings = buildFindings(text, dropContained(raws), ctx.ignored);
  if (findings.length > MAX_FINDINGS) {
    findings.length = MAX_FINDINGS;
    doc.truncated = true;
  }
  prompts.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { findings, checklistPrompts: prompts, truncated: doc.truncated, uncheckedChars };
}

const byId = new WeakMap<CompiledGuidelines, Map<string, CompiledGuidelines['compiled']>>();
function rulesById(g: CompiledGuidelines): Map<string, CompiledGuidelines['compiled']> {
  let map = byId.get(g);
  if (!map) {
    map = new Map();
    for (const c of g.compiled) map.set(c.base.id, [...(map.get(c.base.id) ?? []), c]);
    byId.set(g, map);
  }
  return map;
}

/** Within one rule, a hit inside another hit (or a duplicate) is dropped: "TOP SECRET" wins over "SECRET". */
function dropContained(raws: Raw[]): Raw[] {
  raws.sort(
    (a, b) => a.base.index - b.base.index || a.range.start - b.range.start || b.range.end - a.range.end,
  );
  const out: Raw[] = [];
  let rule = -1;
  let maxEnd = -1;
  for (const r of raws) {
    if (r.base.index !== rule) {
      rule = r.base.index;
      maxEnd = -1;
    }
    if (r.range.end <= maxEnd) continue;
    maxEnd = r.range.end;
    out.push(r);
  }
  return out;
}

function buildFindings(text: string, raws: Raw[], ignored: ReadonlySet<string> | undefined): Finding[] {
  raws.sort(
    (a, b) =>
      a.range.start - b.range.start ||
      a.range.end - b.range.end ||
      SEVERITY_RANK[a.base.severity] - SEVERITY_RANK[b.base.severity] ||
      a.base.index - b.base.index,
  );
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const r of raws) {
    const range: Range = { start: r.range.start, end: r.range.end };
    const match = text.slice(range.start, range.end);
    const basis = r.keyBasis ?? foldTerm(match.length > MAX_KEY_BASIS ? match.slice(0, MAX_KEY_BASIS) : match);
    const stem = `${r.base.id}|${basis}`;
    const n = seen.get(stem) ?? 0;
    seen.set(stem, n + 1);
    const key = `${stem}|${n}`;
    if (ignored?.has(key)) continue;
    const vars = { match, ...r.vars };
    out.push({
      key,
      ruleId: r.base.id,
      packId: r.base.packId,
      severity: r.base.severity,
      category: r.base.category,
      range,
      match,
      message: fillLocalized(r.base.message, vars),
      explanation: fillLocalized(r.explanation ?? r.base.explanation, vars),
      sources: r.sources ?? r.base.sources,
      fixes: (r.fixes ?? []).map((f) => ({ label: f.label, replacement: f.replacement, range: { start: f.range.start, end: f.range.end } })),
    });
  }
  return out;
}

/** Check a draft against compiled guidelines. */
export function checkText(g: CompiledGuidelines, text: string, ctx: CheckContext, opts?: CheckOptions): CheckResult {
  return runCheck(g, text, ctx, opts, undefined);
}

/**
 * A checker that re-analyses only changed chunks (lines) between calls; the
 * post-level rules (counts, consistency, first reference) are re-evaluated on
 * every call, which is cheap. Results equal checkText's for the same input
 * whenever neither run hit the time budget.
 */
export function createIncrementalChecker(
  g: CompiledGuidelines,
  opts?: CheckOptions,
): { check(text: string, ctx: CheckContext): CheckResult } {
  let cache = new Map<string, ChunkRecord>();
  return {
    check(text, ctx) {
      // Carry over only the chunks of the current text: memory stays proportional to the draft.
      const next = new Map<string, ChunkRecord>();
      const result = runCheck(g, text, ctx, opts, {
        get: (k) => {
          const rec = cache.get(k) ?? next.get(k);
          if (rec) next.set(k, rec);
          return rec;
        },
        set: (k, v) => void next.set(k, v),
      });
      cache = next;
      return result;
    },
  };
}

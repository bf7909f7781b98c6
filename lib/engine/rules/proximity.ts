/**
 * `proximity`: a structure, not a word list. Every group in `all` (listed terms or an RE2 pattern)
 * must occur near an occurrence of the first group (the anchor) — in the same sentence, or within
 * the whole post — and no group of `unless` may occur in the `unlessWithin` window. One finding per
 * anchor, spanning the anchor and the nearest hit of each other group, so "motorcade + leaves +
 * 7 am + a boulevard" or "the opposition + has nothing to offer" are caught in any word order and
 * with any wording the groups allow, while each group alone stays quiet.
 */
import { z } from 'zod';
import { ruleFixes } from '../fix';
import { checkPattern, findAll, type PatternBank } from '../safe-regex';
import { commonRuleFields, literalFields, phraseList, text } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import { gated, type RuleBase, type CompileEnv, type RuleNeeds } from '../internal';
import { normalisedPossible } from '../gate';
import type { ChunkRecord, Doc } from '../document';
import type { Range } from '../types';

/** One group: listed terms, an RE2 pattern, or both (either may match). */
const groupSchema = z.strictObject({ terms: phraseList.min(1).optional(), pattern: text.optional() });
// Windows are names, not character counts: Chromium's policy filtering keeps one JSON type per field.
const windowSchema = z.enum(['sentence', 'post']);
const schema = z.strictObject({
  ...commonRuleFields, ...literalFields, type: z.literal('proximity'),
  all: z.array(groupSchema).min(1).max(4),
  within: windowSchema.optional(),
  unless: z.array(groupSchema).min(1).max(4).optional(),
  unlessWithin: windowSchema.optional(),
});
type Group = z.infer<typeof groupSchema>;
type Window = 'post' | 'sentence' | number;

/** Anchors examined per check: bounded for hostile input, far above any real post. */
const MAX_ANCHORS = 200;
const MAX_MATCHES_PER_CHUNK = 200;

/**
 * Group patterns run on each chunk's normalised text (zero-width spaces removed, spaces between
 * Khmer words dropped, space runs collapsed, typographic apostrophes and dashes folded), so one
 * pattern covers Khmer written with or without spaces or U+200B; matches map back to original
 * offsets. Memoised per chunk like pattern rules.
 */
function normalizedPatternHits(doc: Doc, bank: PatternBank, id: number, key: number): Range[] {
  const out: Range[] = [];
  for (const { offset, rec } of doc.chunks) {
    let ranges = rec.patterns.get(key);
    if (!ranges) {
      if (doc.overBudget()) {
        doc.truncated = true;
        return out;
      }
      const norm = rec.normalized;
      const re = mayMatchIn(rec, bank, id) ? bank.regex(id) : null;
      ranges = re ? findAll(re, norm.norm, MAX_MATCHES_PER_CHUNK).map((r) => trimSpaces(norm.norm, r)).map((r) => ({ start: norm.start[r.start]!, end: norm.end[r.end - 1]! })) : [];
      rec.patterns.set(key, ranges);
    }
    for (const r of ranges) out.push({ start: r.start + offset, end: r.end + offset });
  }
  return out;
}

/**
 * A match without the spaces at its ends. Word-boundary classes such as `(?:^|[ .,…])` consume the
 * space before or after a word; two groups meeting at one space ("ces gens-là ne … jamais") would
 * otherwise share it and count as the same words.
 */
function trimSpaces(norm: string, r: Range): Range {
  let { start, end } = r;
  while (end - start > 1 && norm.charCodeAt(start) === 0x20) start++;
  while (end - start > 1 && norm.charCodeAt(end - 1) === 0x20) end--;
  return { start, end };
}

/** False when pattern `id` cannot match in the normalised chunk (it lacks the literals the pattern requires). */
function mayMatchIn(rec: ChunkRecord, bank: PatternBank, id: number): boolean {
  return normalisedPossible(rec, bank)[id] === 1;
}

/**
 * False when a pattern cannot match anywhere in the document (checked without running its
 * matcher). Over the time budget it answers true: locating the hits then stops at once and marks
 * the check truncated, rather than scanning a long document's remaining chunks here.
 */
function patternPossible(doc: Doc, bank: PatternBank, id: number): boolean {
  for (const { rec } of doc.chunks) {
    if (rec.normalizedPossiblePatterns === undefined && doc.overBudget()) return true;
    if (mayMatchIn(rec, bank, id)) return true;
  }
  return false;
}
/** Memo keys for this rule's patterns must not collide with pattern rules (which use their index ≥ 0). */
const memoKey = (base: RuleBase, group: number): number => -(base.index * 16 + group + 1);

interface CompiledGroup {
  (doc: Doc): Range[];
  /** Cheap test: false only when the group certainly has no hit (none of its terms occurs and its pattern lacks its literals). */
  possible(doc: Doc): boolean;
  /** What the group needs to have a hit (a term of its own, or its pattern possible). */
  needs: RuleNeeds;
}

function compileGroup(group: Group, base: RuleBase, env: CompileEnv, key: number, raw: boolean): CompiledGroup {
  const refs = (group.terms ?? []).map((t) => env.terms.ref(t, base));
  const bank = env.normalisedPatterns;
  const pattern = group.pattern === undefined ? null : bank.add(group.pattern, base.caseSensitive);
  // Terms first (a lookup in the chunk's term index), then the pattern's literals.
  const possible = (doc: Doc) => (refs.length > 0 && doc.hasAny(refs)) || (pattern === null ? refs.length === 0 : patternPossible(doc, bank, pattern));
  const hits = (doc: Doc) => {
    const out: Range[] = [];
    for (const ref of refs) out.push(...doc.hits(base, ref, raw));
    if (pattern !== null) {
      for (const r of normalizedPatternHits(doc, bank, pattern, key)) if (raw || !doc.suppressed(base, r)) out.push(r);
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  };
  return Object.assign(hits, { possible, needs: { terms: refs, normalisedPatterns: pattern === null ? [] : [pattern] } });
}

/** The gap in characters between two ranges (0 when they touch or overlap). */
const gap = (a: Range, b: Range): number => Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));

function near(doc: Doc, anchor: Range, hit: Range, within: Window): boolean {
  if (within === 'post') return true;
  if (within === 'sentence') return doc.sentenceOf(anchor.start) === doc.sentenceOf(hit.start);
  return gap(anchor, hit) <= within;
}

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const within: Window = rule.within ?? 'sentence';
  const unlessWithin: Window = rule.unlessWithin ?? within;
  // Term-only groups are a lookup in the chunk's term index: asked first, so a rule whose listed
  // words are absent never asks for a pattern's literals.
  const termOnly = rule.all.map((g) => g.pattern === undefined);
  const groups = rule.all.map((g, i) => compileGroup(g, base, env, memoKey(base, i), false));
  const cheapFirst = [...groups.filter((_, i) => termOnly[i]), ...groups.filter((_, i) => !termOnly[i])];
  const unless = (rule.unless ?? []).map((g, i) => compileGroup(g, base, env, memoKey(base, 8 + i), true));

  // Every group must have a hit, so the gate may open the rule on any one of them: a term-only
  // group if there is one (a term lookup), and a group after the anchor before the anchor (the
  // anchor is often the broadest: any government, leader or people).
  const byPreference = [...groups.slice(1), groups[0]!];
  const gate = byPreference.find((g) => g.needs.normalisedPatterns!.length === 0) ?? byPreference[0]!;
  return gated((doc, sink) => {
    for (const g of cheapFirst) if (!g.possible(doc)) return;
    // The other groups first: the anchor group is often the broadest pattern (any government,
    // leader or people), the costliest to locate, and pointless to locate when a group is absent.
    const others: Range[][] = [];
    for (let g = 1; g < groups.length; g++) {
      const hits = groups[g]!(doc);
      if (hits.length === 0) return;
      others.push(hits);
    }
    const anchors = groups[0]!(doc);
    if (anchors.length === 0) return;
    let blockers: Range[] | undefined;
    for (const anchor of anchors.slice(0, MAX_ANCHORS)) {
      let start = anchor.start;
      let end = anchor.end;
      let complete = true;
      for (const hits of others) {
        let best: Range | null = null;
        for (const h of hits) {
          if (h.start < anchor.end && h.end > anchor.start) continue; // the same words cannot fill two groups
          if (near(doc, anchor, h, within) && (!best || gap(anchor, h) < gap(anchor, best))) best = h;
        }
        if (!best) {
          complete = false;
          break;
        }
        start = Math.min(start, best.start);
        end = Math.max(end, best.end);
      }
      if (!complete) continue;
      const span = { start, end };
      blockers ??= unless.flatMap((u) => u(doc));
      if (blockers.some((b) => near(doc, anchor, b, unlessWithin) || near(doc, span, b, unlessWithin))) continue;
      sink.finding(base, { range: span, fixes: ruleFixes(base, doc.text, span) });
    }
  }, gate.needs);
};

const groupsOf = (rule: z.infer<typeof schema>): Array<[string, Group]> => [
  ...rule.all.map((g, i) => [`all[${i}]`, g] as [string, Group]),
  ...(rule.unless ?? []).map((g, i) => [`unless[${i}]`, g] as [string, Group]),
];

export const proximity = defineRuleType({
  schema,
  compile,
  validate: (rule, err) => {
    for (const [field, g] of groupsOf(rule)) {
      if (!g.terms && g.pattern === undefined) err(field, 'needs "terms", "pattern" or both.');
      if (g.pattern !== undefined) {
        const problem = checkPattern(g.pattern, rule.caseSensitive ?? false);
        if (problem) err(`${field}.pattern`, problem);
      }
    }
  },
  phrases: (rule) => groupsOf(rule).map(([field, g]) => [`${field}.terms`, g.terms] as [string, readonly string[] | undefined]),
  searchTerms: (rule) => rule.all.flatMap((g) => g.terms ?? []),
  exampleVars: (rule) => ({ match: rule.all[0]?.terms?.[0] }),
});

/**
 * Approved glossary: official titles, ministry, organisation and treaty names in en/km/fr
 * (extendable to any BCP-47 language key).
 *
 * - Forcing: source terms become protected spans whose output is the approved target term
 *   (placeholders for text engines, no-translate markup for HTML engines).
 * - Checking: `checkGlossary()` flags translations that do not contain the approved rendering.
 */
import { z } from 'zod';
import defaultGlossaryJson from './glossary/default.json';
import { baseLanguage } from './languages';
import { findProtectedSpans, type SpanCandidate } from './protect';

export const glossaryTermSchema = z.object({
  id: z.string().min(1),
  category: z.string().optional(),
  /** `false` ⇒ draft entry, not yet confirmed by the authority (MFAIC protocol). */
  reviewed: z.boolean().default(false),
  note: z.string().optional(),
  /** Language → forms; the first form is the approved rendering, the others are accepted variants. */
  forms: z.record(z.string().min(2), z.array(z.string().min(1)).min(1)),
  /** Match source forms case-insensitively (default: case-sensitive, so "ambassador" ≠ "Ambassador"). */
  caseInsensitive: z.boolean().optional(),
});

export const glossarySchema = z.object({
  id: z.string().min(1),
  version: z.number().int().optional(),
  note: z.string().optional(),
  terms: z.array(glossaryTermSchema),
});

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type Glossary = z.infer<typeof glossarySchema>;

export function parseGlossary(data: unknown): Glossary {
  return glossarySchema.parse(data);
}

export const defaultGlossary: Glossary = parseGlossary(defaultGlossaryJson);

/** Combines glossaries; a later term with the same id replaces the earlier one. */
export function mergeGlossaries(...glossaries: Glossary[]): Glossary {
  const byId = new Map<string, GlossaryTerm>();
  for (const g of glossaries) for (const t of g.terms) byId.set(t.id, t);
  return { id: glossaries.map((g) => g.id).join('+'), terms: [...byId.values()] };
}

function formsFor(term: GlossaryTerm, lang: string): string[] | undefined {
  return term.forms[lang] ?? term.forms[baseLanguage(lang)];
}

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u;

/** Regex for a term form: flexible whitespace / ZWSP, either apostrophe, word boundaries for non-Khmer. */
function formRegex(form: string, caseInsensitive: boolean): RegExp {
  const khmer = KHMER.test(form);
  let src = '';
  const chars = [...form.trim()];
  chars.forEach((ch, i) => {
    if (/\s/u.test(ch)) src += khmer ? '[\\s\\u200B]*' : '[\\s\\u00A0]+';
    else if (ch === "'" || ch === '’') src += "['’]";
    else if (ch === '-' || ch === '‐' || ch === '‑') src += '[-‐‑]';
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (khmer && i < chars.length - 1 && !/\s/u.test(ch) && !/\s/u.test(chars[i + 1]!)) src += '\\u200B?';
  });
  if (!khmer) src = `(?<![\\p{L}\\p{N}\\p{M}])${src}(?![\\p{L}\\p{N}\\p{M}])`;
  return new RegExp(src, caseInsensitive ? 'giu' : 'gu');
}

export interface TermMatch {
  start: number;
  end: number;
  text: string;
  /** Terms that have this form in the language (usually one). */
  termIds: string[];
}

/** Non-overlapping occurrences of the glossary's `lang` forms in `text`; longest match wins. */
export function findTerms(
  text: string,
  glossary: Glossary,
  lang: string,
  opts: { caseInsensitive?: boolean; reviewedOnly?: boolean; onlyIds?: ReadonlySet<string> } = {},
): TermMatch[] {
  const raw: TermMatch[] = [];
  for (const term of glossary.terms) {
    if (opts.reviewedOnly && !term.reviewed) continue;
    if (opts.onlyIds && !opts.onlyIds.has(term.id)) continue;
    for (const form of formsFor(term, lang) ?? []) {
      const re = formRegex(form, opts.caseInsensitive ?? term.caseInsensitive ?? false);
      for (const m of text.matchAll(re)) {
        raw.push({ start: m.index, end: m.index + m[0].length, text: m[0], termIds: [term.id] });
      }
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermMatch[] = [];
  for (const m of raw) {
    const last = out[out.length - 1];
    if (last && last.start === m.start && last.end === m.end) {
      if (!last.termIds.includes(m.termIds[0]!)) last.termIds.push(m.termIds[0]!);
      continue;
    }
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

/** Removes matches that sit inside hashtags, mentions, URLs or e-mails (those are kept verbatim). */
function outsideEntities(text: string, matches: TermMatch[]): TermMatch[] {
  const entities = findProtectedSpans(text, { kinds: { glossary: false, number: false, emoji: false, entity: false } });
  // Both lists are sorted and each is non-overlapping: one merge-like walk instead of all pairs.
  let i = 0;
  return matches.filter((m) => {
    while (i < entities.length && entities[i]!.end <= m.start) i++;
    const e = entities[i];
    return !(e && e.start < m.end);
  });
}

/**
 * Glossary hits in the source as protected-span candidates whose output is the approved term
 * in `to`. Terms without a `to` rendering are not forced.
 */
export function glossarySpans(
  text: string,
  glossary: Glossary,
  from: string,
  to: string,
  opts: { reviewedOnly?: boolean } = {},
): SpanCandidate[] {
  const out: SpanCandidate[] = [];
  for (const m of findTerms(text, glossary, from, opts)) {
    const term = glossary.terms.find((t) => t.id === m.termIds[0]);
    const target = term ? formsFor(term, to)?.[0] : undefined;
    if (!term || !target) continue;
    out.push({ kind: 'glossary', start: m.start, end: m.end, text: m.text, output: target, termId: term.id });
  }
  return out;
}

export interface GlossaryIssue {
  termId: string;
  /** Term as written in the source. */
  sourceText: string;
  /** Approved rendering in the target language. */
  expected: string;
  /** How many times the source has it / the translation has an accepted rendering. */
  sourceCount: number;
  translationCount: number;
  /** The source form left untranslated in the translation, when that is what happened. */
  found?: string;
  reviewed: boolean;
}

/**
 * Flags glossary terms of the source whose approved target rendering is missing from the
 * translation (rendered differently, left untranslated, or dropped).
 */
export function checkGlossary(source: string, translation: string, from: string, to: string, glossary: Glossary): GlossaryIssue[] {
  const srcMatches = outsideEntities(source, findTerms(source, glossary, from));
  if (srcMatches.length === 0) return [];
  const demanded = new Map<string, { count: number; text: string }>();
  for (const m of srcMatches) {
    const id = m.termIds[0]!;
    const d = demanded.get(id) ?? { count: 0, text: m.text };
    d.count++;
    demanded.set(id, d);
  }
  const ids = new Set(demanded.keys());
  const tgtMatches = outsideEntities(translation, findTerms(translation, glossary, to, { caseInsensitive: true }));
  // Counted and looked up once, not once per demanded term (linear in the text).
  const gotById = new Map<string, number>();
  for (const m of tgtMatches) for (const id of m.termIds) gotById.set(id, (gotById.get(id) ?? 0) + 1);
  const termById = new Map<string, GlossaryTerm>();
  for (const t of glossary.terms) if (!termById.has(t.id)) termById.set(t.id, t);
  let leftovers: TermMatch[] | undefined;
  const issues: GlossaryIssue[] = [];
  for (const [id, d] of demanded) {
    const term = termById.get(id)!;
    const expected = formsFor(term, to)?.[0];
    if (!expected) continue;
    const got = gotById.get(id) ?? 0;
    if (got >= d.count) continue;
    const issue: GlossaryIssue = { termId: id, sourceText: d.text, expected, sourceCount: d.count, translationCount: got, reviewed: term.reviewed };
    leftovers ??= findTerms(translation, glossary, from, { caseInsensitive: true, onlyIds: ids });
    const leftover = leftovers.find((m) => m.termIds.includes(id));
    if (leftover && leftover.text !== expected) issue.found = leftover.text;
    issues.push(issue);
  }
  return issues;
}


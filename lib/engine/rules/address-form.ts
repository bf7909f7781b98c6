/**
 * `address-form`: a named dignitary needs an allowed title directly before
 * the first reference, and a forbidden title ("Mr." before a Samdech) is
 * never allowed directly before any reference (nor before the allowed title).
 */
import { z } from 'zod';
import { replaceLabel } from '../fix';
import { IntervalSet } from '../document';
import type { Occ, TermRef } from '../internal';
import type { Doc } from '../document';
import { commonRuleFields, text, type Entity } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import type { Range } from '../types';

/** Only whitespace or invisible characters between two ranges. */
const GAP_RE = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]*$/u;
const KHMER_RE = /[\u1780-\u17FF]/;

interface CompiledEntity {
  entity: Entity;
  names: TermRef[];
  titles: TermRef[];
  forbidden: TermRef[];
}

/** Longest gap (in UTF-16 units) of spaces/invisible characters allowed between a title and a name. */
const MAX_GAP = 16;

/** Hits sorted by end, for "which title ends just before this position" queries. */
function byEnd(hits: Occ[]): Occ[] {
  return hits.sort((a, b) => a.end - b.end || a.start - b.start);
}

/** The longest hit ending directly (only whitespace between) before `at`: binary search, then a short scan back. */
function directlyBefore(doc: Doc, sorted: readonly Occ[], at: number): Occ | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  let best: Occ | undefined;
  for (let j = lo - 1; j >= 0 && sorted[j]!.end >= at - MAX_GAP; j--) {
    const h = sorted[j]!;
    if (GAP_RE.test(doc.text.slice(h.end, at)) && (!best || h.start < best.start)) best = h;
  }
  return best;
}

/** The title to suggest: `preferred`, unless the name is in Khmer and a Khmer title exists (and vice versa). */
function suggestedTitle(e: Entity, name: string): string | undefined {
  const titles = e.titles ?? [];
  const preferred = e.preferred ?? titles[0];
  if (preferred === undefined) return undefined;
  const khmerName = KHMER_RE.test(name);
  if (KHMER_RE.test(preferred) === khmerName) return preferred;
  return titles.find((t) => KHMER_RE.test(t) === khmerName) ?? preferred;
}

const schema = z.strictObject({
  ...commonRuleFields, type: z.literal('address-form'), entities: z.array(text).min(1),
});

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const ids = rule.entities.includes('*') ? [...env.entities.keys()] : rule.entities;
  const opts = { caseSensitive: false, wholeWord: base.wholeWord };
  const entities: CompiledEntity[] = ids.map((id) => {
    const entity = env.entities.get(id);
    if (!entity) throw new Error(`unknown entity "${id}"`);
    return {
      entity,
      names: entity.names.map((t) => env.terms.ref(t, opts)),
      titles: (entity.titles ?? []).map((t) => env.terms.ref(t, opts)),
      forbidden: (entity.forbiddenTitles ?? []).map((t) => env.terms.ref(t, opts)),
    };
  });

  return (doc, sink) => {
    for (const ce of entities) {
      if (!doc.hasAny(ce.names)) continue;
      // A name inside a longer listed name ("Hun Sen" vs a longer variant) is one reference.
      const raw = ce.names.flatMap((r) => doc.hits(base, r)).sort((a, b) => a.start - b.start || b.end - a.end);
      const refs: Occ[] = [];
      let maxEnd = -1;
      for (const o of raw) if (o.end > maxEnd) { refs.push(o); maxEnd = o.end; }
      if (refs.length === 0) continue;
      // Titles inside a name occurrence are part of the name, not a title before it.
      const names = new IntervalSet(refs);
      const titles = byEnd(ce.titles.flatMap((r) => doc.hits(base, r, true)).filter((t) => !names.overlaps(t.start, t.end)));
      const forbidden = byEnd(ce.forbidden.flatMap((r) => doc.hits(base, r, true)).filter((t) => !names.overlaps(t.start, t.end)));

      refs.forEach((name, i) => {
        const nameText = doc.text.slice(name.start, name.end);
        const title = suggestedTitle(ce.entity, nameText);
        const allowed = directlyBefore(doc, titles, name.start);
        const bad = directlyBefore(doc, forbidden, allowed ? allowed.start : name.start);
        const vars = { name: nameText, suggestion: title ?? '', title: '' };
        if (bad) {
          const range: Range = { start: bad.start, end: name.end };
          vars.title = doc.text.slice(bad.start, bad.end);
          const kept = allowed ? doc.text.slice(allowed.start, name.end) : nameText;
          const replacement = allowed ? kept : title ? `${title} ${nameText}` : nameText;
          sink.finding(base, { range, vars, fixes: [{ label: replaceLabel(replacement), replacement, range }] });
        } else if (i === 0 && !allowed && ce.titles.length > 0) {
          const fixes = title
            ? [{ label: replaceLabel(`${title} ${nameText}`), replacement: `${title} ${nameText}`, range: { start: name.start, end: name.end } }]
            : [];
          sink.finding(base, { range: name, vars, fixes });
        }
      });
    }
  };
};

/** The entity the lookup uses to illustrate the rule: the first one named, else the pack's first. */
function exampleEntity(ids: readonly string[], entities: ReadonlyMap<string, Entity>): Entity | undefined {
  return entities.get(ids.find((e) => e !== '*') ?? '') ?? [...entities.values()][0];
}

export const addressForm = defineRuleType({
  schema,
  compile,
  ownFix: () => true,
  validate: (rule, err, env) => {
    rule.entities.forEach((id, i) => {
      if (id !== '*' && !env.entityIds.has(id)) err(`entities[${i}]`, `refers to entity "${id}", which is not in the pack's "entities" list.`);
    });
    if (rule.entities.includes('*') && env.entityIds.size === 0) err('entities', 'is ["*"] but the pack has no "entities" list.');
  },
  entityRefs: (rule) => rule.entities,
  searchTerms: (rule, entities) => {
    const ids = rule.entities.includes('*') ? [...entities.keys()] : rule.entities;
    return ids.flatMap((id) => entities.get(id)?.names ?? []);
  },
  exampleVars: (rule, entities) => {
    const entity = exampleEntity(rule.entities, entities);
    const fixText = rule.fix?.action === 'replace' ? rule.fix.with?.[0] : undefined;
    return { suggestion: fixText ?? entity?.preferred ?? entity?.titles?.[0], name: entity?.names[0] };
  },
});

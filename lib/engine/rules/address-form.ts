/**
 * `address-form`: a named dignitary needs an allowed title directly before
 * the first reference, and a forbidden title ("Mr." before a Samdech) is
 * never allowed directly before any reference (nor before the allowed title).
 */
import { z } from 'zod';
import { replaceLabel } from '../fix';
import { IntervalSet } from '../document';
import { gated, type Occ, type TermRef } from '../internal';
import type { Doc } from '../document';
import { commonRuleFields, text, type Entity } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import type { Range } from '../types';
import { closestForm, sentenceLanguage } from './official-name';
import type { TableLang } from '@/lib/entities/schema';
import type { MergedTables } from '@/lib/entities/merge';

/** Only whitespace or invisible characters between two ranges. */
const GAP_RE = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]*$/u;
/** Between a title and the office that follows it a comma may stand too ("Samdech Techo, President of the Senate, Hun Sen"). */
const TITLE_OFFICE_GAP_RE = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]*,?[\s\u200B-\u200D\u2060\uFEFF\u00AD]*$/u;
const KHMER_RE = /[\u1780-\u17FF]/;

interface CompiledEntity {
  entity: Entity;
  names: TermRef[];
  shortNames: TermRef[];
  titles: TermRef[];
  offices: TermRef[];
  forbidden: TermRef[];
}

/** Longest gap (in UTF-16 units) of spaces/invisible characters allowed between a title and a name. */
const MAX_GAP = 16;

/** Hits sorted by end, for "which title ends just before this position" queries. */
function byEnd(hits: Occ[]): Occ[] {
  return hits.sort((a, b) => a.end - b.end || a.start - b.start);
}

/** The longest hit ending directly (only whitespace between) before `at`: binary search, then a short scan back. */
function directlyBefore(doc: Doc, sorted: readonly Occ[], at: number, gap: RegExp = GAP_RE): Occ | undefined {
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
    if (gap.test(doc.text.slice(h.end, at)) && (!best || h.start < best.start)) best = h;
  }
  return best;
}

/**
 * The title to suggest: `preferredByLanguage` in the language of the sentence
 * the name stands in (Khmer by script, else English or French by function
 * words, the whole draft deciding a tie), else `preferred`, unless the name is
 * in Khmer and a Khmer title exists (and vice versa). A name in Latin letters
 * in a Khmer sentence takes the Khmer title ("ព្រះករុណា… Norodom Sihamoni"),
 * and so does a Khmer name in a Latin sentence (a Latin title before Khmer
 * letters reads wrong).
 */
function suggestedTitle(e: Entity, name: string, lang: () => TableLang): string | undefined {
  const khmerName = KHMER_RE.test(name);
  const byLang = e.preferredByLanguage;
  if (byLang) {
    const l = lang();
    if ((l === 'km' || khmerName) && byLang.km) return byLang.km;
    const t = l === 'km' ? undefined : byLang[l];
    if (t && KHMER_RE.test(t) === khmerName) return t;
  }
  const titles = e.titles ?? [];
  const preferred = e.preferred ?? titles[0];
  if (preferred === undefined) return undefined;
  if (KHMER_RE.test(preferred) === khmerName) return preferred;
  return titles.find((t) => KHMER_RE.test(t) === khmerName) ?? preferred;
}

/** The full name to put in place of a short one: the first listed name in the same script. */
function fullName(e: Entity, short: string): string {
  const khmer = KHMER_RE.test(short);
  return e.names.find((n) => KHMER_RE.test(n) === khmer) ?? e.names[0]!;
}

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Fix for a reference introduced by an office but no title: the office is
 * replaced when the suggested style already says it ("le roi" → "Sa Majesté
 * le Roi"), else the title goes between the office and the name.
 */
function officeFix(doc: Doc, office: Occ | undefined, name: Occ, title: string, nameText: string): { range: Range; replacement: string } {
  const replacement = `${title} ${nameText}`;
  if (office && fold(title).endsWith(fold(doc.text.slice(office.start, office.end)))) return { range: { start: office.start, end: name.end }, replacement };
  return { range: { start: name.start, end: name.end }, replacement };
}

/**
 * An entity's titles as a draft may misspell them: each listed misspelling of
 * a title row (`misspellings` in the titles table) put in place of the form it
 * misspells inside one of the entity's titles ("Preah Bat Samdech Preah
 * Boromneat", "Sa Majestée le Roi", "Samdach Techo"). Such a style before the
 * name is a style present: the spelling rule corrects it in place, and this
 * rule does not ask for a second one.
 */
function misspeltTitles(titles: readonly string[], tables: MergedTables): string[] {
  const out = new Set<string>();
  const known = new Set(titles.map(fold));
  for (const { misspelling, form } of misspellingPairs(tables)) {
    for (const t of titles) {
      const at = t.toLowerCase().indexOf(form.toLowerCase());
      if (at < 0) continue;
      const end = at + form.length;
      // Whole words in Latin script ("Roi" is not inside "Roise"); Khmer is written without spaces.
      if (!KHMER_RE.test(form) && (/\p{L}/u.test(t.charAt(at - 1)) || /\p{L}/u.test(t.charAt(end)))) continue;
      const variant = t.slice(0, at) + misspelling + t.slice(end);
      if (!known.has(fold(variant))) out.add(variant);
    }
  }
  return [...out];
}

/**
 * Each misspelling of the titles table with the form it misspells (its closest form, a few edits
 * away). The same for every entity: computed once per tables object (edit distances are the
 * costly part of compiling address rules).
 */
const pairsCache = new WeakMap<MergedTables, ReadonlyArray<{ misspelling: string; form: string }>>();
function misspellingPairs(tables: MergedTables): ReadonlyArray<{ misspelling: string; form: string }> {
  let pairs = pairsCache.get(tables);
  if (pairs) return pairs;
  const list: Array<{ misspelling: string; form: string }> = [];
  for (const row of tables.titles) {
    for (const lang of ['en', 'fr', 'km'] as const) {
      for (const m of row.misspellings?.[lang] ?? []) {
        for (const formLang of ['en', 'fr', 'km'] as const) {
          const forms = row.names[formLang];
          if (!forms) continue;
          const near = closestForm(m, forms);
          if (near.d === 0 || near.d > Math.max(2, Math.floor(m.length / 10))) continue;
          list.push({ misspelling: m, form: near.form });
        }
      }
    }
  }
  pairs = list;
  pairsCache.set(tables, pairs);
  return pairs;
}

const schema = z.strictObject({
  ...commonRuleFields, type: z.literal('address-form'), entities: z.array(text).min(1),
});

/** References of one entity: full names (a name inside a longer listed name counts once) and short names outside them. */
function references(doc: Doc, base: Parameters<Doc['hits']>[0], ce: CompiledEntity): { refs: Occ[]; short: ReadonlySet<Occ> } {
  const raw = ce.names.flatMap((r) => doc.hits(base, r)).sort((a, b) => a.start - b.start || b.end - a.end);
  const full: Occ[] = [];
  let maxEnd = -1;
  for (const o of raw) if (o.end > maxEnd) { full.push(o); maxEnd = o.end; }
  if (ce.shortNames.length === 0 || !doc.hasAny(ce.shortNames)) return { refs: full, short: NONE };
  const fullSet = new IntervalSet(full);
  const short = new Set(ce.shortNames.flatMap((r) => doc.hits(base, r)).filter((o) => !fullSet.overlaps(o.start, o.end)));
  return { refs: [...full, ...short].sort((a, b) => a.start - b.start), short };
}
const NONE: ReadonlySet<Occ> = new Set();

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const ids = rule.entities.includes('*') ? [...env.entities.keys()] : rule.entities;
  const opts = { caseSensitive: false, wholeWord: base.wholeWord };
  const entities: CompiledEntity[] = ids.map((id) => {
    const entity = env.entities.get(id);
    if (!entity) throw new Error(`unknown entity "${id}"`);
    const refs = (list: readonly string[] | undefined) => (list ?? []).map((t) => env.terms.ref(t, opts));
    return {
      entity,
      names: refs(entity.names),
      shortNames: refs(entity.shortNames),
      titles: refs([...(entity.titles ?? []), ...misspeltTitles(entity.titles ?? [], env.tables)]),
      offices: refs(entity.offices),
      forbidden: refs(entity.forbiddenTitles),
    };
  });

  return gated((doc, sink) => {
    for (const ce of entities) {
      if (!doc.hasAny(ce.names) && !doc.hasAny(ce.shortNames)) continue;
      const { refs, short } = references(doc, base, ce);
      if (refs.length === 0) continue;
      // Titles and offices inside a name occurrence are part of the name, not before it.
      const names = new IntervalSet(refs);
      const outside = (list: TermRef[]) => byEnd(list.flatMap((r) => doc.hits(base, r, true)).filter((t) => !names.overlaps(t.start, t.end)));
      const titles = outside(ce.titles);
      const offices = outside(ce.offices);
      const forbidden = outside(ce.forbidden);

      refs.forEach((name, i) => {
        const nameText = doc.text.slice(name.start, name.end);
        const title = suggestedTitle(ce.entity, nameText, () => sentenceLanguage(doc, name.start));
        const office = directlyBefore(doc, offices, name.start);
        const allowed = directlyBefore(doc, titles, name.start) ?? (office ? directlyBefore(doc, titles, office.start, TITLE_OFFICE_GAP_RE) : undefined);
        const lead = allowed ?? office;
        const bad = directlyBefore(doc, forbidden, lead ? lead.start : name.start);
        const vars = { name: nameText, suggestion: title ?? '', title: bad ? doc.text.slice(bad.start, bad.end) : '' };
        if (short.has(name)) {
          // A short name ("Sihamoni") is never enough: the full style and name, whatever stood before it.
          const full = fullName(ce.entity, nameText);
          const range: Range = { start: (bad ?? lead ?? name).start, end: name.end };
          const replacement = title ? `${title} ${full}` : full;
          sink.finding(base, { range, vars: { ...vars, name: full }, fixes: [{ label: replaceLabel(replacement), replacement, range }] });
        } else if (bad) {
          const range: Range = { start: bad.start, end: name.end };
          let fix: { range: Range; replacement: string };
          if (allowed) fix = { range, replacement: doc.text.slice(allowed.start, name.end) };
          else if (title && office) {
            const f = officeFix(doc, office, name, title, nameText);
            fix = { range, replacement: doc.text.slice(office.start, f.range.start) + f.replacement };
          } else fix = { range, replacement: title ? `${title} ${nameText}` : doc.text.slice((office ?? name).start, name.end) };
          sink.finding(base, { range, vars, fixes: [{ label: replaceLabel(fix.replacement), ...fix }] });
        } else if (i === 0 && !allowed && ce.titles.length > 0) {
          const fixes = title ? [officeFix(doc, office, name, title, nameText)].map((f) => ({ label: replaceLabel(f.replacement), ...f })) : [];
          sink.finding(base, { range: name, vars, fixes });
        }
      });
    }
  }, { terms: entities.flatMap((ce) => [...ce.names, ...ce.shortNames]) });
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
    return ids.flatMap((id) => [...(entities.get(id)?.names ?? []), ...(entities.get(id)?.shortNames ?? [])]);
  },
  exampleVars: (rule, entities) => {
    const entity = exampleEntity(rule.entities, entities);
    const fixText = rule.fix?.action === 'replace' ? rule.fix.with?.[0] : undefined;
    return { suggestion: fixText ?? entity?.preferred ?? entity?.titles?.[0], name: entity?.names[0] };
  },
});

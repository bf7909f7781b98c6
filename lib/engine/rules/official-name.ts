/**
 * `official-name`: generated from the protocol tables in force. Every former,
 * colloquial or house-style name of a state or organisation (and every listed
 * misspelling of an honorific title) whose status the rule covers is flagged,
 * with a fix to the official form in the same language that keeps case and
 * grammar (French articles and elision, English "the"; name-grammar.ts).
 * A name listed for both English and French ("Swaziland") is fixed in the
 * language the draft is written in.
 */
import { z } from 'zod';
import { replaceLabel } from '../fix';
import { IntervalSet } from '../document';
import { nameReplacement, type NameTarget } from '../name-grammar';
import type { Doc } from '../document';
import type { Occ, TermRef } from '../internal';
import { commonRuleFields } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import type { MergedTables } from '@/lib/entities/merge';
import { NAME_STATUSES, type NameForms, type TableLang, type TableNames } from '@/lib/entities/schema';

const schema = z.strictObject({
  ...commonRuleFields, type: z.literal('official-name'),
  tables: z.array(z.enum(['states', 'organisations', 'titles'])).min(1),
  statuses: z.array(z.enum(NAME_STATUSES)).min(1),
});

interface Candidate {
  lang: TableLang;
  /** The listed name is an acronym (FYROM): no upper-casing of the fix. */
  acronym: boolean;
  /** A misspelling of the same name: replace the word only, the article already fits. */
  plain: boolean;
  target: NameTarget;
  year: string;
  exceptions: TermRef[];
  guards: TermRef[];
}

interface Group {
  ref: TermRef;
  candidates: Candidate[];
}

/** The official form to suggest for a misspelt title: the closest of its forms. */
function closest(misspelt: string, forms: NameForms): string {
  const options = [forms.short, forms.formal, forms.acronym].filter((x): x is string => Boolean(x));
  let best = options[0]!;
  let bestD = Infinity;
  for (const o of options) {
    const d = distance(misspelt.toLowerCase(), o.toLowerCase());
    if (d < bestD) [best, bestD] = [o, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const FR_WORDS = /(?:^|[^\p{L}])(?:le|la|les|des|du|et|est|une|pour|avec|dans|sur|aux|au|nous|avons|été)(?=[^\p{L}]|$)/giu;
const EN_WORDS = /(?:^|[^\p{L}])(?:the|and|of|to|with|is|for|in|on|we|our|has|have|was|were)(?=[^\p{L}]|$)/giu;

/** The Latin-script language the draft is written in (English unless French function words dominate). */
export function latinLanguage(text: string): 'en' | 'fr' {
  const fr = text.match(FR_WORDS)?.length ?? 0;
  const en = text.match(EN_WORDS)?.length ?? 0;
  return fr > en ? 'fr' : 'en';
}

function targetFor(names: TableNames, lang: TableLang, to: string | undefined): NameTarget {
  const forms = names[lang] ?? names.en;
  return to ? { name: to, verbatim: true } : { name: forms.short, article: forms.article };
}

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const groups = new Map<number, Group>();
  const statuses = new Set(rule.statuses);
  const add = (name: string, caseSensitive: boolean, cand: Candidate) => {
    const ref = env.terms.ref(name, { caseSensitive, wholeWord: base.wholeWord });
    const key = ref.exact === null ? ref.id : -1 - ref.id; // case-sensitive and -insensitive uses are different terms
    const g = groups.get(key) ?? { ref, candidates: [] };
    if (!g.candidates.some((c) => c.lang === cand.lang)) g.candidates.push(cand);
    groups.set(key, g);
  };
  const loose = (t: string) => env.terms.ref(t, { caseSensitive: false, wholeWord: false });
  const tables: MergedTables = env.tables;

  if (rule.tables.includes('states') || rule.tables.includes('organisations')) {
    const rows = [...(rule.tables.includes('states') ? tables.states : []), ...(rule.tables.includes('organisations') ? tables.organisations : [])];
    for (const row of rows) {
      const former = (row.former ?? []).filter((f) => statuses.has(f.status));
      if (former.length === 0) continue;
      // Inside an official short form the name is fine ("Brunei" in "Brunei Darussalam").
      const shorts = (['en', 'fr', 'km'] as const).flatMap((l) => (row.names[l] ? [row.names[l]!.short] : []));
      for (const f of former) {
        const guards = [...shorts, ...(f.to ? [f.to] : [])].filter((s) => s !== f.name && s.toLowerCase().includes(f.name.toLowerCase())).map(loose);
        add(f.name, f.caseSensitive ?? false, {
          lang: f.lang,
          acronym: f.name.length > 1 && f.name === f.name.toUpperCase(),
          plain: f.status === 'misspelling',
          target: targetFor(row.names, f.lang, f.to),
          year: f.until ?? '',
          exceptions: (f.exceptions ?? []).map(loose),
          guards,
        });
      }
    }
  }
  if (rule.tables.includes('titles') && statuses.has('misspelling')) {
    for (const t of tables.titles) {
      for (const lang of ['en', 'fr', 'km'] as const) {
        for (const m of t.misspellings?.[lang] ?? []) {
          const forms = t.names[lang] ?? t.names.en;
          add(m, false, { lang, acronym: false, plain: true, target: { name: closest(m, forms), verbatim: true }, year: '', exceptions: [], guards: [] });
        }
      }
    }
  }
  const list = [...groups.values()];
  const refs = list.map((g) => g.ref);

  const within = (doc: Doc, refs: readonly TermRef[], o: Occ) =>
    refs.length > 0 && new IntervalSet(refs.flatMap((r) => doc.hits(base, r, true))).contains(o.start, o.end, true);

  return (doc, sink) => {
    if (!doc.hasAny(refs)) return;
    let latin: 'en' | 'fr' | undefined;
    for (const g of list) {
      if (!doc.hasAny([g.ref])) continue;
      for (const o of doc.hits(base, g.ref)) {
        const khmer = /[\u1780-\u17FF]/.test(doc.text.slice(o.start, o.end));
        const want = khmer ? 'km' : (latin ??= latinLanguage(doc.text));
        const cand = g.candidates.find((c) => c.lang === want) ?? g.candidates[0]!;
        if (within(doc, cand.exceptions, o) || within(doc, cand.guards, o)) continue;
        const { range, replacement } = cand.plain
          ? { range: o, replacement: cand.target.name }
          : nameReplacement(doc.text, o, cand.lang, cand.target, { acronym: cand.acronym });
        if (doc.text.slice(range.start, range.end) === replacement) continue;
        sink.finding(base, {
          range: o,
          vars: { suggestion: cand.target.name, year: cand.year },
          fixes: [{ label: replaceLabel(replacement), replacement, range }],
        });
      }
    }
  };
};

export const officialName = defineRuleType({
  schema,
  compile,
  ownFix: () => true,
  exampleVars: () => ({ suggestion: 'Sri Lanka', year: '1972', match: 'Ceylon' }),
});

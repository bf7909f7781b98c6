/**
 * What the guideline lookup can find: every active rule (message, explanation,
 * sources), the forms-of-address table (pack entities), official names (the
 * names rules' forms) and the approved translation glossary, each in English,
 * Khmer and French where the data has them. Pure: no extension APIs.
 */
import type { UiLanguage } from '@/lib/vocabulary';
import type { NameStatus } from '@/lib/entities/schema';
import type { Entity, Pack, Rule } from '@/lib/engine/schema';
import { ruleTypeOf } from '@/lib/engine/rules';
import type { Glossary } from '@/lib/translation/glossary';
import { mergeTables, type MergedTables } from '@/lib/entities/merge';
import { entriesFromTables } from './table-entries';

export type { Localized } from '@/lib/engine/types';
import type { Localized } from '@/lib/engine/types';

/**
 * What an entry is about. `guideline`: a rule of an active pack; `title`: a
 * form of address (a dignitary or an honorific rank); `state`,
 * `organisation`, `institution`: a named entity of the protocol tables;
 * `glossary`: an approved translation term.
 */
export type EntryKind = 'state' | 'organisation' | 'institution' | 'title' | 'guideline' | 'glossary';
/** @deprecated the former name of EntryKind. */
export type GuidelineKind = EntryKind;

/** Guideline texts are in the UI languages (lib/vocabulary.ts). */
export type EntryLang = UiLanguage;

/** The official forms of a name in one language (each one copyable on its own). */
export interface NameForms {
  /** The official short name (a state's short name, an organisation's name, a dignitary's form of address). */
  short?: string;
  /** The formal name ("the Kingdom of Cambodia"; a dignitary's full style). */
  formal?: string;
  /** The acronym or abbreviation ("UNESCO", "MFAIC", "H.E."). */
  acronym?: string;
}

/** Official forms per language: every entry that names something carries these. */
export type EntryNames = Partial<Record<EntryLang, NameForms>>;

/** A name no longer (or never) official, with the year it changed where known. */
export interface FormerName {
  name: string;
  lang: EntryLang;
  /** Year (YYYY) the name stopped being official. */
  until?: string;
  /** 'former': formally abandoned; 'colloquial': an everyday variant; 'house-style': differs from ministry/ASEAN usage; 'position': contradicts a stated position of the Royal Government. */
  status: Exclude<NameStatus, 'misspelling'>;
}

/** An office holder as the tables know it: optional, dated and sourced. */
export interface EntryHolder {
  office: Localized;
  name: Partial<Record<EntryLang, string>>;
  asOf: string;
  source?: string;
}

/** The style of a state's head of state or head of government ('both' when one office holds the two). */
export interface EntryHead {
  role: 'state' | 'government' | 'both';
  styleId: string;
  office: Localized;
  style: Localized;
}

export interface GuidelineSource {
  title: string;
  publisher?: string;
  url?: string;
  section?: string;
}

export interface GuidelineEntry {
  /** The rule id, entity id or glossary term id (the `data-guideline` hook). */
  id: string;
  kind: EntryKind;
  packId?: string;
  packTitle?: Localized;
  severity?: Rule['severity'];
  category?: string;
  /** One-line title: the rule's message, the dignitary with the right title, or the approved term. */
  title: Localized;
  /** The full "why" (rules), the dignitary's role, or the glossary note. */
  explanation?: Localized;
  sources: GuidelineSource[];
  /** Names, titles, terms and forms the entry is about (searched, and shown for address and glossary entries). */
  terms: string[];
  /** Forms of address: names, allowed titles, titles never to use, preferred title. */
  address?: { names: string[]; titles: string[]; forbidden: string[]; preferred?: string; validFrom?: string; validTo?: string };
  /** Official forms in English, French and Khmer (states, organisations, institutions, titles, glossary terms). */
  names?: EntryNames;
  /** Former, colloquial, house-style or position names that lead to this entry (forms to avoid). */
  former?: FormerName[];
  /** ISO 3166-1 alpha-2 code (states and territories). */
  code?: string;
  /** Current office holders (institutions and states), each with an "as of" date. */
  holders?: EntryHolder[];
  /** States: the styles of address of the head of state and the head of government. */
  heads?: EntryHead[];
  /** Glossary: forms per language (the first is the approved one) and whether the authority reviewed it. */
  glossary?: { forms: Record<string, string[]>; reviewed: boolean; category?: string };
}

const KHMER = /[\u1780-\u17FF]/u;

/** Example values for a rule's message placeholders, so the title reads as a sentence. */
function exampleVars(rule: Rule, entities: Map<string, Entity>): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(ruleTypeOf(rule).exampleVars?.(rule, entities) ?? {})) if (v) vars[k] = v;
  const fixText = rule.fix?.action === 'replace' ? rule.fix.with?.[0] : undefined;
  if (!('suggestion' in vars) && fixText) vars.suggestion = fixText;
  const r = rule as Rule & { max?: unknown; min?: unknown };
  if (typeof r.max === 'number') vars.max = String(r.max);
  if (typeof r.min === 'number') vars.min = String(r.min);
  return vars;
}

function fillAll(l: Localized, vars: Record<string, string>): Localized {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_all, k: string) => vars[k] ?? '…');
  const out: Localized = { en: fill(l.en) };
  if (l.km !== undefined) out.km = fill(l.km);
  if (l.fr !== undefined) out.fr = fill(l.fr);
  return out;
}

function sourcesOf(pack: Pack, refs: ReadonlyArray<{ ref: string; section?: string | undefined }>): GuidelineSource[] {
  const byId = new Map(pack.sources.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const out: GuidelineSource[] = [];
  for (const { ref, section } of refs) {
    const s = byId.get(ref);
    const key = `${ref}|${section ?? ''}`;
    if (!s || seen.has(key)) continue;
    seen.add(key);
    const src: GuidelineSource = { title: s.title };
    if (s.publisher) src.publisher = s.publisher;
    if (s.url) src.url = s.url;
    const sec = section ?? s.section;
    if (sec) src.section = sec;
    out.push(src);
  }
  return out;
}

/** Title for a dignitary: the preferred (or first) title before the first name, per script. */
function addressTitle(e: Entity): Localized {
  const titles = e.titles ?? [];
  const latinName = e.names.find((n) => !KHMER.test(n)) ?? e.names[0]!;
  const khmerName = e.names.find((n) => KHMER.test(n));
  const latinTitle = e.preferred && !KHMER.test(e.preferred) ? e.preferred : titles.find((t) => !KHMER.test(t));
  const khmerTitle = e.preferred && KHMER.test(e.preferred) ? e.preferred : titles.find((t) => KHMER.test(t));
  const frTitle = titles.find((t) => /^(Sa |Son |Le |La |Monsieur|Madame|S\.E\.)/.test(t));
  const join = (t: string | undefined, n: string) => (t ? `${t} ${n}` : n);
  const out: Localized = { en: join(latinTitle, latinName) };
  if (khmerName) out.km = join(khmerTitle, khmerName);
  if (frTitle) out.fr = join(frTitle, latinName);
  return out;
}

/** Localized one-line forms as structured names (each language's form as its short name). */
function namesOf(l: Localized): EntryNames {
  const out: EntryNames = { en: { short: l.en } };
  if (l.fr) out.fr = { short: l.fr };
  if (l.km) out.km = { short: l.km };
  return out;
}

export function entriesFromPacks(packs: readonly Pack[]): GuidelineEntry[] {
  const out: GuidelineEntry[] = [];
  for (const pack of packs) {
    const entities = new Map((pack.entities ?? []).map((e) => [e.id, e]));
    for (const rule of pack.rules) {
      const vars = exampleVars(rule, entities);
      const entry: GuidelineEntry = {
        id: rule.id,
        kind: 'guideline',
        packId: pack.id,
        packTitle: pack.title,
        severity: rule.severity,
        category: rule.category,
        title: fillAll(rule.message, vars),
        explanation: rule.explanation,
        sources: sourcesOf(pack, rule.sources),
        terms: ruleTypeOf(rule).searchTerms?.(rule, entities) ?? [],
      };
      out.push(entry);
    }
    for (const e of pack.entities ?? []) {
      const refs = pack.rules.flatMap((r) => {
        const ids = ruleTypeOf(r).entityRefs?.(r) ?? [];
        return ids.includes(e.id) || ids.includes('*') ? r.sources : [];
      });
      const address: NonNullable<GuidelineEntry['address']> = {
        names: e.names,
        titles: e.titles ?? [],
        forbidden: e.forbiddenTitles ?? [],
      };
      if (e.preferred) address.preferred = e.preferred;
      if (e.validFrom) address.validFrom = e.validFrom;
      if (e.validTo) address.validTo = e.validTo;
      const entry: GuidelineEntry = {
        id: e.id,
        kind: 'title',
        packId: pack.id,
        packTitle: pack.title,
        category: 'address',
        title: addressTitle(e),
        sources: sourcesOf(pack, refs),
        terms: [...e.names, ...(e.titles ?? []), ...(e.forbiddenTitles ?? [])],
        address,
      };
      entry.names = namesOf(entry.title);
      if (e.role) entry.explanation = e.role;
      out.push(entry);
    }
  }
  return out;
}

export function entriesFromGlossary(glossary: Glossary): GuidelineEntry[] {
  return glossary.terms.map((term): GuidelineEntry => {
    const title: Localized = { en: term.forms.en?.[0] ?? Object.values(term.forms)[0]?.[0] ?? term.id };
    if (term.forms.km?.[0]) title.km = term.forms.km[0];
    if (term.forms.fr?.[0]) title.fr = term.forms.fr[0];
    const entry: GuidelineEntry = {
      id: term.id,
      kind: 'glossary',
      title,
      names: namesOf(title),
      sources: [],
      terms: Object.values(term.forms).flat(),
      glossary: { forms: term.forms, reviewed: term.reviewed },
    };
    if (term.category) {
      entry.category = term.category;
      entry.glossary!.category = term.category;
    }
    if (term.note) entry.explanation = { en: term.note };
    return entry;
  });
}

/**
 * All entries; on an id clash the later entry gets a kind prefix (rule ids win).
 * `tables` defaults to the packs' tables merged in pack order; pass the
 * precedence-ordered merge (lib/packs/active.ts) so organisation rows win.
 */
export function buildEntries(packs: readonly Pack[], glossary?: Glossary, tables: MergedTables = mergeTables(packs)): GuidelineEntry[] {
  const all = [...entriesFromPacks(packs), ...entriesFromTables(tables), ...(glossary ? entriesFromGlossary(glossary) : [])];
  const seen = new Set<string>();
  for (const e of all) {
    if (seen.has(e.id)) e.id = `${e.kind}:${e.id}`;
    seen.add(e.id);
  }
  return all;
}

/**
 * Lookup entries for the protocol tables: one per state or territory,
 * organisation, Cambodian institution, honorific title, foreign style and
 * office holder, each with its official forms in English, French and Khmer.
 */
import type { MergedTables, Sourced } from '@/lib/entities/merge';
import { TABLE_LANGS, type NameForms as TableNameForms, type TableLang, type TableNames } from '@/lib/entities/schema';
import type { PackSource } from '@/lib/packs/schema';
import type { EntryHead, EntryNames, FormerName, GuidelineEntry, GuidelineSource, Localized } from './entries';

// The tables' languages, declared once (lib/entities/schema.ts).
const LANGS = TABLE_LANGS;

function sourcesOf(list: readonly PackSource[]): GuidelineSource[] {
  return list.map((s) => {
    const out: GuidelineSource = { title: s.title };
    if (s.publisher) out.publisher = s.publisher;
    if (s.url) out.url = s.url;
    if (s.section) out.section = s.section;
    return out;
  });
}

function entryNames(names: TableNames): EntryNames {
  const out: EntryNames = {};
  for (const l of LANGS) {
    const n: TableNameForms | undefined = names[l];
    if (!n) continue;
    out[l] = {};
    out[l]!.short = n.short;
    if (n.formal) out[l]!.formal = n.formal;
    if (n.acronym) out[l]!.acronym = n.acronym;
  }
  return out;
}

function titleOf(names: TableNames, withAcronym: boolean): Localized {
  const one = (n: TableNameForms) => (withAcronym && n.acronym && n.acronym !== n.short ? `${n.short} (${n.acronym})` : n.short);
  const out: Localized = { en: one(names.en) };
  if (names.fr) out.fr = one(names.fr);
  if (names.km) out.km = one(names.km);
  return out;
}

const allForms = (names: TableNames) =>
  LANGS.flatMap((l) => {
    const n = names[l];
    return n ? [n.short, n.formal, n.acronym].filter((x): x is string => Boolean(x)) : [];
  });

const STATUS: Record<string, Localized> = {
  member: { en: 'Member State of the United Nations', fr: 'État Membre de l’Organisation des Nations Unies', km: 'រដ្ឋសមាជិកអង្គការសហប្រជាជាតិ' },
  observer: { en: 'Non-member observer State of the United Nations', fr: 'État non membre observateur auprès de l’ONU', km: 'រដ្ឋអ្នកសង្កេតការណ៍មិនមែនសមាជិកអង្គការសហប្រជាជាតិ' },
  territory: { en: 'Territory (not a UN Member State)', fr: 'Territoire (non Membre de l’ONU)', km: 'ដែនដី (មិនមែនរដ្ឋសមាជិកអង្គការសហប្រជាជាតិ)' },
};

function formerOf(rows: Sourced<{ former?: Array<{ name: string; lang: TableLang; until?: string | undefined; status: string }> }>): FormerName[] {
  return (rows.former ?? [])
    .filter((f) => f.status !== 'misspelling')
    .map((f) => {
      const out: FormerName = { name: f.name, lang: f.lang, status: f.status as FormerName['status'] };
      if (f.until) out.until = f.until;
      return out;
    });
}

export function entriesFromTables(tables: MergedTables): GuidelineEntry[] {
  const out: GuidelineEntry[] = [];
  const holdersBy = new Map<string, GuidelineEntry['holders']>();
  for (const h of tables.holders) {
    for (const key of [h.institution, h.state?.toLowerCase()].filter((k): k is string => Boolean(k))) {
      const list = holdersBy.get(key) ?? [];
      list.push({ office: h.office, name: h.name, asOf: h.asOf, ...(h.resolvedSources[0] ? { source: h.resolvedSources[0].title } : {}) });
      holdersBy.set(key, list);
    }
  }
  const titleById = new Map(tables.titles.map((t) => [t.id, t]));
  // Per state: the styles of its head of state and head of government (one line when one office holds both).
  const headsBy = new Map<string, EntryHead[]>();
  for (const st of tables.styles) {
    const roles: Array<[EntryHead['role'], readonly string[]]> = [['state', st.headOfState ?? []], ['government', st.headOfGovernment ?? []]];
    for (const [role, codes] of roles) {
      for (const code of codes) {
        const list = headsBy.get(code) ?? [];
        const same = list.find((h) => h.styleId === st.id);
        if (same) same.role = 'both';
        else list.push({ role, styleId: st.id, office: { ...st.office }, style: { ...st.style } });
        headsBy.set(code, list);
      }
    }
  }
  for (const list of headsBy.values()) list.sort((a, b) => (a.role === 'government' ? 1 : 0) - (b.role === 'government' ? 1 : 0));

  for (const s of tables.states) {
    const former = formerOf(s);
    const entry: GuidelineEntry = {
      id: `state.${s.id}`,
      kind: 'state',
      packId: s.packId,
      category: 'names',
      title: titleOf(s.names, false),
      explanation: { ...STATUS[s.status]! },
      sources: sourcesOf(s.resolvedSources),
      terms: [...allForms(s.names), ...LANGS.flatMap((l) => s.variants?.[l] ?? []), ...(s.former ?? []).map((f) => f.name), s.code, ...(s.iso3 ? [s.iso3] : [])],
      names: entryNames(s.names),
      code: s.code,
    };
    if (former.length) entry.former = former;
    const holders = holdersBy.get(s.id);
    if (holders) entry.holders = holders;
    const heads = headsBy.get(s.code);
    if (heads) entry.heads = heads;
    out.push(entry);
  }
  for (const o of tables.organisations) {
    const former = formerOf(o);
    const entry: GuidelineEntry = {
      id: `${o.kind === 'institution' ? 'institution' : 'organisation'}.${o.id}`,
      kind: o.kind,
      packId: o.packId,
      category: 'names',
      title: titleOf(o.names, true),
      sources: sourcesOf(o.resolvedSources),
      terms: [...allForms(o.names), ...(o.former ?? []).map((f) => f.name)],
      names: entryNames(o.names),
    };
    if (former.length) entry.former = former;
    const holders = holdersBy.get(o.id);
    if (holders) entry.holders = holders;
    out.push(entry);
  }
  for (const t of tables.titles) {
    out.push({
      id: t.id,
      kind: 'title',
      packId: t.packId,
      category: 'address',
      title: titleOf(t.names, false),
      sources: sourcesOf(t.resolvedSources),
      terms: [...allForms(t.names), ...LANGS.flatMap((l) => t.misspellings?.[l] ?? [])],
      names: entryNames(t.names),
    });
  }
  // A style is found by the names of the states whose head of state or government holds it ("France", "Allemagne", "អូស្ត្រាលី").
  const stateByCode = new Map(tables.states.map((s) => [s.code, s]));
  for (const st of tables.styles) {
    const codes = [...new Set([...(st.headOfState ?? []), ...(st.headOfGovernment ?? []), ...st.states.filter((c) => c !== '*')])];
    const stateNames = codes.flatMap((c) => {
      const s = stateByCode.get(c);
      return s ? LANGS.flatMap((l) => (s.names[l] ? [s.names[l]!.short] : [])) : [];
    });
    out.push({
      id: st.id,
      kind: 'title',
      packId: st.packId,
      category: 'address',
      title: { ...st.style },
      explanation: { ...st.office },
      sources: sourcesOf(st.resolvedSources),
      terms: [...Object.values(st.office), ...Object.values(st.style), ...codes, ...new Set(stateNames)],
      names: { en: { short: st.style.en }, ...(st.style.fr ? { fr: { short: st.style.fr } } : {}), ...(st.style.km ? { km: { short: st.style.km } } : {}) },
    });
  }
  for (const h of tables.holders) {
    const title = h.title ? titleById.get(h.title) : undefined;
    const styled = (l: TableLang) => {
      const name = h.name[l] ?? h.name.en;
      const t = title?.names[l];
      return t ? `${t.formal ?? t.short} ${name}` : name;
    };
    const names: EntryNames = { en: { short: styled('en') } };
    if (h.name.fr || title?.names.fr) names.fr = { short: styled('fr') };
    if (h.name.km || title?.names.km) names.km = { short: styled('km') };
    out.push({
      id: h.id,
      kind: 'title',
      packId: h.packId,
      category: 'address',
      title: { en: names.en!.short!, ...(names.fr ? { fr: names.fr.short! } : {}), ...(names.km ? { km: names.km.short! } : {}) },
      explanation: { ...h.office },
      sources: sourcesOf(h.resolvedSources),
      terms: [...Object.values(h.name), ...Object.values(h.office), ...(title ? allForms(title.names) : [])],
      names,
      holders: [{ office: h.office, name: h.name, asOf: h.asOf, ...(h.resolvedSources[0] ? { source: h.resolvedSources[0].title } : {}) }],
    });
  }
  return out;
}

#!/usr/bin/env node
/**
 * `npm run data:entities`: regenerates the protocol tables (`tables`) and their
 * `sources` in the built-in pack lib/packs/defaults/core.names.json (its rules
 * are left as they are) from maintained sources:
 *
 * - Unicode CLDR 48 (npm `cldr-localenames-full`, `cldr-core`; Unicode-3.0):
 *   English, French and Khmer territory names, their alternative forms, ISO
 *   alpha-3 and numeric codes.
 * - UNTERM short and formal names in English and French (UN Protocol and
 *   Liaison Service list as compiled in the datasets/country-codes data package,
 *   ODC-PDDL-1.0), snapshot in lib/entities/sources/unterm-country-names.csv.
 *   No npm package carries UNTERM data.
 * - Curated files in lib/entities/sources/ for what no machine-readable source
 *   has (former names with the year they changed, ASEAN house style, the
 *   ministry's Khmer forms, organisations, Cambodian institutions, forms of
 *   address, office holders), each entry naming its source.
 *
 * Deterministic: no dates, sorted rows, one row per line. `--check` exits 1
 * when the checked-in pack differs from what the sources give. Every UN Member
 * and observer State needs a head-of-state style (`heads` in
 * address.curated.json), else the script fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--sources DIR` reads the curated sources from another folder (the unit test checks the validation with a broken copy).
const sourcesAt = process.argv.indexOf('--sources');
const srcDir = sourcesAt > 0 ? process.argv[sourcesAt + 1] : join(root, 'lib/entities/sources');
const src = (f) => join(srcDir, f);
const OUT = join(root, 'lib/packs/defaults/core.names.json');

const cldrNames = (lang) => require(`cldr-localenames-full/main/${lang}/territories.json`).main[lang].localeDisplayNames.territories;
const cldr = { en: cldrNames('en'), fr: cldrNames('fr'), km: cldrNames('km') };
const codeMappings = require('cldr-core/supplemental/codeMappings.json').supplemental.codeMappings;
const cldrVersion = require('cldr-localenames-full/package.json').version;

/** Minimal RFC 4180 reader (quoted fields, doubled quotes); the snapshot has no embedded newlines. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const cells = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cur); cur = ''; }
      else cur += c;
    }
    cells.push(cur);
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

function parseTsv(text) {
  const [head, ...body] = text.trim().split('\n').map((l) => l.split('\t'));
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, (r[i] ?? '').trim()])));
}

const readJson = (f) => JSON.parse(readFileSync(src(f), 'utf8'));
const unterm = parseCsv(readFileSync(src('unterm-country-names.csv'), 'utf8'));
const states = readJson('states.curated.json');
const address = readJson('address.curated.json');
const organisations = parseTsv(readFileSync(src('organisations.tsv'), 'utf8'));
const institutions = parseTsv(readFileSync(src('institutions.tsv'), 'utf8'));
const orgFormer = readJson('organisations.former.json');

/** "Bahamas (the) *" → { short: "Bahamas", article: "the" }; markers (*, **) dropped. */
function splitArticle(name) {
  const clean = name.replace(/\s*\*+$/, '').trim();
  const m = /^(.*?)\s*\((the|le|la|l'|les)\)$/.exec(clean);
  return m ? { short: m[1], article: m[2] } : { short: clean };
}
const stripMarks = (s) => s.replace(/\s*\*+$/, '').trim();
const compact = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));

/** CLDR writes Khmer with zero-width spaces as optional word breaks; the tables keep the plain form (matching ignores them). */
const noZw = (s) => s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');

/**
 * Khmer former names from CLDR: where CLDR's English alternative form of a
 * territory (e.g. TL-alt-variant "East Timor") is a curated English former or
 * colloquial name, CLDR's Khmer form under the same key (ទីម័រខាងកើត) is that
 * name in Khmer, with the same status and year.
 */
function cldrFormer(code, curated) {
  const out = [];
  for (const alt of ['alt-variant', 'alt-short']) {
    const en = cldr.en[`${code}-${alt}`];
    const km = cldr.km[`${code}-${alt}`];
    const match = en && km && curated.find((f) => f.lang === 'en' && f.name === en && f.status !== 'misspelling');
    if (!match || curated.some((f) => f.lang === 'km' && f.name === noZw(km))) continue;
    out.push(compact({ name: noZw(km), lang: 'km', until: match.until, status: match.status, source: 'CLDR' }));
  }
  return out;
}

/**
 * A curated former, colloquial, house-style, misspelt or position name as the
 * table carries it (a curator's `note` stays in the source file). A "position"
 * entry names with `explain` one of the stated positions in the curated
 * `positions` (states.curated.json): its English, French and Khmer text
 * becomes the entry's `note`, shown as the finding's explanation.
 */
function otherName(f) {
  let note;
  if (f.status === 'position') {
    note = states.positions?.[f.explain];
    if (!note?.en || !note.fr || !note.km) throw new Error(`position entry "${f.name}": "explain" must name a position with English, French and Khmer text`);
    if (!f.source) throw new Error(`position entry "${f.name}": needs a source stating the position`);
  } else if (f.explain) throw new Error(`"${f.name}": "explain" is only for position entries`);
  return compact({ name: f.name, lang: f.lang, until: f.until, status: f.status, to: f.to, caseSensitive: f.caseSensitive, exceptions: f.exceptions, historical: f.historical, note: note && { en: note.en, fr: note.fr, km: note.km }, source: f.source });
}

function buildStates() {
  const rows = [];
  const formerBy = new Map();
  for (const f of states.former) {
    const list = formerBy.get(f.state) ?? [];
    list.push(otherName(f));
    formerBy.set(f.state, list);
  }
  for (const u of unterm) {
    const code = u.iso2;
    const curated = states.unterm[code];
    const enShort = curated?.en.short ?? u.unterm_en_short;
    const frShort = curated?.fr.short ?? u.unterm_fr_short;
    const hasUnterm = Boolean(enShort);
    const marker = /\*+$/.exec(u.unterm_en_short)?.[0] ?? '';
    const status = states.status[code] ?? (hasUnterm && !marker && u.independence === 'Yes' ? 'member' : hasUnterm && marker === '*' ? 'observer' : 'territory');
    const en = hasUnterm ? splitArticle(enShort) : { short: cldr.en[code] };
    const fr = hasUnterm ? splitArticle(frShort) : { short: cldr.fr[code] };
    const article = states.frArticle[code];
    if (article) fr.article = article.article;
    const kmCurated = states.km[code] ?? {};
    const names = {
      en: compact({ short: en.short, formal: hasUnterm ? stripMarks(curated?.en.formal ?? u.unterm_en_formal) : undefined, article: en.article }),
      fr: compact({ short: fr.short, formal: hasUnterm ? stripMarks(curated?.fr.formal ?? u.unterm_fr_formal) : undefined, article: fr.article }),
      km: compact({ short: kmCurated.short ?? cldr.km[code], formal: kmCurated.formal }),
    };
    const former = [...(formerBy.get(code) ?? []), ...cldrFormer(code, formerBy.get(code) ?? [])]
      .sort((a, b) => a.lang.localeCompare(b.lang) || a.name.localeCompare(b.name));
    const formerNames = new Set(former.map((f) => f.name));
    // CLDR's alternative forms (alt-short, alt-variant) and plain display names are accepted variants, unless listed as former.
    const variants = {};
    for (const lang of ['en', 'fr', 'km']) {
      const official = new Set(Object.values(names[lang]));
      const alts = [cldr[lang][code], cldr[lang][`${code}-alt-short`], cldr[lang][`${code}-alt-variant`]]
        .filter(Boolean).map(noZw)
        .filter((x) => !official.has(x) && !formerNames.has(x));
      if (alts.length) variants[lang] = [...new Set(alts)].sort();
    }
    const sources = ['CLDR', ...(hasUnterm ? [curated ? curated.source : 'UNTERM'] : []), ...(kmCurated.source ? [kmCurated.source] : []), ...(article ? [article.source] : []), ...former.map((f) => f.source)];
    rows.push(compact({
      id: code.toLowerCase(),
      code,
      iso3: codeMappings[code]?._alpha3,
      m49: codeMappings[code]?._numeric,
      status,
      names,
      variants: Object.keys(variants).length ? variants : undefined,
      former,
      sources: [...new Set(sources)].sort(),
    }));
  }
  for (const code of Object.keys(states.status)) if (!rows.some((r) => r.code === code)) throw new Error(`curated status for unknown state ${code}`);
  for (const f of states.former) if (!rows.some((r) => r.code === f.state)) throw new Error(`former name for unknown state ${f.state}`);
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

function orgSourceId(row) {
  return `ORG-${row.id.toUpperCase()}`;
}

function buildOrganisations(list, kind, extraSources) {
  return list.map((r) => {
    const names = {};
    for (const lang of ['en', 'fr', 'km']) {
      if (!r[lang]) throw new Error(`${kind} ${r.id}: no ${lang} name`);
      names[lang] = compact({ short: r[lang], acronym: r[`${lang}_acr`], article: orgFormer.articles[r.id]?.[lang] });
    }
    if (r.url) extraSources.push({ id: orgSourceId(r), title: `${r.en}: official website`, publisher: r.en, url: r.url });
    const former = orgFormer.former.filter((f) => f.org === r.id)
      .map(otherName)
      .sort((a, b) => a.lang.localeCompare(b.lang) || a.name.localeCompare(b.name));
    const sources = [...new Set([...(r.url ? [orgSourceId(r)] : []), 'ENVOY-CURATED', ...former.map((f) => f.source)])];
    return compact({ id: r.id, kind, parent: r.parent, names, former, sources });
  }).sort((a, b) => a.id.localeCompare(b.id));
}

/** A curated row names one `source`, or several `sources` (a holder whose Khmer name comes from another page). */
const withSources = (rows) => rows.map(({ source, sources, ...rest }) => ({ ...rest, sources: sources ?? [source] })).sort((a, b) => a.id.localeCompare(b.id));

/** Khmer renderings of foreign styles are Envoy's, pending the MFAIC Protocol department's review: every style with Khmer cites that. */
const KM_STYLES_SOURCE = 'ENVOY-KM-STYLES';

/**
 * Styles with the states whose head of state or head of government holds each
 * one (`heads` in address.curated.json): `headOfState` and `headOfGovernment`
 * list the ISO codes, `states` their union with any curated list ("*" for any
 * state), and the sources gain those of the heads entries (`governmentSources`,
 * when given, for the head of government). Fails when a UN
 * Member or observer State has no head-of-state style, or neither a
 * head-of-government style nor a note saying it has no such office.
 */
function buildStyles(stateRows) {
  const byId = new Map(address.styles.map((s) => [s.id, { ...s, hos: new Set(), hog: new Set(), srcs: new Set([s.source]) }]));
  const known = new Set(stateRows.map((s) => s.code));
  for (const [code, h] of Object.entries(address.heads)) {
    if (!known.has(code)) throw new Error(`heads: unknown state ${code}`);
    if (!h.sources?.length) throw new Error(`heads.${code}: no source`);
    const hos = byId.get(h.state);
    if (!hos) throw new Error(`heads.${code}: unknown style ${h.state}`);
    hos.hos.add(code);
    h.sources.forEach((x) => hos.srcs.add(x));
    if (h.government === null) {
      if (!h.note) throw new Error(`heads.${code}: no head-of-government style and no note saying why`);
    } else {
      const hog = byId.get(h.government);
      if (!hog) throw new Error(`heads.${code}: unknown style ${h.government}`);
      hog.hog.add(code);
      (h.governmentSources ?? h.sources).forEach((x) => hog.srcs.add(x));
    }
  }
  const missing = stateRows.filter((s) => s.status !== 'territory' && !address.heads[s.code]?.state).map((s) => s.code);
  if (missing.length) throw new Error(`UN Member or observer States without a head-of-state style: ${missing.join(', ')}`);
  const rows = [...byId.values()].map(({ source: _source, hos, hog, srcs, states, ...rest }) => {
    const all = [...new Set([...(states ?? []), ...hos, ...hog])].sort((a, b) => (a === '*' ? -1 : b === '*' ? 1 : a.localeCompare(b)));
    if (all.length === 0) throw new Error(`${rest.id}: no states`);
    if (rest.style.km) srcs.add(KM_STYLES_SOURCE);
    return compact({ ...rest, states: all, headOfState: [...hos].sort(), headOfGovernment: [...hog].sort(), sources: [...srcs].sort() });
  });
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

function build() {
  const orgSources = [];
  const stateRows = buildStates();
  const tables = {
    states: stateRows,
    organisations: [...buildOrganisations(organisations, 'organisation', orgSources), ...buildOrganisations(institutions, 'institution', orgSources)],
    titles: withSources(address.titles),
    styles: buildStyles(stateRows),
    holders: withSources(address.holders),
  };
  for (const f of orgFormer.former) if (!tables.organisations.some((o) => o.id === f.org)) throw new Error(`former name for unknown organisation ${f.org}`);
  const members = tables.states.filter((s) => s.status === 'member').length;
  const observers = tables.states.filter((s) => s.status === 'observer').length;
  if (members !== 193 || observers !== 2) throw new Error(`expected 193 members and 2 observers, got ${members} and ${observers}`);
  const sourceList = [...states.sources, ...address.sources, ...orgFormer.sources, ...orgSources.sort((a, b) => a.id.localeCompare(b.id))]
    .map((s) => (s.id === 'CLDR' ? { ...s, title: s.title.replace('CLDR 48.2', `CLDR ${cldrVersion}`) } : s));
  const ids = new Set();
  for (const s of sourceList) {
    if (ids.has(s.id)) throw new Error(`duplicate source id ${s.id}`);
    ids.add(s.id);
  }
  return { sources: sourceList, tables };
}

/**
 * The pack with its generated parts replaced: sources not produced here are
 * kept first, then the generated ones; table rows one per line (readable diffs).
 */
function serialise(pack, { sources, tables }) {
  const generatedIds = new Set(sources.map((s) => s.id));
  const merged = { ...pack, sources: [...pack.sources.filter((s) => !generatedIds.has(s.id)), ...sources], tables };
  const rowList = (rows, indent) => `[\n${rows.map((r) => `${indent}  ${JSON.stringify(r)}`).join(',\n')}\n${indent}]`;
  const parts = Object.entries(merged).map(([key, value]) => {
    if (key === 'tables') {
      const inner = Object.entries(value).map(([k, rows]) => `    ${JSON.stringify(k)}: ${rowList(rows, '    ')}`);
      return `  "tables": {\n${inner.join(',\n')}\n  }`;
    }
    if (key === 'sources') return `  "sources": ${rowList(value, '  ')}`;
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}

const current = readFileSync(OUT, 'utf8');
const text = serialise(JSON.parse(current), build());
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('lib/packs/defaults/core.names.json: its tables are out of date: run npm run data:entities');
    process.exit(1);
  }
  console.log('entity tables up to date');
} else {
  writeFileSync(OUT, text);
  const t = JSON.parse(text).tables;
  console.log(`wrote ${OUT}: ${t.states.length} states and territories, ${t.organisations.length} organisations and institutions, ${t.titles.length} titles, ${t.styles.length} styles, ${t.holders.length} office holders`);
}

/**
 * `official-name`: generated from the protocol tables in force. Every former,
 * colloquial or house-style name of a state or organisation (and every listed
 * misspelling of an honorific title) whose status the rule covers is flagged,
 * with a fix to the official form in the same language that keeps case and
 * grammar (French articles and elision, English "the"; name-grammar.ts).
 * A name listed for both English and French ("Swaziland") is fixed in the
 * language the draft is written in. A `position` entry (wording that
 * contradicts a stated position of the Royal Government) is explained by its
 * own note and source, and fixed only when it names the wording to use (`to`).
 */
import { z } from 'zod';
import { replaceLabel } from '../fix';
import { IntervalSet } from '../document';
import { nameReplacement, type NameTarget } from '../name-grammar';
import type { Doc } from '../document';
import { gated, resolvedSource, type Occ, type TermRef } from '../internal';
import { foldUnit, letterWidthAt } from '../normalize';
import type { Localized, ResolvedSource } from '../types';
import { commonRuleFields } from '../pack-fields';
import { defineRuleType, type Compiler } from './define';
import type { MergedTables } from '@/lib/entities/merge';
import { NAME_STATUSES, type NameForms, type TableLang, type TableNames } from '@/lib/entities/schema';

/** What the rule flags: listed other names by status, or (`wrong-language`) a state's English name in a French sentence. */
export const OFFICIAL_NAME_STATUSES = [...NAME_STATUSES, 'wrong-language', 'outdated-office'] as const;

const schema = z.strictObject({
  ...commonRuleFields, type: z.literal('official-name'),
  tables: z.array(z.enum(['states', 'organisations', 'titles', 'holders'])).min(1),
  statuses: z.array(z.enum(OFFICIAL_NAME_STATUSES)).min(1),
});

interface Candidate {
  lang: TableLang;
  /** The listed name is an acronym (FYROM): no upper-casing of the fix. */
  acronym: boolean;
  /** A misspelling of the same name: replace the word only, the article already fits. */
  plain: boolean;
  /** The form to suggest; none for a position entry that names no wording to use. */
  target: NameTarget | undefined;
  year: string;
  exceptions: TermRef[];
  guards: TermRef[];
  /** Only flagged in a sentence clearly written in this language, outside an English phrase (wrong-language names). */
  onlyIn?: 'fr';
  /** A sentence naming a year up to this one speaks of history: not flagged. */
  historical?: number;
  /** The entry's own explanation and source (position entries). */
  note?: Localized;
  sources?: ResolvedSource[];
}

interface Group {
  ref: TermRef;
  candidates: Candidate[];
}

/**
 * The official form to suggest for a misspelt title: the closest of its forms
 * or of their word-final parts, so a misspelt "Preah Bat Samdech Preah
 * Boromneat" becomes "Preah Bat Samdech Preah Boromneath" (the rest of the
 * style, "His Majesty" or "Sa Majesté", is left to the draft), with its distance.
 */
export function closestForm(misspelt: string, forms: NameForms): { form: string; d: number } {
  const options = [forms.short, forms.formal, forms.acronym].filter((x): x is string => Boolean(x));
  const words = misspelt.trim().split(/\s+/).length;
  const tails = options.flatMap((o) => {
    const w = o.split(/\s+/);
    // Only tails at least as long (in words) as the misspelling: "Majesty" alone is no fix for "Majestee le Roi".
    return w.length > words ? [w.slice(w.length - words).join(' ')] : [];
  });
  let best = options[0]!;
  let bestD = Infinity;
  const lower = misspelt.toLowerCase();
  for (const o of [...options, ...tails]) {
    const d = distance(lower, o.toLowerCase());
    if (d < bestD) [best, bestD] = [o, d];
  }
  return { form: best, d: bestD };
}
const closest = (misspelt: string, forms: NameForms) => closestForm(misspelt, forms).form;

/** Levenshtein distance in UTF-16 units (two rows, no allocation per row: compiling runs it thousands of times). */
function distance(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Function words that tell French from English (whole words, any case). */
const FR_WORDS = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'avec', 'dans', 'sur', 'aux', 'au', 'nous', 'avons', 'été']);
const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'with', 'is', 'for', 'in', 'on', 'we', 'our', 'has', 'have', 'was', 'were']);
/** More French function words, counted within a sentence (with elided l' and d' before a word). */
const FR_MORE = new Set(['de', 'à', 'en', 'par', 'notre', 'nos', 'votre', 'qui', 'que', 'ont', 'sont', 'son', 'sa', 'ses', 'leur', 'cette', 'ce']);
/** The longest function word: longer runs of letters are skipped unread. */
const LONGEST_FUNCTION_WORD = 5;

/** Scratch for foldedLatinWord: the arguments of one String.fromCharCode call (apply() on a typed array costs more). */
const wordUnits = new Uint16Array(LONGEST_FUNCTION_WORD);
/**
 * text[start..end) folded unit by unit (foldUnit), or '' when a folded unit lies beyond Latin-1,
 * where no function word has one: Khmer words are skipped without making a string.
 */
function foldedLatinWord(text: string, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    const c = foldUnit(text.charCodeAt(k));
    if (c > 0xff) return '';
    wordUnits[k - start] = c;
  }
  const [a, b, c, d, e] = wordUnits;
  switch (end - start) {
    case 1: return String.fromCharCode(a!);
    case 2: return String.fromCharCode(a!, b!);
    case 3: return String.fromCharCode(a!, b!, c!);
    case 4: return String.fromCharCode(a!, b!, c!, d!);
    case 5: return String.fromCharCode(a!, b!, c!, d!, e!);
    default: return String.fromCharCode(...wordUnits.subarray(0, end - start));
  }
}

/**
 * French and English function words in `text`: one pass over its words (maximal runs of letters,
 * \p{L}), each looked up case-folded. `more` adds FR_MORE and elisions (l', d' before a letter)
 * to the French count.
 */
function functionWords(text: string, more: boolean): { fr: number; en: number } {
  let fr = 0;
  let en = 0;
  for (let i = 0; i < text.length; ) {
    let end = i;
    for (let w; end < text.length && (w = letterWidthAt(text, end)) > 0; ) end += w;
    if (end === i) {
      i++;
      continue;
    }
    const word = end - i <= LONGEST_FUNCTION_WORD ? foldedLatinWord(text, i, end) : '';
    if (word !== '') {
      if (FR_WORDS.has(word)) fr++;
      else if (EN_WORDS.has(word)) en++;
      else if (more && (FR_MORE.has(word) || ((word === 'l' || word === 'd') && (text[end] === "'" || text[end] === '’') && letterWidthAt(text, end + 1) > 0))) fr++;
    }
    i = end;
  }
  return { fr, en };
}

/** The Latin-script language the draft is written in (English unless French function words dominate). */
export function latinLanguage(text: string): 'en' | 'fr' {
  const { fr, en } = functionWords(text, false);
  return fr > en ? 'fr' : 'en';
}

/** Once per check, not once per name rule: on a 5,000-character draft each pass costs ~0.1 ms. */
const latinOfDoc = new WeakMap<Doc, 'en' | 'fr'>();
export function docLatinLanguage(doc: Doc): 'en' | 'fr' {
  let lang = latinOfDoc.get(doc);
  if (lang === undefined) latinOfDoc.set(doc, (lang = latinLanguage(doc.text)));
  return lang;
}

/** The sentence around a hit is plainly French: two French function words or more, and more than English ones. */
function clearlyFrench(text: string, at: number): boolean {
  const { fr, en } = functionWords(sentenceAt(text, at), true);
  return fr >= 2 && fr > en;
}

/** The sentence around `at` (a line break or ". " ends it). */
function sentenceAt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at - 1) + 1, text.lastIndexOf('\n', at - 1) + 1, 0);
  const stops = [text.indexOf('. ', at), text.indexOf('\n', at)].filter((i) => i >= 0);
  return text.slice(start, stops.length ? Math.min(...stops) : text.length);
}

const KHMER_CHARS = /[\u1780-\u17FF]/gu;
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/gu;

/**
 * The language of the sentence around `at`, for a fix written into it: Khmer
 * when Khmer letters outnumber Latin ones, else French or English by function
 * words in the sentence ("Norodom Sihamoni à Kampot." is French), the whole
 * draft deciding a tie.
 */
export function sentenceLanguage(doc: Doc, at: number): TableLang {
  const sentence = sentenceAt(doc.text, at);
  if ((sentence.match(KHMER_CHARS)?.length ?? 0) > (sentence.match(LATIN_LETTERS)?.length ?? 0)) return 'km';
  const { fr, en } = functionWords(sentence, true);
  return fr > en ? 'fr' : en > fr ? 'en' : docLatinLanguage(doc);
}

const EN_BEFORE = /(?:^|[^\p{L}])(?:of|the|and|in|to|from|with|for|at|on)\s+$/iu;
/**
 * The English name is part of an English phrase, not a French sentence's
 * state: "Japan Times", "Air China", "Bank of Thailand", "Korea's".
 */
function inEnglishPhrase(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (/^['’]s\b/u.test(after) || /^[\s-]+\p{Lu}/u.test(after)) return true;
  const before = text.slice(Math.max(0, start - 24), start);
  if (EN_BEFORE.test(before)) return true;
  // A capitalised word directly before, not at a sentence start ("Air China").
  const prev = /(\p{L}+)\s+$/u.exec(before);
  return Boolean(prev && /^\p{Lu}/u.test(prev[1]!) && !/(?:^|[.!?:;]\s*)\p{L}+\s+$/u.test(before));
}

/** Words that put an office in the past, in English, French and Khmer. */
const FORMERLY = ['former ', 'then ', 'ex-', 'ex ', 'ancien ', 'alors ', 'អតីត'];

const foldName = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'");
/** English state names that are also French place names ("à Mexico" is Mexico City). */
const FRENCH_PLACE_NAMES = new Set(['mexico']);

const YEAR_RE = /(?<![\p{N}])([0-9\u17E0-\u17E9]{4})(?![\p{N}])/gu;
/** The sentence around `at` names a year up to `until` (Western or Khmer digits): it speaks of history. */
function namesYearUpTo(text: string, at: number, until: number): boolean {
  for (const m of sentenceAt(text, at).matchAll(YEAR_RE)) {
    const year = Number(m[1]!.replace(/[\u17E0-\u17E9]/g, (d) => String(d.charCodeAt(0) - 0x17e0)));
    if (year <= until) return true;
  }
  return false;
}

/** A table row's source, resolved for a finding (the pack's source list entry). */
function rowSource(row: { resolvedSources: ReadonlyArray<Parameters<typeof resolvedSource>[0]> }, id: string): ResolvedSource[] | undefined {
  const src = row.resolvedSources.find((s) => s.id === id);
  return src ? [resolvedSource(src)] : undefined;
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
        const position = f.status === 'position';
        // A position entry is fixed only to the wording it names; the row's own short name keeps its article ("the ROC" → "Taiwan").
        const short = (row.names[f.lang] ?? row.names.en).short;
        const target = position && !f.to ? undefined : targetFor(row.names, f.lang, position && f.to === short ? undefined : f.to);
        const cand: Candidate = {
          lang: f.lang,
          acronym: f.name.length > 1 && f.name === f.name.toUpperCase(),
          plain: f.status === 'misspelling',
          target,
          year: f.until ?? '',
          exceptions: (f.exceptions ?? []).map(loose),
          guards,
        };
        if (f.historical) cand.historical = Number(f.historical);
        if (f.note) cand.note = f.note;
        const sources = position ? rowSource(row, f.source) : undefined;
        if (sources) cand.sources = sources;
        add(f.name, f.caseSensitive ?? false, cand);
      }
    }
  }
  if (rule.tables.includes('states') && statuses.has('wrong-language')) {
    for (const row of tables.states) {
      if (row.status === 'territory' || !row.names.fr) continue;
      const french = new Set([row.names.fr.short, row.names.fr.formal, ...(row.variants?.fr ?? []), ...(row.former ?? []).filter((f) => f.lang === 'fr').map((f) => f.name)]
        .filter((x): x is string => Boolean(x)).map(foldName));
      const english = new Set([row.names.en.short, ...(row.variants?.en ?? [])]);
      for (const name of english) {
        // Acronyms (US, UK) are used as such in French; a name French writes the same way is no error.
        if (name.length < 4 || name === name.toUpperCase() || french.has(foldName(name)) || FRENCH_PLACE_NAMES.has(foldName(name))) continue;
        if ((row.former ?? []).some((f) => f.name === name)) continue;
        add(name, true, {
          lang: 'fr', acronym: false, plain: false, target: targetFor(row.names, 'fr', undefined), year: '', exceptions: [], guards: [], onlyIn: 'fr',
        });
      }
    }
  }
  if (rule.tables.includes('holders') && statuses.has('outdated-office')) {
    // "Prime Minister Hun Sen": one holder's office directly before the name of another holder of the same state,
    // so an organisation pack that updates a holder updates this check too.
    for (const h of tables.holders) {
      for (const k of tables.holders) {
        if (k === h || !h.state || k.state !== h.state || k.name.en === h.name.en) continue;
        for (const lang of ['en', 'fr', 'km'] as const) {
          const office = h.office[lang];
          const name = k.name[lang];
          const current = k.office[lang];
          if (!office || !name || !current) continue;
          // A past office said as such is right: "former Prime Minister Hun Sen", "l'ancien Premier ministre", "អតីតនាយករដ្ឋមន្ត្រី".
          const past = FORMERLY.map((w) => loose(`${w}${office} ${name}`));
          add(`${office} ${name}`, false, {
            lang, acronym: false, plain: true, target: { name: `${current} ${name}`, verbatim: true }, year: h.asOf.slice(0, 4), exceptions: past, guards: [],
          });
        }
      }
    }
  }
  if (rule.tables.includes('titles') && statuses.has('misspelling')) {
    for (const t of tables.titles) {
      for (const lang of ['en', 'fr', 'km'] as const) {
        for (const m of t.misspellings?.[lang] ?? []) {
          const forms = t.names[lang] ?? t.names.en;
          add(m, false, { lang, acronym: false, plain: true, target: { name: closest(m, forms), verbatim: true }, year: '', exceptions: [], guards: [] });
          // A romanised Khmer title is written alike in English and French ("Preah Bat Samdech Preah Boromneath"):
          // its misspelling in a sentence of the other language is fixed from that language's forms.
          for (const other of ['en', 'fr'] as const) {
            const otherForms = t.names[other];
            if (other === lang || lang === 'km' || !otherForms) continue;
            const near = closestForm(m, otherForms);
            if (near.d <= Math.max(2, Math.floor(m.length / 10))) {
              add(m, false, { lang: other, acronym: false, plain: true, target: { name: near.form, verbatim: true }, year: '', exceptions: [], guards: [] });
            }
          }
        }
      }
    }
  }
  const list = [...groups.values()];
  const refs = list.map((g) => g.ref);

  const within = (doc: Doc, refs: readonly TermRef[], o: Occ) =>
    refs.length > 0 && new IntervalSet(refs.flatMap((r) => doc.hits(base, r, true))).contains(o.start, o.end, true);

  // A rule of wrong-language names only has nothing to do outside French lines: skip their hits early.
  const onlyFrench = list.length > 0 && list.every((g) => g.candidates.every((c) => c.onlyIn === 'fr'));

  return gated((doc, sink) => {
    let latin: 'en' | 'fr' | undefined;
    if (onlyFrench && (latin = docLatinLanguage(doc)) !== 'fr') return;
    for (const g of list) {
      if (!doc.hasAny([g.ref])) continue;
      for (const o of doc.hits(base, g.ref)) {
        const khmer = /[\u1780-\u17FF]/.test(doc.text.slice(o.start, o.end));
        const want = khmer ? 'km' : (latin ??= docLatinLanguage(doc));
        const cand = g.candidates.find((c) => c.lang === want) ?? g.candidates[0]!;
        if (cand.onlyIn && (want !== cand.onlyIn || !clearlyFrench(doc.text, o.start) || inEnglishPhrase(doc.text, o.start, o.end))) continue;
        if (within(doc, cand.exceptions, o) || within(doc, cand.guards, o)) continue;
        if (cand.historical !== undefined && namesYearUpTo(doc.text, o.start, cand.historical)) continue;
        const own = { ...(cand.note ? { explanation: cand.note } : {}), ...(cand.sources ? { sources: cand.sources } : {}) };
        if (!cand.target) {
          sink.finding(base, { range: o, vars: { suggestion: '', year: cand.year }, fixes: [], ...own });
          continue;
        }
        const { range, replacement } = cand.plain
          ? { range: o, replacement: cand.target.name }
          : nameReplacement(doc.text, o, cand.lang, cand.target, { acronym: cand.acronym });
        if (doc.text.slice(range.start, range.end) === replacement) continue;
        sink.finding(base, {
          range: o,
          vars: { suggestion: cand.target.name, year: cand.year },
          fixes: [{ label: replaceLabel(replacement), replacement, range }],
          ...own,
        });
      }
    }
  }, { terms: refs });
};

export const officialName = defineRuleType({
  schema,
  compile,
  ownFix: () => true,
  exampleVars: () => ({ suggestion: 'Sri Lanka', year: '1972', match: 'Ceylon' }),
});

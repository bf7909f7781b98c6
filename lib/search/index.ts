/**
 * Guideline lookup for the popup (and any page): a MiniSearch index over
 * rules, forms of address, official names and the glossary, in English,
 * Khmer and French, with typo tolerance for Latin words and bigram matching
 * for Khmer (see tokenize.ts). Built once per set of active packs and cached.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Pack } from '@/lib/packs/schema';
import type { UiLanguage } from '@/lib/vocabulary';
import type { Glossary } from '@/lib/translation/glossary';
import type { MergedTables } from '@/lib/entities/merge';
import { buildEntries, type GuidelineEntry, type GuidelineSource, type Localized } from './entries';
import { foldText, isKhmerTerm, tokenize } from './tokenize';

export type { EntryHead, EntryHolder, EntryKind, EntryLang, EntryNames, FormerName, GuidelineEntry, GuidelineKind, GuidelineSource, Localized, NameForms } from './entries';
export { buildEntries } from './entries';
export { foldText, tokenize } from './tokenize';

const NAMED: ReadonlySet<GuidelineEntry['kind']> = new Set(['state', 'organisation', 'institution']);

interface Doc {
  n: number;
  title: string;
  terms: string;
  body: string;
  ref: string;
}

export interface GuidelineResult {
  id: string;
  kind: GuidelineEntry['kind'];
  score: number;
  /** Text in the UI language (falling back to English). */
  title: string;
  explanation?: string;
  /** The pack's title (rules and forms of address). */
  pack?: string;
  severity?: GuidelineEntry['severity'];
  sources: GuidelineSource[];
  entry: GuidelineEntry;
}

const all = (l: Localized | undefined) => (l ? [l.en, l.km, l.fr].filter(Boolean).join('\n') : '');
const pick = (l: Localized | undefined, lang: UiLanguage) => (l ? (l[lang] ?? l.en) : undefined);

export interface SearchOptions {
  lang?: UiLanguage;
  limit?: number;
}

export class GuidelineIndex {
  readonly entries: readonly GuidelineEntry[];
  /** Milliseconds it took to build (for the popup's timing hook and the benchmark). */
  readonly buildMs: number;
  private readonly mini: MiniSearch<Doc>;
  /** Folded official forms and titles → entries: a query typed out in full ranks its exact entries first. */
  private readonly exact = new Map<string, number[]>();

  constructor(entries: readonly GuidelineEntry[]) {
    const t0 = performance.now();
    this.entries = entries;
    this.mini = new MiniSearch<Doc>({
      idField: 'n',
      fields: ['title', 'terms', 'body', 'ref'],
      storeFields: [],
      tokenize,
      // tokenize() already folds case, accents and Khmer variants.
      processTerm: (term) => term,
      searchOptions: {
        boost: { title: 3, terms: 3, ref: 2, body: 1 },
        combineWith: 'OR',
        // Khmer bigrams match exactly (a single typed Khmer letter as a prefix);
        // Latin words match as prefixes while typing.
        prefix: (term) => (isKhmerTerm(term) ? term.length === 2 : term.length >= 2),
        // Typo tolerance for Latin words of four letters or more (one edit, two from eight).
        fuzzy: (term) => (isKhmerTerm(term) || term.length < 4 ? false : term.length >= 8 ? 0.25 : 0.2),
        weights: { fuzzy: 0.4, prefix: 0.6 },
        // A name typed in full should show the state or organisation before rules and terms that mention it.
        boostDocument: (n) => (NAMED.has(entries[n as number]!.kind) ? 1.5 : 1),
      },
    });
    this.mini.addAll(
      entries.map((e, n) => ({
        n,
        title: all(e.title),
        terms: e.terms.join('\n'),
        // Sources are searchable for guidelines; table rows share a few long source titles that would only add noise.
        body: [all(e.explanation), all(e.packTitle), e.kind === 'guideline' ? e.sources.map((s) => [s.title, s.publisher, s.section].filter(Boolean).join(' ')).join('\n') : '', e.category ?? '']
          .join('\n'),
        ref: e.id.replace(/[._:-]/g, ' '),
      })),
    );
    entries.forEach((e, n) => {
      const forms = [e.title.en, e.title.fr, e.title.km, ...Object.values(e.names ?? {}).flatMap((f) => [f?.short, f?.formal, f?.acronym])];
      for (const f of new Set(forms.filter((x): x is string => Boolean(x)).map(exactKey))) {
        const list = this.exact.get(f);
        if (list) list.push(n);
        else this.exact.set(f, [n]);
      }
    });
    this.buildMs = performance.now() - t0;
  }

  search(query: string, options: SearchOptions = {}): GuidelineResult[] {
    const { lang = 'en', limit = 25 } = options;
    const terms = tokenize(query);
    if (terms.length === 0) return [];
    const khmer = terms.filter(isKhmerTerm);
    // Khmer bigrams: keep entries that share at least half of the query's bigrams,
    // so a long Khmer query does not list everything that shares one syllable.
    const needKhmer = khmer.length >= 3 ? Math.ceil(khmer.length / 2) : khmer.length > 0 ? 1 : 0;
    const hits = this.mini.search(query);
    const exact = new Set(this.exact.get(exactKey(query)) ?? []);
    if (exact.size > 0) hits.sort((a, b) => Number(exact.has(b.id as number)) - Number(exact.has(a.id as number)) || b.score - a.score);
    const out: GuidelineResult[] = [];
    for (const hit of hits) {
      if (needKhmer && khmerCoverage(hit) < needKhmer) continue;
      const entry = this.entries[hit.id as number]!;
      const result: GuidelineResult = {
        id: entry.id,
        kind: entry.kind,
        score: hit.score,
        title: pick(entry.title, lang)!,
        sources: entry.sources,
        entry,
      };
      const explanation = pick(entry.explanation, lang);
      if (explanation) result.explanation = explanation;
      const pack = pick(entry.packTitle, lang);
      if (pack) result.pack = pack;
      if (entry.severity) result.severity = entry.severity;
      out.push(result);
      if (out.length >= limit) break;
    }
    return out;
  }
}

/** Folded text with single spaces (Khmer spaces dropped), for exact-name matches. */
function exactKey(text: string): string {
  return foldText(text)
    .replace(/([\u1780-\u17FF])\s+(?=[\u1780-\u17FF])/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function khmerCoverage(hit: SearchResult): number {
  return hit.queryTerms.filter(isKhmerTerm).length;
}

const cache = new WeakMap<readonly Pack[], WeakMap<Glossary | typeof NO_GLOSSARY, GuidelineIndex>>();
const NO_GLOSSARY = {};

/**
 * The index for these packs and glossary, built on first use and then reused.
 * `tables` (derived from the same packs, in precedence order) is used on the first build.
 */
export function guidelineIndex(packs: readonly Pack[], glossary?: Glossary, tables?: MergedTables): GuidelineIndex {
  let byGlossary = cache.get(packs);
  if (!byGlossary) cache.set(packs, (byGlossary = new WeakMap()));
  const key = glossary ?? NO_GLOSSARY;
  let index = byGlossary.get(key);
  if (!index) byGlossary.set(key, (index = new GuidelineIndex(buildEntries(packs, glossary, tables))));
  return index;
}

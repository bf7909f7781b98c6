/**
 * Guideline lookup for the popup (and any page): a MiniSearch index over
 * rules, forms of address, official names and the glossary, in English,
 * Khmer and French, with typo tolerance for Latin words and bigram matching
 * for Khmer (see tokenize.ts). Built once per set of active packs and cached.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Pack } from '@/lib/packs/schema';
import type { Glossary } from '@/lib/translation/glossary';
import { buildEntries, type GuidelineEntry, type GuidelineSource, type Localized } from './entries';
import { isKhmerTerm, tokenize } from './tokenize';

export type { EntryHolder, EntryKind, EntryLang, EntryNames, FormerName, GuidelineEntry, GuidelineKind, GuidelineSource, Localized, NameForms } from './entries';
export { buildEntries } from './entries';
export { foldText, tokenize } from './tokenize';

type Lang = 'en' | 'km' | 'fr';

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
const pick = (l: Localized | undefined, lang: Lang) => (l ? (l[lang] ?? l.en) : undefined);

export interface SearchOptions {
  lang?: Lang;
  limit?: number;
}

export class GuidelineIndex {
  readonly entries: readonly GuidelineEntry[];
  /** Milliseconds it took to build (for the popup's timing hook and the benchmark). */
  readonly buildMs: number;
  private readonly mini: MiniSearch<Doc>;

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
      },
    });
    this.mini.addAll(
      entries.map((e, n) => ({
        n,
        title: all(e.title),
        terms: e.terms.join('\n'),
        body: [all(e.explanation), all(e.packTitle), e.sources.map((s) => [s.title, s.publisher, s.section].filter(Boolean).join(' ')).join('\n'), e.category ?? '']
          .join('\n'),
        ref: e.id.replace(/[._:-]/g, ' '),
      })),
    );
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

function khmerCoverage(hit: SearchResult): number {
  return hit.queryTerms.filter(isKhmerTerm).length;
}

const cache = new WeakMap<readonly Pack[], WeakMap<Glossary | typeof NO_GLOSSARY, GuidelineIndex>>();
const NO_GLOSSARY = {};

/** The index for these packs and glossary, built on first use and then reused. */
export function guidelineIndex(packs: readonly Pack[], glossary?: Glossary): GuidelineIndex {
  let byGlossary = cache.get(packs);
  if (!byGlossary) cache.set(packs, (byGlossary = new WeakMap()));
  const key = glossary ?? NO_GLOSSARY;
  let index = byGlossary.get(key);
  if (!index) byGlossary.set(key, (index = new GuidelineIndex(buildEntries(packs, glossary))));
  return index;
}

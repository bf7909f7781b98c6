/**
 * Automatic checklist checks.
 *
 * Each check returns 'pass' | 'fail' | 'unknown'. 'unknown' means Envoy cannot
 * tell (the engine has not run yet, the platform does not expose alt text, no
 * length limit is known…): the item then behaves as a manual item.
 *
 * Inputs are structural so the guideline engine's real types fit them without
 * this module importing the engine.
 */
import { autoSpecOf, type AutoCheckId, type ChecklistTemplate } from './types';
import { containsUrl, countScriptLetters, extractHashtags, matchingTerms } from './text';
import type { Severity } from '@/lib/vocabulary';

export type AutoResult = 'pass' | 'fail' | 'unknown';

/** The minimum the checklist needs from an engine finding. */
export interface FindingLike {
  readonly severity: Severity;
  readonly ruleId: string;
  readonly category: string;
}

/** One image in the composer. `altExposed: false` when the platform gives no alt-text field for it. */
export interface ImageLike {
  readonly alt?: string | null;
  readonly altExposed?: boolean;
}

export interface AutoCheckInput {
  /** The draft's plain text. */
  readonly text: string;
  /** Engine findings for the current draft; undefined while the engine has not run. */
  readonly findings?: readonly FindingLike[];
  /** Length as the platform counts it; `limit: null` when the platform has none / it is unknown. */
  readonly length?: { readonly count: number; readonly limit: number | null };
  /** Images attached to the draft, or 'unknown' when the platform does not expose them. */
  readonly images?: readonly ImageLike[] | 'unknown';
  /** Whether this post must be bilingual (settings/policy); undefined = not known. */
  readonly bilingualRequired?: boolean;
  /**
   * Whether a second language is attached, when the caller knows it better than
   * the script heuristic (e.g. a translation pasted into a separate field, or a
   * language detector). When undefined the draft's scripts are counted.
   */
  readonly secondLanguagePresent?: boolean;
  /** Links attached outside the text (link cards), if the platform exposes them. */
  readonly links?: readonly string[];
}

// ---------------------------------------------------------------------------
// no-errors
// ---------------------------------------------------------------------------

/** Pass when the engine reports no finding of severity 'error'. Unknown until the engine has run. */
export function checkNoErrors(findings: readonly FindingLike[] | undefined): AutoResult {
  if (findings === undefined) return 'unknown';
  return findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
}

// ---------------------------------------------------------------------------
// within-limit
// ---------------------------------------------------------------------------

/**
 * Pass when `count <= limit`. A stricter limit can come from the item's
 * params (`{ limit: 240 }`, e.g. an organisation policy for crisis posts); the
 * smaller of the two applies.
 */
export function checkWithinLimit(
  length: { readonly count: number; readonly limit: number | null } | undefined,
  params: { readonly limit?: unknown } = {},
): AutoResult {
  if (length === undefined || !Number.isFinite(length.count) || length.count < 0) return 'unknown';
  const paramLimit =
    typeof params.limit === 'number' && Number.isFinite(params.limit) && params.limit > 0 ? params.limit : null;
  const platformLimit = length.limit !== null && Number.isFinite(length.limit) && length.limit > 0 ? length.limit : null;
  const limits = [paramLimit, platformLimit].filter((l): l is number => l !== null);
  if (limits.length === 0) return 'unknown';
  return length.count <= Math.min(...limits) ? 'pass' : 'fail';
}

// ---------------------------------------------------------------------------
// alt-text
// ---------------------------------------------------------------------------

/**
 * Fail when any image whose alt text the platform exposes has none (blank
 * counts as none). Unknown when the platform exposes no images or only images
 * without an alt field. No images → pass.
 */
export function checkAltText(images: readonly ImageLike[] | 'unknown' | undefined): AutoResult {
  if (images === undefined || images === 'unknown') return 'unknown';
  let unknown = false;
  for (const image of images) {
    if (image.altExposed === false) {
      unknown = true;
      continue;
    }
    if (typeof image.alt !== 'string' || image.alt.trim() === '') return 'fail';
  }
  return unknown ? 'unknown' : 'pass';
}

// ---------------------------------------------------------------------------
// camelcase-hashtags
// ---------------------------------------------------------------------------

/**
 * Words used to recognise multi-word lower-case hashtags such as
 * #humanrights or #cambodiaday (there is no space to tell the words apart, so
 * a small lexicon segments them). Extendable per item with `params.words`.
 */
export const HASHTAG_LEXICON: readonly string[] = [
  // English
  'action', 'affairs', 'africa', 'agreement', 'aid', 'air', 'america', 'angkor', 'anniversary', 'apec',
  'asean', 'asia', 'awareness', 'bilateral', 'border', 'business', 'cambodia', 'cambodian', 'celebrate',
  'change', 'children', 'city', 'civil', 'climate', 'community', 'conference', 'cooperation', 'council',
  'covid', 'cultural', 'culture', 'day', 'defence', 'defense', 'democracy', 'development', 'digital',
  'diplomacy', 'disaster', 'economic', 'economy', 'education', 'election', 'embassy', 'energy', 'environment',
  'equality', 'europe', 'family', 'festival', 'food', 'foreign', 'forum', 'free', 'freedom', 'friendship',
  'future', 'gender', 'global', 'good', 'government', 'green', 'growth', 'health', 'heritage', 'history',
  'human', 'independence', 'international', 'investment', 'kampuchea', 'khmer', 'kingdom', 'labour',
  'landmine', 'landmines', 'law', 'leaders', 'life', 'love', 'mekong', 'migrant', 'migrants', 'mine', 'mines',
  'ministry', 'mission', 'nation', 'national', 'nations', 'new', 'partnership', 'peace', 'people',
  'phnom', 'penh', 'policy', 'press', 'prosperity', 'public', 'reap', 'relations', 'relief', 'rights',
  'rule', 'safe', 'safety', 'security', 'siem', 'social', 'solidarity', 'south', 'sport', 'sports',
  'stand', 'strong', 'summit', 'support', 'sustainable', 'team', 'temple', 'tourism', 'trade', 'travel',
  'together', 'union', 'united', 'unity', 'visit', 'water', 'week', 'welcome', 'women', 'work', 'world',
  'year', 'youth',
  // French
  'affaires', 'ambassade', 'amitie', 'cambodge', 'climat', 'cooperation', 'culture', 'developpement',
  'droits', 'education', 'egalite', 'etrangeres', 'femmes', 'francophonie', 'humains', 'jeunesse',
  'journee', 'liberte', 'mondiale', 'nationale', 'paix', 'patrimoine', 'royaume', 'sante', 'solidarite',
  'visite',
];

const lexiconCache = new Map<string, ReadonlySet<string>>();

function lexiconWith(extra: readonly string[]): ReadonlySet<string> {
  const key = extra.join('\u0000');
  let set = lexiconCache.get(key);
  if (set === undefined) {
    set = new Set([...HASHTAG_LEXICON, ...extra.map((w) => w.toLowerCase())]);
    if (lexiconCache.size > 50) lexiconCache.clear();
    lexiconCache.set(key, set);
  }
  return set;
}

/** Whether `word` (lower-case) splits into at least two lexicon words (each ≥ 2 letters, digits allowed as a word). */
function segmentsIntoWords(word: string, lexicon: ReadonlySet<string>): boolean {
  // best[i] = the largest number of words covering word[0..i), or -1 if not segmentable.
  const best: number[] = new Array<number>(word.length + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= word.length; end += 1) {
    for (let start = 0; start < end; start += 1) {
      const before = best[start] ?? -1;
      if (before < 0) continue;
      const piece = word.slice(start, end);
      if ((piece.length >= 2 && lexicon.has(piece)) || /^\d+$/.test(piece)) {
        best[end] = Math.max(best[end] ?? -1, before + 1);
      }
    }
  }
  return (best[word.length] ?? -1) >= 2;
}

/**
 * Whether a hashtag is a multi-word tag written all in lower case (and so
 * should be CamelCase: #humanrights → #HumanRights). Tags with any capital,
 * non-Latin tags (Khmer) and single words are fine.
 */
export function isLowerCaseMultiWordHashtag(tag: string, extraWords: readonly string[] = []): boolean {
  const body = tag.replace(/^[#＃]/u, '');
  if (!/\p{Script=Latin}/u.test(body)) return false;
  if (body !== body.toLowerCase()) return false;
  if (!/^[\p{Script=Latin}\p{N}_]+$/u.test(body)) return false;
  if (body.includes('_')) return body.split('_').filter((p) => p !== '').length >= 2;
  const folded = body.normalize('NFD').replace(/[\u0300-\u036f]/gu, '');
  return segmentsIntoWords(folded, lexiconWith(extraWords));
}

const DEFAULT_HASHTAG_RULE = (f: FindingLike): boolean =>
  /camel/i.test(f.ruleId) && (/hashtag/i.test(f.ruleId) || /hashtag/i.test(f.category));

/**
 * Fail when the engine reports a CamelCase-hashtag finding (a rule id with
 * "camel" in a hashtag rule or category, or a rule id listed in
 * `params.ruleIds`), or when the draft itself contains a multi-word
 * lower-case hashtag. Pass otherwise (including drafts without hashtags).
 */
export function checkCamelCaseHashtags(
  text: string,
  findings: readonly FindingLike[] | undefined,
  params: { readonly ruleIds?: unknown; readonly words?: unknown } = {},
): AutoResult {
  const ruleIds = Array.isArray(params.ruleIds) ? params.ruleIds.filter((r): r is string => typeof r === 'string') : [];
  const words = Array.isArray(params.words) ? params.words.filter((w): w is string => typeof w === 'string') : [];
  if (findings?.some((f) => ruleIds.includes(f.ruleId) || DEFAULT_HASHTAG_RULE(f))) return 'fail';
  return extractHashtags(text).some((tag) => isLowerCaseMultiWordHashtag(tag, words)) ? 'fail' : 'pass';
}

// ---------------------------------------------------------------------------
// translation-attached
// ---------------------------------------------------------------------------

/** Letters of each script needed before the draft counts as carrying that language. */
export const DEFAULT_MIN_SCRIPT_LETTERS = 20;

/**
 * When a bilingual post is required, pass only if a second language is
 * present: either the caller says so (`secondLanguagePresent`) or the draft
 * holds enough Khmer and Latin letters (URLs, mentions and hashtags do not
 * count). Not required → pass. Requirement not known → unknown.
 */
export function checkTranslationAttached(
  text: string,
  bilingualRequired: boolean | undefined,
  secondLanguagePresent: boolean | undefined,
  params: { readonly minLetters?: unknown } = {},
): AutoResult {
  if (bilingualRequired === undefined) return 'unknown';
  if (!bilingualRequired) return 'pass';
  if (secondLanguagePresent !== undefined) return secondLanguagePresent ? 'pass' : 'fail';
  const min =
    typeof params.minLetters === 'number' && params.minLetters > 0 ? params.minLetters : DEFAULT_MIN_SCRIPT_LETTERS;
  const { khmer, latin } = countScriptLetters(text);
  return khmer >= min && latin >= min ? 'pass' : 'fail';
}

// ---------------------------------------------------------------------------
// source-link
// ---------------------------------------------------------------------------

/** Words that mean the post cites a source (en/fr/km). Extendable per item with `params.terms`. */
export const SOURCE_CITATION_TERMS: readonly string[] = [
  // English ("study" and bare "source" are left out: "study visit", "a source of pride")
  'according to', 'source:', 'sources:', 'report', 'reports', 'reported', 'survey', 'statistics',
  'data from', 'figures from', 'figures released', 'cited by',
  // French
  'selon', "d'après", 'source :', 'sources :', 'rapport', 'enquête', 'statistiques', 'chiffres publiés',
  // Khmer ("ប្រភព" alone also means a spring or origin, so only with a colon)
  'តាមរបាយការណ៍', 'យោងតាម', 'បើតាម', 'ប្រភព៖', 'ប្រភព:', 'របាយការណ៍', 'ស្ថិតិ',
];

/**
 * When the draft cites a source, a link must be present (in the text or as
 * an attached link). Drafts that cite nothing pass: there is nothing to link.
 */
export function checkSourceLink(
  text: string,
  links: readonly string[] | undefined,
  params: { readonly terms?: unknown } = {},
): AutoResult {
  const extra = Array.isArray(params.terms) ? params.terms.filter((t): t is string => typeof t === 'string') : [];
  const cites = matchingTerms(text, [...SOURCE_CITATION_TERMS, ...extra]).length > 0;
  if (!cites) return 'pass';
  if (links !== undefined && links.some((l) => l.trim() !== '')) return 'pass';
  return containsUrl(text) ? 'pass' : 'fail';
}

// ---------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------

/** Evaluates one automatic check. */
export function evaluateAutoCheck(
  id: AutoCheckId,
  input: AutoCheckInput,
  params: Readonly<Record<string, unknown>> = {},
): AutoResult {
  switch (id) {
    case 'no-errors':
      return checkNoErrors(input.findings);
    case 'within-limit':
      return checkWithinLimit(input.length, params);
    case 'alt-text':
      return checkAltText(input.images);
    case 'camelcase-hashtags':
      return checkCamelCaseHashtags(input.text, input.findings, params);
    case 'translation-attached':
      return checkTranslationAttached(input.text, input.bilingualRequired, input.secondLanguagePresent, params);
    case 'source-link':
      return checkSourceLink(input.text, input.links, params);
  }
}

/** Results of every automatic item in the template, keyed by item id. */
export function evaluateTemplateAutoChecks(
  template: ChecklistTemplate,
  input: AutoCheckInput,
): Record<string, AutoResult> {
  const results: Record<string, AutoResult> = {};
  for (const item of template.items) {
    const spec = autoSpecOf(item);
    if (spec !== undefined) results[item.id] = evaluateAutoCheck(spec.id, input, spec.params);
  }
  return results;
}

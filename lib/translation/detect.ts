/**
 * Language detection for short posts:
 * 1. strip entities (URLs, @mentions, #hashtags, e-mails, emoji, numbers);
 * 2. script first: Khmer, Thai, Lao, Myanmar, Hangul, Kana, Han, Arabic, Cyrillic decide on their own;
 * 3. Latin script: `franc-min` restricted to the user's languages (franc-min has no Khmer/Lao, which
 *    step 2 covers), or the browser's detector when it reports a reliable result;
 * 4. an explicit user override always wins.
 */
import { francAll } from 'franc-min';
import { baseLanguage, fromIso639_3, toApertium } from './languages';
import { findProtectedSpans } from './protect';

export type DetectionSource = 'override' | 'script' | 'franc' | 'browser' | 'fallback';

export interface Detection {
  /** BCP-47 primary language, or `null` when nothing could be decided. */
  lang: string | null;
  /** 0..1 */
  confidence: number;
  /** Whether the result is good enough to act on without asking the user. */
  reliable: boolean;
  source: DetectionSource;
  /** Ranked candidates (best first). */
  candidates: Array<{ lang: string; score: number }>;
  /** Dominant script of the letters. */
  script: ScriptName | null;
}

/**
 * A browser detector adapted to one shape: Chrome's `LanguageDetector` instance
 * (`detect()` → `[{ detectedLanguage, confidence }]`) fits directly; see `fromI18nDetectLanguage`
 * for `browser.i18n.detectLanguage`.
 */
export interface BrowserLanguageDetector {
  detect(text: string): Promise<Array<{ detectedLanguage: string | null; confidence: number }>>;
}

/** Adapts `browser.i18n.detectLanguage` (CLD3 in Chrome, CLD2 in Firefox). */
export function fromI18nDetectLanguage(
  detectLanguage: (text: string) => Promise<{ isReliable: boolean; languages: Array<{ language: string; percentage: number }> }>,
): BrowserLanguageDetector {
  return {
    async detect(text) {
      const r = await detectLanguage(text);
      if (!r.isReliable) return [];
      return r.languages.map((l) => ({ detectedLanguage: l.language, confidence: l.percentage / 100 }));
    },
  };
}

export interface DetectOptions {
  /** The user's languages (BCP-47), used to restrict Latin-script detection. Default: km, en, fr. */
  userLanguages?: readonly string[];
  /** The user's explicit choice; returned as is. */
  override?: string;
  browser?: BrowserLanguageDetector;
  /** Minimum browser confidence to accept its answer. Default 0.7. */
  browserMinConfidence?: number;
  /** Returned (unreliable) when nothing can be decided, e.g. the user's default language. */
  fallback?: string;
}

export type ScriptName = 'Khmer' | 'Thai' | 'Lao' | 'Myanmar' | 'Hangul' | 'Kana' | 'Han' | 'Arabic' | 'Cyrillic' | 'Latin' | 'Other';

const SCRIPTS: Array<[ScriptName, RegExp]> = [
  ['Khmer', /[\u1780-\u17FF\u19E0-\u19FF]/u],
  ['Thai', /[\u0E00-\u0E7F]/u],
  ['Lao', /[\u0E80-\u0EFF]/u],
  ['Myanmar', /[\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F]/u],
  ['Hangul', /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/u],
  ['Kana', /[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]/u],
  ['Han', /\p{Script=Han}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Latin', /\p{Script=Latin}/u],
];

const SCRIPT_LANG: Partial<Record<ScriptName, string>> = {
  Khmer: 'km', Thai: 'th', Lao: 'lo', Myanmar: 'my', Hangul: 'ko', Kana: 'ja', Han: 'zh', Arabic: 'ar', Cyrillic: 'ru',
};

export function scriptOf(ch: string): ScriptName {
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return 'Other';
}

/** Text without URLs, mentions, hashtags, e-mails, emoji and numbers (they carry no language signal). */
export function stripEntities(text: string): string {
  const spans = findProtectedSpans(text, { kinds: { glossary: false, entity: false, literal: false } });
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += text.slice(pos, s.start) + ' ';
    pos = s.end;
  }
  return (out + text.slice(pos)).replace(/\s+/gu, ' ').trim();
}

/** Letters per script. Khmer/Thai/Lao/Myanmar vowel signs are combining marks, so marks count with letters. */
export function scriptCounts(text: string): Map<ScriptName, number> {
  const counts = new Map<ScriptName, number>();
  for (const ch of text) {
    if (!/[\p{L}\p{M}]/u.test(ch)) continue;
    const s = scriptOf(ch);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

const DEFAULT_USER_LANGUAGES = ['km', 'en', 'fr'];
const CYRILLIC_LANGS = ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk'];
const ARABIC_LANGS = ['ar', 'fa', 'ur', 'ps'];

function francCode(tag: string): string | undefined {
  const b = baseLanguage(tag);
  if (b === 'ms') return 'zlm';
  if (b === 'fil' || b === 'tl') return 'tgl';
  if (b === 'zh') return 'cmn';
  if (b === 'ar') return 'arb';
  return toApertium(b);
}

function result(partial: Partial<Detection> & Pick<Detection, 'lang' | 'source'>): Detection {
  return { confidence: 0, reliable: false, candidates: [], script: null, ...partial };
}

/** Detects the language of a post. Never throws; returns `lang: null` when undecidable and no fallback. */
export async function detectLanguage(text: string, opts: DetectOptions = {}): Promise<Detection> {
  if (opts.override) return result({ lang: opts.override, source: 'override', confidence: 1, reliable: true });
  const userLangs = [...(opts.userLanguages?.length ? opts.userLanguages : DEFAULT_USER_LANGUAGES)];
  const stripped = stripEntities(text);
  const counts = scriptCounts(stripped);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const fallback = (script: ScriptName | null): Detection =>
    result({ lang: opts.fallback ?? null, source: 'fallback', script, confidence: 0, reliable: false });
  if (total === 0) return fallback(null);

  // Japanese mixes Kana with Han: any Kana among Han means Japanese.
  const kana = counts.get('Kana') ?? 0;
  if (kana > 0 && (counts.get('Han') ?? 0) > 0) {
    counts.set('Kana', kana + (counts.get('Han') ?? 0));
    counts.delete('Han');
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  // Latin words in a Khmer/Thai/… post are mostly names and acronyms: a non-Latin script with a
  // quarter of the letters decides.
  const nonLatin = ranked.find(([s]) => s !== 'Latin' && s !== 'Other');
  if (ranked[0]![0] === 'Latin' && nonLatin && nonLatin[1] / total >= 0.25) {
    ranked.splice(ranked.indexOf(nonLatin), 1);
    ranked.unshift(nonLatin);
  }
  const [script, n] = ranked[0]!;
  const share = n / total;

  if (script !== 'Latin' && script !== 'Other') {
    let lang = SCRIPT_LANG[script]!;
    // Cyrillic / Arabic are shared by several languages: prefer the user's language with that script.
    const family = script === 'Cyrillic' ? CYRILLIC_LANGS : script === 'Arabic' ? ARABIC_LANGS : undefined;
    const mine = family && userLangs.map(baseLanguage).find((l) => family.includes(l));
    if (mine) lang = mine;
    const candidates = ranked
      .filter(([s]) => SCRIPT_LANG[s])
      .map(([s, c]) => ({ lang: SCRIPT_LANG[s]!, score: c / total }));
    candidates[0] = { lang, score: share };
    return result({ lang, source: 'script', script, confidence: share, reliable: share >= 0.5 && n >= 2, candidates });
  }
  if (script === 'Other') return fallback('Other');

  // Latin script.
  if (opts.browser) {
    try {
      const results = await opts.browser.detect(stripped);
      const top = results.find((r) => r.detectedLanguage);
      const min = opts.browserMinConfidence ?? 0.7;
      if (top?.detectedLanguage && top.confidence >= min) {
        const lang = baseLanguage(top.detectedLanguage);
        const allowed = userLangs.some((u) => baseLanguage(u) === lang || (lang === 'tl' && baseLanguage(u) === 'fil'));
        if (allowed) {
          return result({
            lang: lang === 'tl' ? 'fil' : lang,
            source: 'browser',
            script,
            confidence: top.confidence,
            reliable: true,
            candidates: results.filter((r) => r.detectedLanguage).map((r) => ({ lang: baseLanguage(r.detectedLanguage!), score: r.confidence })),
          });
        }
      }
    } catch {
      /* fall through to franc */
    }
  }

  const only = [...new Set(userLangs.map(francCode).filter((c): c is string => !!c))];
  const latinOnly = only.filter((c) => !['khm', 'tha', 'lao', 'mya', 'kor', 'jpn', 'cmn', 'arb', 'rus'].includes(c));
  if (latinOnly.length === 0) return fallback(script);
  const latinLetters = counts.get('Latin') ?? 0;
  if (latinOnly.length === 1) {
    const lang = fromIso639_3(latinOnly[0]!) ?? latinOnly[0]!;
    return result({ lang, source: 'franc', script, confidence: 0.6, reliable: latinLetters >= 10, candidates: [{ lang, score: 1 }] });
  }
  const scores = francAll(stripped, { only: latinOnly, minLength: 3 });
  const [best, second] = scores;
  if (!best || best[0] === 'und') return fallback(script);
  let lang = fromIso639_3(best[0]) ?? best[0];
  // franc scores are relative (best = 1): use the margin over the runner-up as confidence.
  let margin = second ? 1 - second[1] : 1;
  const lengthFactor = Math.min(1, latinLetters / 40);
  let candidates = scores.map(([c, s]) => ({ lang: fromIso639_3(c) ?? c, score: s }));
  // Close call on short text: let frequent function words break the tie ("Merci beaucoup", "Thank you").
  let tieBroken = false;
  if (margin < 0.2) {
    const words = stripped.toLowerCase().match(/[\p{L}\p{M}']+/gu) ?? [];
    const close = candidates.filter((c) => c.score >= 1 - 0.2).map((c) => c.lang);
    const hits = close.map((l) => ({ l, n: words.filter((w) => FUNCTION_WORDS[l]?.has(w)).length }));
    hits.sort((a, b) => b.n - a.n);
    if (hits[0] && hits[0].n > 0 && hits[0].n > (hits[1]?.n ?? 0)) {
      tieBroken = hits[0].l !== lang;
      lang = hits[0].l;
      margin = Math.max(margin, 0.1 * (hits[0].n - (hits[1]?.n ?? 0)));
      if (tieBroken) candidates = [{ lang, score: 1 }, ...candidates.filter((c) => c.lang !== lang)];
    }
  }
  const confidence = Math.max(0, Math.min(1, 0.5 + margin * 2 * lengthFactor)) * (share >= 0.5 ? 1 : share * 2);
  const reliable = confidence >= 0.75 && latinLetters >= 15 && share >= 0.5;
  return result({ lang, source: 'franc', script, confidence, reliable, candidates });
}

/** Frequent words per Latin-script language, used only to break close franc calls on short posts. */
const FUNCTION_WORDS: Record<string, Set<string>> = {
  en: new Set('the and of to in for with on is are was you your our we thank thanks happy congratulations today this that from at by welcome'.split(' ')),
  fr: new Set("le la les de des du et à au aux pour avec sur est sont nous notre vous votre merci bonne joyeuse félicitations aujourd'hui ce cette une un".split(' ')),
  es: new Set('el los las de del y en para con por es son gracias feliz felicidades hoy este esta una un nuestro nuestra'.split(' ')),
  vi: new Set('và của các những cho với là được trong chúc mừng cảm ơn hôm nay'.split(' ')),
  fil: new Set('ang ng sa mga at na po salamat maraming para ay ito'.split(' ')),
  id: new Set('dan yang di ke dari untuk dengan ini itu terima kasih selamat hari kami kita tidak pada bisa sangat'.split(' ')),
  ms: new Set('dan yang di ke dari untuk dengan ini itu terima kasih selamat hari kami kita tidak pada anda sokongan kerana'.split(' ')),
};

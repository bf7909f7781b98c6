/**
 * Article-aware replacement of a name inside English and French text, so a
 * fix reads as grammar: "de Ceylan" → "du Sri Lanka", "en Birmanie" → "au
 * Myanmar", "le Zaïre" → "la République démocratique du Congo", "to Holland"
 * → "to the Netherlands", "the Ivory Coast" → "Côte d'Ivoire". The target's
 * article comes from the table (UNTERM's "(le)", "(the)" …).
 */
import type { TableLang } from '@/lib/entities/schema';
import type { Range } from './types';

export type Article = 'the' | 'le' | 'la' | "l'" | 'les';

export interface NameTarget {
  name: string;
  article?: Article | undefined;
  /** A house-style form given verbatim ("Lao PDR", "the DPRK"): a preceding "the" is left alone. */
  verbatim?: boolean;
}

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;
const APOS = "['’]";
// Longest first: "de la" before "la", "de l'" before "l'".
const FR_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])((de la|de l${APOS}|du|des|de|d${APOS}|le|la|les|l${APOS}|au|aux|en|à)(\\s*))$`,
  'iu',
);
const EN_THE = /(?:^|[^\p{L}])((the)(\s+))$/iu;

type FrCase = 'genitive' | 'definite' | 'locative' | 'bare';

function frCase(word: string): FrCase {
  const w = word.toLowerCase().replace('’', "'");
  if (['de la', "de l'", 'du', 'des', 'de', "d'"].includes(w)) return 'genitive';
  if (['le', 'la', 'les', "l'"].includes(w)) return 'definite';
  return 'locative';
}

function frPhrase(kind: FrCase, target: NameTarget, original: string): string {
  const { name, article } = target;
  const vowel = VOWEL.test(name);
  switch (kind) {
    case 'genitive':
      if (article === 'le') return vowel ? `de l'${name}` : `du ${name}`;
      if (article === 'les') return `des ${name}`;
      if (article === "l'") return `de l'${name}`;
      // A one-word feminine name after a bare "de" stays bare ("ambassade de Turquie" → "de Türkiye");
      // after an article, or for a descriptive name ("République …"), French keeps "de la".
      if (article === 'la') {
        const bare = /^d(e|')$/i.test(original.replace('’', "'")) && !/\s/.test(name);
        return bare ? (vowel ? `d'${name}` : `de ${name}`) : `de la ${name}`;
      }
      return vowel ? `d'${name}` : `de ${name}`;
    case 'definite':
      if (article === 'le') return vowel ? `l'${name}` : `le ${name}`;
      if (article === 'la') return vowel ? `l'${name}` : `la ${name}`;
      if (article === "l'") return `l'${name}`;
      if (article === 'les') return `les ${name}`;
      return name;
    case 'locative':
      if (article === 'le') return vowel ? `en ${name}` : `au ${name}`;
      if (article === 'les') return `aux ${name}`;
      if (article === 'la' || article === "l'") return `en ${name}`;
      return `à ${name}`;
    default:
      return name;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const startsUpper = (s: string) => s.charAt(0) !== s.charAt(0).toLowerCase();

/** Range and replacement for replacing `hit` with `target` in `lang`, taking the preceding article or preposition along. */
export function nameReplacement(
  text: string, hit: Range, lang: TableLang, target: NameTarget, options: { acronym?: boolean } = {},
): { range: Range; replacement: string } {
  const matched = text.slice(hit.start, hit.end);
  // Shouting ("ZAÏRE") stays shouting; an acronym written as such ("FYROM") does not.
  const allCaps = !options.acronym && matched.length > 1 && matched === matched.toUpperCase() && matched !== matched.toLowerCase();
  const name = allCaps ? target.name.toUpperCase() : target.name;
  const before = text.slice(Math.max(0, hit.start - 12), hit.start);
  if (lang === 'fr') {
    const m = FR_BEFORE.exec(before);
    if (!m) return { range: hit, replacement: frPhrase('bare', { ...target, name }, '') };
    const word = m[2]!;
    const start = hit.start - m[1]!.length;
    let replacement = frPhrase(frCase(word), { ...target, name }, word);
    if (allCaps) replacement = replacement.toUpperCase();
    else if (startsUpper(word)) replacement = capitalise(replacement);
    return { range: { start, end: hit.end }, replacement };
  }
  if (lang === 'en') {
    const the = EN_THE.exec(before);
    if (target.verbatim) {
      return { range: hit, replacement: the && /^the\s/i.test(name) ? name.replace(/^the\s+/i, '') : name };
    }
    const wantsThe = target.article === 'the' && !/^the\s/i.test(name);
    if (the) {
      const start = hit.start - the[1]!.length;
      const replacement = wantsThe ? `${the[2]}${the[3]}${name}` : startsUpper(the[2]!) ? capitalise(name) : name;
      return { range: { start, end: hit.end }, replacement };
    }
    if (!wantsThe) return { range: hit, replacement: name };
    const sentenceStart = /(?:^|[.!?]\s+|\n\s*)$/.test(before);
    return { range: hit, replacement: `${sentenceStart ? 'The' : 'the'} ${name}` };
  }
  return { range: hit, replacement: name };
}

/**
 * Tokenisation for guideline lookup, shared by the index and the query so
 * both see the same terms.
 *
 * - Latin (and other spaced scripts): NFC, lower case, accents removed
 *   ("Ministère" → "ministere"), split on anything that is not a letter or digit.
 * - Khmer is written without spaces between words, so a Khmer run is indexed
 *   as overlapping character bigrams ("សម្តេច" → "សម", "ម្", "្ត", "តេ", "េច").
 *   Any part of a word typed into the search box then finds it, and ranking
 *   favours entries that share more bigrams with the query. COENG DA is folded
 *   into COENG TA (សម្ដេច = សម្តេច) and zero-width characters are dropped, as
 *   in the guideline engine.
 */

const COENG = '\u17D2';
const KHMER_RUN = /[\u1780-\u17FF\u19E0-\u19FF]+/gu;
const KHMER_CHAR = /[\u1780-\u17FF\u19E0-\u19FF]/u;
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/gu;

/** Prefix that marks a Khmer bigram term (keeps them apart from Latin terms in the index). */
export const KHMER_TERM_MARK = '\u0001';

export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replaceAll(`${COENG}\u178A`, `${COENG}\u178F`)
    .toLowerCase()
    .normalize('NFD')
    .replace(/([\p{Script=Latin}])[\u0300-\u036F]+/gu, '$1')
    .normalize('NFC')
    .replace(/[’‘ʼ]/g, "'");
}

export function isKhmerTerm(term: string): boolean {
  return term.startsWith(KHMER_TERM_MARK);
}

export function hasKhmer(text: string): boolean {
  return KHMER_CHAR.test(text);
}

function khmerBigrams(run: string, out: string[]): void {
  if (run.length === 1) {
    out.push(KHMER_TERM_MARK + run);
    return;
  }
  for (let i = 0; i + 1 < run.length; i++) out.push(KHMER_TERM_MARK + run.slice(i, i + 2));
}

/**
 * Terms of a text. Spaces between Khmer characters are ignored (Khmer spacing
 * is optional), so "ហ៊ុន សែន" and "ហ៊ុនសែន" give the same bigrams.
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text).replace(/([\u1780-\u17FF\u19E0-\u19FF])\s+(?=[\u1780-\u17FF\u19E0-\u19FF])/gu, '$1');
  const out: string[] = [];
  for (const run of folded.match(KHMER_RUN) ?? []) khmerBigrams(run, out);
  const latin = folded.replace(KHMER_RUN, ' ');
  for (const word of latin.split(/[^\p{L}\p{N}]+/u)) if (word) out.push(word);
  return out;
}

/** Registry of all literal terms of all rules, backed by one LiteralMatcher. */
import { LiteralMatcher } from './matcher';
import { isBoundedWordCharAt, isBoundedWordCharBefore, normalizeScratch } from './normalize';
import type { TermRef } from './internal';

export interface TermOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

export class TermTable {
  readonly matcher = new LiteralMatcher();
  /** Term ids used case-sensitively somewhere: their occurrences keep the exact text. */
  readonly needsExact = new Set<number>();
  /** Each text's normalised and folded forms: a quarter of the default packs' terms recur across rules. */
  private readonly forms = new Map<string, { norm: string; folded: string }>();

  /** Register `text` (normalised like the draft) and describe how a rule uses it. */
  ref(text: string, opts: TermOptions): TermRef {
    let forms = this.forms.get(text);
    if (!forms) {
      const n = normalizeScratch(text); // only the strings are kept: no offset arrays copied
      this.forms.set(text, (forms = { norm: n.norm.trim(), folded: n.folded.trim() }));
    }
    const { norm, folded } = forms;
    if (folded.length === 0) throw new Error(`term "${text}" is empty after normalisation`);
    const id = this.matcher.add(folded);
    if (opts.caseSensitive) this.needsExact.add(id);
    return {
      id,
      exact: opts.caseSensitive ? norm : null,
      checkLeft: opts.wholeWord && isBoundedWordCharAt(norm, 0),
      checkRight: opts.wholeWord && isBoundedWordCharBefore(norm, norm.length),
      text,
    };
  }
}

/** Building and applying fixes. */
import type { FixSpec, RuleBase } from './internal';
import type { FindingFix, Localized, Range } from './types';

/** Replace `fix.range` of `text` with the fix's replacement (range clamped to the text). */
export function applyFix(text: string, fix: FindingFix): string {
  const start = Math.max(0, Math.min(fix.range.start, text.length));
  const end = Math.max(start, Math.min(fix.range.end, text.length));
  return text.slice(0, start) + fix.replacement + text.slice(end);
}

/**
 * Re-capitalise a suggestion like the matched text: ALL CAPS → upper case,
 * lower case → lower case, Title → first letter upper; anything else (mixed,
 * or scripts without case) keeps the suggestion as written.
 */
export function matchCase(match: string, suggestion: string): string {
  const letters = match.replace(/[^\p{L}]/gu, '');
  const upper = letters.toUpperCase();
  const lower = letters.toLowerCase();
  if (upper === lower) return suggestion; // no cased letters (e.g. Khmer)
  if (letters === upper && letters.length > 1) return suggestion.toUpperCase();
  if (letters === lower) return suggestion.toLowerCase();
  if (letters[0] === upper[0] && letters.slice(1) === lower.slice(1)) {
    return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  }
  return suggestion;
}

export function replaceLabel(replacement: string): Localized {
  const shown = replacement.trim() || replacement;
  return { en: `Replace with “${shown}”`, km: `ជំនួសដោយ “${shown}”`, fr: `Remplacer par « ${shown} »` };
}

const REMOVE_LABEL: Localized = { en: 'Remove', km: 'លុបចេញ', fr: 'Supprimer' };

export function replaceFixes(suggestions: readonly string[], caseMode: 'match' | 'exact', range: Range, match: string): FixSpec[] {
  const seen = new Set<string>();
  const out: FixSpec[] = [];
  for (const s of suggestions) {
    const replacement = caseMode === 'match' ? matchCase(match, s) : s;
    if (seen.has(replacement)) continue;
    seen.add(replacement);
    out.push({ label: replaceLabel(replacement), replacement, range: { start: range.start, end: range.end } });
  }
  return out;
}

/** Removal that also takes one neighbouring space, so no double space or space before punctuation remains. */
export function removeFix(text: string, range: Range): FixSpec {
  let { start, end } = range;
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  if (before === ' ' && (after === '' || /[\s.,!?;:)\]]/.test(after))) start--;
  else if ((start === 0 || /\s/.test(before)) && after === ' ') end++;
  return { label: REMOVE_LABEL, replacement: '', range: { start, end } };
}

/** Fixes from a rule's own `fix` field. */
export function ruleFixes(base: RuleBase, text: string, range: Range): FixSpec[] {
  const fix = base.fix;
  if (!fix) return [];
  if (fix.action === 'remove') return [removeFix(text, range)];
  return replaceFixes(fix.with ?? [], fix.case ?? 'match', range, text.slice(range.start, range.end));
}

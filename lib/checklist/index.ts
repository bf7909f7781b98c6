/**
 * Pre-publish checklist: templates, automatic checks, template selection,
 * per-draft state, the hold state machine and the local override log.
 * Pure TypeScript (no DOM, no extension APIs).
 */
export * from './schema';
export * from './templates';
export * from './auto';
export * from './select';
export * from './state';
export * from './hold';
export * from './log';
export {
  hasKhmer,
  normaliseForMatch,
  matchingTerms,
  containsUrl,
  extractHashtags,
  countScriptLetters,
} from './text';

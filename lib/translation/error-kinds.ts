/**
 * Why a translation failed. Dependency-free so content scripts can share it
 * without pulling in the translation library.
 */
export const TRANSLATION_ERROR_KINDS = [
  'unreachable',
  'timeout',
  'bad-key',
  'unsupported-pair',
  'quota',
  'bad-response',
  'cancelled',
  'not-allowed',
] as const;
export type TranslationErrorKind = (typeof TRANSLATION_ERROR_KINDS)[number];

/**
 * The bundled Khmer font (Noto Sans Khmer, OFL, public/fonts/). Extension pages
 * declare it in components/pages.css; the in-page panel registers it in the
 * platform page's document under its own family name (see
 * entrypoints/content/khmer-font.ts), because Chromium ignores @font-face
 * inside a shadow root.
 */
export const KHMER_FONT_FILES = [
  { weight: '400', path: '/fonts/noto-sans-khmer-khmer-400-normal.woff2' },
  { weight: '700', path: '/fonts/noto-sans-khmer-khmer-700-normal.woff2' },
] as const;

/** Khmer, Khmer Symbols, zero-width (non-)joiners and the dotted circle. */
export const KHMER_UNICODE_RANGE = 'U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC';

/**
 * Family name of the faces Envoy adds to a platform page: private, so the page's
 * own text (even one using "Noto Sans Khmer" from elsewhere) is never affected.
 */
export const PAGE_KHMER_FAMILY = 'Envoy Khmer';

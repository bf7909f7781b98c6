/**
 * @font-face for the bundled Khmer font. Extension pages use relative URLs;
 * content-script shadow UIs must pass absolute chrome-extension:// URLs
 * (runtime.getURL), and the font files are web-accessible for that.
 */
export function khmerFontFaceCss(urlFor: (path: string) => string): string {
  const face = (weight: number) => `@font-face {
  font-family: 'Noto Sans Khmer';
  font-style: normal;
  font-weight: ${weight};
  font-display: swap;
  src: url('${urlFor(`/fonts/noto-sans-khmer-khmer-${weight}-normal.woff2`)}') format('woff2');
  unicode-range: U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC;
}`;
  return [face(400), face(700)].join('\n');
}

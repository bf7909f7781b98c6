/**
 * Page-side probes for the bundled Khmer font in Envoy's in-page panel, shared by the Chromium
 * (Playwright) and Firefox (puppeteer) suites. Each function is passed to `page.evaluate`, so it is
 * self-contained: no imports, no outer variables.
 */

/** The loaded faces of the panel's private "Envoy Khmer" family, as "weight:status". */
export async function envoyKhmerFaces(): Promise<string[]> {
  await document.fonts.ready;
  return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Envoy Khmer').map((f) => `${f.weight}:${f.status}`);
}

/**
 * Widths of the Khmer letters of the panel's own (Khmer) label, without its Latin "Envoy": as the
 * panel draws them, in the bundled face alone, and in `fallbackFamily`. Without a system Khmer
 * font the fallback draws boxes, so a different width proves the bundled glyphs are used.
 */
export function panelKhmerWidths(fallbackFamily: string): { khmer: string; panel: number; bundled: number; fallback: number } {
  const root = document.querySelector('diplomacy-assistant')!.shadowRoot!;
  const khmer = root.querySelector('section.panel')!.getAttribute('aria-label')!.replace(/[^\u1780-\u17FF]/gu, '');
  const probe = (family: string | null) => {
    const span = document.createElement('span');
    span.textContent = khmer;
    if (family) span.style.fontFamily = family;
    root.querySelector('.envoy-root')!.append(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    return width;
  };
  return { khmer, panel: probe(null), bundled: probe("'Envoy Khmer'"), fallback: probe(fallbackFamily) };
}

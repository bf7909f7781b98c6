import { browser } from 'wxt/browser';
import { KHMER_FONT_FILES, KHMER_UNICODE_RANGE, PAGE_KHMER_FAMILY } from '@/components/fonts';

let registered: Promise<void> | undefined;

/**
 * Adds the bundled Khmer faces to the page's document font set, once per page.
 * Chromium ignores @font-face inside a shadow root, so the panel's font must be
 * a document font. The bytes are read by the content script and handed to the
 * FontFace constructor: no <style> element or extension URL is ever put in the
 * page (nothing for page scripts to read or probe), and the page's font-src CSP
 * does not apply to in-memory data.
 */
export function registerPanelKhmerFont(): Promise<void> {
  registered ??= Promise.all(
    KHMER_FONT_FILES.map(async ({ weight, path }) => {
      const response = await fetch(browser.runtime.getURL(path as never));
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
      const face = new FontFace(PAGE_KHMER_FAMILY, await response.arrayBuffer(), {
        weight,
        style: 'normal',
        display: 'swap',
        unicodeRange: KHMER_UNICODE_RANGE,
      });
      await face.load();
      document.fonts.add(face);
    }),
  ).then(
    () => undefined,
    // Without the font Khmer still shows where the system has a Khmer font; the panel keeps working.
    (error: unknown) => console.warn('[Envoy] could not load the bundled Khmer font', error),
  );
  return registered;
}

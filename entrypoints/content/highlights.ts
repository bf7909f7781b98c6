import { editorFor } from '@/lib/editors';
import { textareaRangeRects } from '@/lib/highlight/textarea-mirror';
import type { PanelFeature, SessionApi } from '@/entrypoints/content/session-api';
import { SEVERITIES } from '@/lib/vocabulary';

/**
 * Underlines finding ranges without touching the editor's DOM.
 * - Composer in the main document: the CSS Custom Highlight API (ranges are
 *   live, so they follow scrolling and reflow by themselves).
 * - Textareas, composers inside a page's shadow root, or no Highlight API:
 *   positioned boxes in Envoy's own shadow root, from Range.getClientRects()
 *   (textareas through a mirror element), redrawn on scroll and resize.
 */

const COLOURS = { error: '#d93025', warning: '#e8a200', suggestion: '#188038' };
const highlightName = (s: string) => `envoy-${s}`;

type HighlightCtor = new (...ranges: Range[]) => unknown;
interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

function registry(): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

let highlightStyle: HTMLStyleElement | undefined;
function ensureHighlightStyle(doc: Document) {
  if (highlightStyle?.isConnected) return;
  highlightStyle = doc.createElement('style');
  highlightStyle.setAttribute('data-envoy-highlights', '');
  highlightStyle.textContent = SEVERITIES.map(
    (s) => `::highlight(${highlightName(s)}) { text-decoration: underline wavy ${COLOURS[s]}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`,
  ).join('\n');
  (doc.head ?? doc.documentElement).append(highlightStyle);
}

export function attachHighlights(api: SessionApi): () => void {
  const editor = editorFor(api.spec.editor);
  const native = registry();
  const useApi = native !== null && api.spec.editor !== 'textarea' && api.element.getRootNode() === api.element.ownerDocument;
  const layer = api.element.ownerDocument.createElement('div');
  layer.className = 'envoy-highlights';
  layer.setAttribute('aria-hidden', 'true');
  Object.assign(layer.style, { position: 'fixed', inset: '0', pointerEvents: 'none', zIndex: '2147482999' });
  const shadow = api.host.shadowRoot;
  shadow?.append(layer);
  api.host.setAttribute('data-highlights', useApi ? 'css-highlight-api' : 'boxes');

  let frame = 0;
  const draw = () => {
    frame = 0;
    const findings = api.state.getState().findings;
    try {
      if (useApi && native) {
        ensureHighlightStyle(api.element.ownerDocument);
        for (const severity of SEVERITIES) {
          const ranges = findings
            .filter((f) => f.severity === severity)
            .map((f) => editor.toDomRange(api.element, f.range.start, f.range.end))
            .filter((r): r is Range => r instanceof Range);
          if (ranges.length) native.registry.set(highlightName(severity), new native.Highlight(...ranges));
          else native.registry.delete(highlightName(severity));
        }
        return;
      }
      const boxes: HTMLElement[] = [];
      for (const f of findings) {
        const target = editor.toDomRange(api.element, f.range.start, f.range.end);
        if (!target) continue;
        const rects =
          target instanceof Range
            ? [...target.getClientRects()]
            : textareaRangeRects(api.element as HTMLTextAreaElement, target.start, target.end, shadow ?? layer);
        for (const r of rects) {
          const box = api.element.ownerDocument.createElement('div');
          box.setAttribute('data-highlight', f.ruleId);
          box.setAttribute('data-severity', f.severity);
          Object.assign(box.style, {
            position: 'fixed',
            left: `${r.left}px`,
            top: `${r.bottom - 3}px`,
            width: `${r.width}px`,
            height: '0',
            borderBottom: `2px solid ${COLOURS[f.severity]}`,
          });
          boxes.push(box);
        }
      }
      layer.replaceChildren(...boxes);
    } catch (error) {
      // A stale range (the editor re-rendered between check and paint) is redrawn on the next check.
      console.debug('[Envoy] highlight skipped', error);
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  const unsubscribe = api.state.subscribe((s, prev) => {
    if (s.findings !== prev.findings) schedule();
  });
  const listeners: Array<[EventTarget, string]> = useApi
    ? []
    : [
        [window, 'scroll'],
        [window, 'resize'],
        [api.element, 'scroll'],
      ];
  for (const [target, type] of listeners) target.addEventListener(type, schedule, { capture: true, passive: true });
  schedule();

  return () => {
    unsubscribe();
    if (frame) cancelAnimationFrame(frame);
    for (const [target, type] of listeners) target.removeEventListener(type, schedule, { capture: true });
    if (useApi && native) for (const s of SEVERITIES) native.registry.delete(highlightName(s));
    layer.remove();
  };
}

export const highlightsFeature: PanelFeature = { id: 'highlights', attach: attachHighlights };

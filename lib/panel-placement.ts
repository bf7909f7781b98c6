/**
 * Where Envoy's panel goes: next to the composer, never over the composer or
 * the platform's own buttons (submit, toolbar), always inside the viewport.
 * Pure geometry so it can be tested without a browser.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlacementInput {
  /** The composer and the platform controls to keep clear (submit buttons…). */
  keepClear: Box[];
  panel: { width: number; height: number };
  viewport: { width: number; height: number };
  gap?: number;
}

const right = (b: Box) => b.left + b.width;
const bottom = (b: Box) => b.top + b.height;

export function union(boxes: Box[]): Box {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  return { left, top, width: Math.max(...boxes.map(right)) - left, height: Math.max(...boxes.map(bottom)) - top };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(right(a), right(b)) - Math.max(a.left, b.left);
  const h = Math.min(bottom(a), bottom(b)) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, Math.max(min, max)));

export function placePanel({ keepClear, panel, viewport, gap = 8 }: PlacementInput): { left: number; top: number } {
  const visible = keepClear.filter((b) => b.width > 0 && b.height > 0);
  if (visible.length === 0) return { left: gap, top: gap };
  const area = union(visible);
  const fitLeft = (x: number) => clamp(x, gap, viewport.width - panel.width - gap);
  const fitTop = (y: number) => clamp(y, gap, viewport.height - panel.height - gap);
  const candidates = [
    { left: right(area) + gap, top: fitTop(area.top) }, // right of everything
    { left: fitLeft(area.left), top: bottom(area) + gap }, // below
    { left: fitLeft(area.left), top: area.top - panel.height - gap }, // above
    { left: area.left - panel.width - gap, top: fitTop(area.top) }, // left
  ];
  const inViewport = (c: { left: number; top: number }) =>
    c.left >= 0 && c.top >= 0 && c.left + panel.width <= viewport.width && c.top + panel.height <= viewport.height;
  const box = (c: { left: number; top: number }): Box => ({ ...c, ...panel });
  const clear = candidates.find((c) => inViewport(c) && visible.every((b) => overlap(box(c), b) === 0));
  if (clear) return clear;
  // Nothing fits cleanly (small window): stay inside the viewport and cover the least.
  const fitted = candidates.map((c) => ({ left: fitLeft(c.left), top: fitTop(c.top) }));
  const cost = (c: { left: number; top: number }) => visible.reduce((sum, b) => sum + overlap(box(c), b), 0);
  return fitted.reduce((best, c) => (cost(c) < cost(best) ? c : best));
}

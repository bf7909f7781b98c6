import { describe, expect, it } from 'vitest';
import { placePanel, type Box } from '@/lib/panel-placement';

const viewport = { width: 1280, height: 900 };
const panel = { width: 340, height: 300 };
const overlaps = (a: Box, b: Box) =>
  Math.min(a.left + a.width, b.left + b.width) > Math.max(a.left, b.left) &&
  Math.min(a.top + a.height, b.top + b.height) > Math.max(a.top, b.top);

describe('panel placement', () => {
  it('goes right of the composer and its send button, bottom-aligned inside the viewport', () => {
    const composer = { left: 8, top: 850, width: 370, height: 40 };
    const send = { left: 384, top: 850, width: 40, height: 40 };
    const p = placePanel({ keepClear: [composer, send], panel, viewport });
    const box = { ...p, ...panel };
    expect(overlaps(box, composer)).toBe(false);
    expect(overlaps(box, send)).toBe(false);
    expect(p.left).toBeGreaterThanOrEqual(424);
    expect(p.top + panel.height).toBeLessThanOrEqual(viewport.height);
  });

  it('goes below a full-width composer and its Post button', () => {
    const composer = { left: 0, top: 90, width: 1280, height: 60 };
    const post = { left: 0, top: 180, width: 40, height: 24 };
    const p = placePanel({ keepClear: [composer, post], panel, viewport });
    expect(p.top).toBeGreaterThanOrEqual(204);
  });

  it('goes above when there is no room right or below', () => {
    const composer = { left: 0, top: 700, width: 1280, height: 150 };
    const p = placePanel({ keepClear: [composer], panel, viewport });
    expect(p.top + panel.height).toBeLessThanOrEqual(700);
  });

  it('never leaves the viewport, even in a tiny window', () => {
    const small = { width: 400, height: 300 };
    const p = placePanel({ keepClear: [{ left: 0, top: 0, width: 400, height: 300 }], panel, viewport: small });
    expect(p.left).toBeGreaterThanOrEqual(0);
    expect(p.top).toBeGreaterThanOrEqual(0);
  });

  it('ignores invisible controls', () => {
    const composer = { left: 100, top: 100, width: 500, height: 100 };
    const p = placePanel({ keepClear: [composer, { left: 0, top: 0, width: 0, height: 0 }], panel, viewport });
    expect(p.left).toBe(608);
  });
});

import type { PanelFinding } from '@/components/panel/types';
import { SEVERITIES, type Severity } from '@/lib/vocabulary';

/** A run of the draft: plain, or marked because findings cover it. */
export interface MarkSegment {
  text: string;
  start: number;
  /** Most serious severity among the findings covering this run; absent for plain text. */
  severity?: Severity;
  /** Keys of the findings covering this run. */
  keys?: string[];
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/**
 * Splits the draft into plain and marked runs for the highlight layer.
 * Overlapping findings split into runs; a run shows the most serious severity.
 * Ranges outside the text (a stale check) are clipped.
 */
export function markSegments(text: string, findings: readonly Pick<PanelFinding, 'key' | 'severity' | 'range'>[]): MarkSegment[] {
  const cuts = new Set<number>([0, text.length]);
  const valid = findings
    .map((f) => ({ ...f, start: Math.max(0, Math.min(f.range.start, text.length)), end: Math.max(0, Math.min(f.range.end, text.length)) }))
    .filter((f) => f.end > f.start);
  for (const f of valid) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: MarkSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const covering = valid.filter((f) => f.start <= a && f.end >= b);
    const seg: MarkSegment = { text: text.slice(a, b), start: a };
    if (covering.length) {
      seg.severity = covering.map((f) => f.severity).sort((x, y) => rank(x) - rank(y))[0];
      seg.keys = covering.map((f) => f.key);
    }
    out.push(seg);
  }
  return out;
}

import type { Severity } from '@/lib/vocabulary';

/** Severity shown by shape as well as colour: ■ must fix, ▲ check, ● suggestion. */
const SHAPE: Record<Severity, string> = { error: '■', warning: '▲', suggestion: '●' };

export function SeverityMark({ severity, label }: { severity: Severity; label: string }) {
  return (
    <span className={`severity severity-${severity}`}>
      <span className="severity-shape" aria-hidden="true">
        {SHAPE[severity]}
      </span>
      <span className="severity-word">{label}</span>
    </span>
  );
}

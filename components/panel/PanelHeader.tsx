import { useI18n } from '@/components/i18n';
import { Counter } from '@/components/panel/Counter';
import { SeverityMark } from '@/components/panel/SeverityMark';
import type { PanelCounter, PanelFinding } from '@/components/panel/types';
import { onTrusted } from '@/components/trusted';
import { SEVERITIES, type Severity } from '@/lib/vocabulary';

export function countBySeverity(findings: readonly PanelFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, suggestion: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The panel's one-line head: name, counts by severity (shape + words), the platform's counter, minimise. */
export function PanelHeader({ findings, counter, onMinimise }: { findings: readonly PanelFinding[]; counter: PanelCounter; onMinimise(): void }) {
  const { t } = useI18n();
  const counts = countBySeverity(findings);
  const shown = SEVERITIES.filter((s) => counts[s] > 0);
  return (
    <header className="panel-head">
      <span className="panel-name">
        <span aria-hidden="true">◆</span> {t('app.name')}
      </span>
      {shown.length > 0 ? (
        <ul className="panel-counts" aria-label={t('panel.counts')}>
          {shown.map((s) => (
            <li key={s} className={`count count-${s}`} data-count-severity={s} data-count={counts[s]}>
              <SeverityMark severity={s} label={t(`panel.count.${s}`, { count: counts[s] })} />
            </li>
          ))}
        </ul>
      ) : (
        <span className="panel-counts" />
      )}
      <Counter {...counter} />
      <button type="button" className="panel-minimise" aria-expanded="true" aria-label={t('panel.minimise')} title={t('panel.minimise')} onClick={onTrusted(onMinimise)}>
        <span aria-hidden="true">–</span>
      </button>
    </header>
  );
}

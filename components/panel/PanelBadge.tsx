import { useI18n } from '@/components/i18n';
import { countBySeverity } from '@/components/panel/PanelHeader';
import type { PanelFinding } from '@/components/panel/types';
import { onTrusted } from '@/components/trusted';
import { SEVERITIES } from '@/lib/vocabulary';

/**
 * The minimised panel: a small button beside the composer with the number of findings, coloured
 * (and shaped) by the most serious one; its accessible name says what it is and what it does.
 */
export function PanelBadge({ findings, onExpand }: { findings: readonly PanelFinding[]; onExpand(): void }) {
  const { t } = useI18n();
  const counts = countBySeverity(findings);
  const worst = SEVERITIES.find((s) => counts[s] > 0) ?? 'none';
  return (
    <button
      type="button"
      className="panel-badge"
      data-panel-badge={findings.length}
      data-worst={worst}
      aria-expanded="false"
      aria-label={t('panel.badge', { count: findings.length })}
      title={t('panel.badge', { count: findings.length })}
      onClick={onTrusted(onExpand)}
    >
      <span aria-hidden="true">◆</span>
      <span className="panel-badge-count">{findings.length}</span>
    </button>
  );
}

import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n';
import { Counter } from '@/components/panel/Counter';
import { FindingsList } from '@/components/panel/FindingsList';
import { onTrusted } from '@/components/trusted';
import type { PanelCounter, PanelFinding, PanelFix } from '@/components/panel/types';

export interface PanelProps {
  findings: PanelFinding[];
  counter: PanelCounter;
  canFix: boolean;
  collapsed: boolean;
  onToggle(): void;
  onApply(finding: PanelFinding, fix: PanelFix): void;
  onIgnoreOnce(finding: PanelFinding): void;
  onIgnorePost(finding: PanelFinding): void;
  /** Feature sections (translation, checklist) shown below the findings. */
  children?: ReactNode;
}

/**
 * The compact panel anchored to a composer. It never takes focus by itself:
 * the user reaches it with Tab or a click, and typing stays in the composer.
 */
export function Panel({ findings, counter, canFix, collapsed, onToggle, children, ...actions }: PanelProps) {
  const { t } = useI18n();
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <section className="panel" role="region" aria-label={t('panel.label')}>
      <header className="panel-head">
        <button type="button" className="panel-toggle" aria-expanded={!collapsed} onClick={onTrusted(onToggle)}>
          <span aria-hidden="true">◆</span> {t('app.name')} · {t('findings.count', { count: findings.length })}
          {errors > 0 ? <span className="badge-error"> ({t('severity.error')}: {errors})</span> : null}
        </button>
        <Counter {...counter} />
      </header>
      {!collapsed && (
        <div className="panel-body">
          {!canFix && findings.length > 0 ? <p className="read-only">{t('panel.readOnly')}</p> : null}
          <FindingsList findings={findings} canFix={canFix} {...actions} />
          {children}
        </div>
      )}
    </section>
  );
}

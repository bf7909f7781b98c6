import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n';
import { FindingsList } from '@/components/panel/FindingsList';
import { FirstRunNote } from '@/components/panel/FirstRunNote';
import { PanelBadge } from '@/components/panel/PanelBadge';
import { PanelHeader } from '@/components/panel/PanelHeader';
import type { PanelCounter, PanelFinding, PanelFix } from '@/components/panel/types';

export interface PanelProps {
  findings: PanelFinding[];
  counter: PanelCounter;
  canFix: boolean;
  /** Minimised to a badge beside the composer. */
  collapsed: boolean;
  onToggle(): void;
  onApply(finding: PanelFinding, fix: PanelFix): void;
  onIgnoreOnce(finding: PanelFinding): void;
  onIgnorePost(finding: PanelFinding): void;
  /** The first-run note (what Envoy checks, where text goes), until dismissed. */
  showIntro?: boolean;
  onDismissIntro?(): void;
  /** Feature sections (translation, checklist) shown below the findings. */
  children?: ReactNode;
}

/**
 * The compact panel anchored to a composer: a head with counts by severity, one line per finding,
 * and a minimise button that shrinks it to a badge. It never takes focus by itself: the user
 * reaches it with Tab or a click, and typing stays in the composer.
 */
export function Panel({ findings, counter, canFix, collapsed, onToggle, showIntro, onDismissIntro, children, ...actions }: PanelProps) {
  const { t } = useI18n();
  return (
    <section className={`panel${collapsed ? ' panel-collapsed' : ''}`} role="region" aria-label={t('panel.label')} data-collapsed={collapsed}>
      {collapsed ? (
        <PanelBadge findings={findings} onExpand={onToggle} />
      ) : (
        <>
          <PanelHeader findings={findings} counter={counter} onMinimise={onToggle} />
          <div className="panel-body">
            {showIntro && onDismissIntro ? <FirstRunNote onDismiss={onDismissIntro} /> : null}
            {!canFix && findings.length > 0 ? <p className="read-only">{t('panel.readOnly')}</p> : null}
            <FindingsList findings={findings} canFix={canFix} {...actions} />
            {children}
          </div>
        </>
      )}
    </section>
  );
}

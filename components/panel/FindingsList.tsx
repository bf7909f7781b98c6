import { useI18n } from '@/components/i18n';
import { FindingItem } from '@/components/panel/FindingItem';
import type { PanelFinding, PanelFix } from '@/components/panel/types';
import { SEVERITIES } from '@/lib/vocabulary';

const ORDER = SEVERITIES;

interface Props {
  findings: PanelFinding[];
  canFix: boolean;
  onApply(finding: PanelFinding, fix: PanelFix): void;
  onIgnoreOnce(finding: PanelFinding): void;
  onIgnorePost(finding: PanelFinding): void;
}

/** Findings grouped by severity, most serious first; shared by the in-page panel and the studio. */
export function FindingsList({ findings, ...actions }: Props) {
  const { t } = useI18n();
  if (findings.length === 0) return <p className="clean">{t('panel.clean')}</p>;
  return (
    <>
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} aria-label={t(`severity.${severity}`)}>
            <ul className="findings">
              {group.map((f) => (
                <FindingItem key={f.key} finding={f} {...actions} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

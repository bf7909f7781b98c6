import { useI18n } from '@/components/i18n';
import { onTrusted } from '@/components/trusted';

/** Shown in the panel until dismissed, once per browser profile: what Envoy checks and where text goes. */
export function FirstRunNote({ onDismiss }: { onDismiss(): void }) {
  const { t } = useI18n();
  return (
    <aside className="panel-intro" aria-label={t('panel.intro.label')} data-first-run="">
      <p className="panel-intro-title">{t('panel.intro.title')}</p>
      <p>{t('panel.intro.checks')}</p>
      <p>{t('panel.intro.where')}</p>
      <button type="button" onClick={onTrusted(onDismiss)}>
        {t('panel.intro.dismiss')}
      </button>
    </aside>
  );
}

import { useI18n } from '@/components/i18n';

/** Shown next to a control whose value the organisation set by policy. */
export function LockedNote({ locked }: { locked: boolean }) {
  const { t } = useI18n();
  if (!locked) return null;
  return (
    <span className="locked" data-locked="organisation">
      🔒 {t('common.lockedByOrg')}
    </span>
  );
}

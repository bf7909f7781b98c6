import { useI18n } from '@/components/i18n';

interface Props {
  /** The check stopped early (time budget, findings cap, or a draft over the size limit). */
  truncated: boolean;
  /** Characters the check left unread (0: all were read, but not every rule finished). */
  uncheckedChars: number;
}

/**
 * Says, in the panel, that part of the draft was not checked, so "no issues" is never read as
 * "all clear" when the check stopped early (a pasted megabyte without line breaks, say).
 */
export function TruncatedNotice({ truncated, uncheckedChars }: Props) {
  const { t, lang } = useI18n();
  if (!truncated) return null;
  const chars = new Intl.NumberFormat(lang).format(uncheckedChars);
  return (
    <p className="truncated-notice" role="status" data-check-truncated={uncheckedChars}>
      {uncheckedChars > 0 ? t('panel.truncatedChars', { count: uncheckedChars, chars }) : t('panel.truncated')}
    </p>
  );
}

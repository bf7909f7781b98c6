import { useI18n } from '@/components/i18n';
import { onTrusted } from '@/components/trusted';

/**
 * One button for a server that needs its host permission: the background opens an extension page
 * that asks for exactly that host; the panel runs again once granted.
 */
export function AccessButton({ origin, host, busy, onRequest }: { origin: string; host: string; busy: boolean; onRequest(origin: string): void }) {
  const { t } = useI18n();
  return (
    <button type="button" data-request-access={origin} disabled={busy} onClick={onTrusted(() => onRequest(origin))}>
      {t('translate.allowAccess', { host })}
    </button>
  );
}

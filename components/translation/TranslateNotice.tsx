import { useI18n } from '@/components/i18n';
import { noticeRole, type Notice } from '@/lib/translation/panel-flow';

const NOTICE_KEYS = {
  written: 'translate.written',
  writeFailed: 'translate.writeFailed',
  stale: 'translate.stale',
  copied: 'translate.copied',
  downloaded: 'translate.downloaded',
  downloadFailed: 'translate.downloadFailed',
  accessDenied: 'translate.accessDenied',
} as const satisfies Record<Notice, string>;

/** The outcome of the last action (written, copied, downloaded…); failures as alerts. */
export function TranslateNotice({ notice }: { notice: Notice }) {
  const { t } = useI18n();
  return (
    <p role={noticeRole(notice)} data-translation-notice={notice}>
      {t(NOTICE_KEYS[notice])}
    </p>
  );
}

/**
 * The local override log for the options page: every time someone posted
 * despite open required items, with their reason. Read and export only (CSV /
 * JSON through `onDownload`); the log never leaves the device otherwise.
 *
 * Mount (options page):
 *   const log = overrideLogStore(browserAreaStorage('local'));   // lib/state/checklist-stores
 *   <OverrideLog store={log} onDownload={downloadFile} />
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '@/components/i18n';
import { logToCsv, logToJson, type OverrideLogEntry } from '@/lib/checklist/log-entry';
import type { OverrideLogStore } from '@/lib/state/checklist-stores';

export interface DownloadFile {
  filename: string;
  mimeType: string;
  content: string;
}

export interface OverrideLogProps {
  store: OverrideLogStore;
  /** Saves a file for the user (the page decides how: see `downloadFile`). */
  onDownload(file: DownloadFile): void;
  /** Shows "Clear the log" when given; asks for confirmation first. */
  confirm?(message: string): boolean;
  /** For file names; defaults to now. */
  now?(): Date;
}

/** Default `onDownload`: a temporary object URL clicked as a download link. */
export function downloadFile({ filename, mimeType, content }: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function formatWhen(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toISOString();
  }
}

export function OverrideLog({ store, onDownload, confirm, now }: OverrideLogProps) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const entries = useStore(store, (s) => s.value);
  const writeError = useStore(store, (s) => s.writeError);
  // Newest first on screen; exports keep the stored (oldest-first) order.
  const shown: OverrideLogEntry[] = [...entries].reverse();
  const stamp = (now?.() ?? new Date()).toISOString().slice(0, 10);

  return (
    <section className="override-log" aria-labelledby={headingId} data-override-log="">
      <h2 id={headingId}>{t('overrideLog.heading')}</h2>
      <p className="note">{t('overrideLog.note')}</p>
      {writeError && <p role="alert">{writeError}</p>}
      <div className="actions">
        <button
          type="button"
          disabled={entries.length === 0}
          onClick={() =>
            onDownload({ filename: `envoy-override-log-${stamp}.csv`, mimeType: 'text/csv;charset=utf-8', content: logToCsv(entries) })
          }
        >
          {t('overrideLog.exportCsv')}
        </button>
        <button
          type="button"
          disabled={entries.length === 0}
          onClick={() =>
            onDownload({ filename: `envoy-override-log-${stamp}.json`, mimeType: 'application/json', content: logToJson(entries) })
          }
        >
          {t('overrideLog.exportJson')}
        </button>
        {confirm && (
          <button
            type="button"
            disabled={entries.length === 0}
            onClick={() => {
              if (confirm(t('overrideLog.clearConfirm'))) void store.getState().replace([]);
            }}
          >
            {t('overrideLog.clear')}
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="empty">{t('overrideLog.empty')}</p>
      ) : (
        <table>
          <caption>{t('overrideLog.count', { count: entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overrideLog.when')}</th>
              <th scope="col">{t('overrideLog.platform')}</th>
              <th scope="col">{t('overrideLog.template')}</th>
              <th scope="col">{t('overrideLog.openItems')}</th>
              <th scope="col">{t('overrideLog.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry, i) => (
              <tr key={`${entry.at}-${i}`} data-override-entry="">
                <td>
                  <time dateTime={entry.at}>{formatWhen(entry.at, lang)}</time>
                </td>
                <td>{entry.platform}</td>
                <td>{entry.templateId}</td>
                <td>{entry.openItems.join(', ')}</td>
                <td>{entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

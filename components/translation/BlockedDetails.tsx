import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n';
import { onTrusted } from '@/components/trusted';
import type { PlanStep } from '@/lib/messages';
import { blockedKind, hostOfPattern } from '@/lib/translation/panel-flow';

export interface BlockedDetailsProps {
  steps: PlanStep[];
  from?: string | undefined;
  to: string;
  nameOf(tag: string): string;
  /** The host-permission button (AccessButton), when one can be asked for. */
  accessButton(origin: string | undefined, host: string): ReactNode;
  /** Starts Chrome's language-pack download inside the click (user gesture); absent elsewhere. */
  onDownload?: (() => void) | undefined;
  onOpenStudio?: (() => void) | undefined;
  /** Download progress (0–1) while a pack downloads. */
  progress?: number | undefined;
}

/** No service can translate this pair now: why, and what the user can do (grant, allow, download). */
export function BlockedDetails({ steps, from, to, nameOf, accessButton, onDownload, onOpenStudio, progress }: BlockedDetailsProps) {
  const { t } = useI18n();
  const pair = { from: from ? nameOf(from) : '?', to: nameOf(to) };
  const download = steps.find((s) => s.status === 'download-required');
  const permission = steps.find((s) => s.status === 'needs-permission');
  const cloudOff = steps.some((s) => s.status === 'cloud-not-allowed');
  return (
    <div role="alert" data-translation-error={blockedKind(steps)}>
      <p data-translation-blocked="none">{t('translate.dest.none', pair)}</p>
      {permission ? <p data-translation-blocked="permission">{t('translate.dest.permission', { host: hostOfPattern(permission.origin) ?? permission.destination })}</p> : null}
      {permission ? accessButton(permission.origin, hostOfPattern(permission.origin) ?? permission.destination) : null}
      {cloudOff ? <p data-translation-blocked="cloud-off">{t('translate.dest.cloudOff')}</p> : null}
      {download && from ? (
        <div data-translation-blocked="download">
          <p>{t('translate.dest.downloadNeeded', pair)}</p>
          {onDownload ? (
            <button type="button" onClick={onTrusted(() => onDownload())}>
              {t('translate.downloadPack', pair)}
            </button>
          ) : onOpenStudio ? (
            <button type="button" onClick={onTrusted(() => onOpenStudio())}>
              {t('translate.openStudio')}
            </button>
          ) : null}
        </div>
      ) : null}
      {progress !== undefined ? <p role="status">{t('translate.downloading', { percent: Math.round(progress * 100) })}</p> : null}
    </div>
  );
}

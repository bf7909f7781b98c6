import { useI18n } from '@/components/i18n';
import { onTrusted } from '@/components/trusted';
import type { PlanStep } from '@/lib/messages';

/** "Translated on this device / by <server> / sent to <host>": where the text goes, before it goes. */
export function DestinationLine({ step }: { step: PlanStep }) {
  const { t } = useI18n();
  const params = { destination: step.destination, label: step.label };
  const line =
    step.privacy === 'on-device'
      ? t('translate.dest.onDevice', params)
      : step.privacy === 'self-hosted'
        ? t('translate.dest.selfHosted', params)
        : t('translate.dest.cloud', params);
  return <p data-translation-destination={step.privacy}>{line}</p>;
}

/** A cloud service: its host, and the button that confirms sending there (trusted clicks only). */
export function ConfirmDestination({ step, onConfirm }: { step: PlanStep; onConfirm(destination: string): void }) {
  const { t } = useI18n();
  return (
    <div data-translation-confirm="">
      <DestinationLine step={step} />
      <button type="button" onClick={onTrusted(() => onConfirm(step.destination))}>
        {t('translate.confirmCloud', { destination: step.destination })}
      </button>
    </div>
  );
}

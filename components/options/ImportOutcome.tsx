import type { WriteFailure } from '@/lib/state/persisted-store';

/** The result of importing a file (a guideline pack, a settings file): what was done, or why it was refused. */
export type ImportOutcomeValue = { kind: 'ok'; text: string } | { kind: 'error'; lines: string[] } | null;

interface Props {
  outcome: ImportOutcomeValue;
  /** Heading of the refusal ("The pack was not imported"). */
  refused: string;
  /** Names the hooks tests and support staff look for: data-<marker>-errors, data-<marker>-ok. */
  marker: 'import' | 'settings-import';
}

export function ImportOutcome({ outcome, refused, marker }: Props) {
  if (outcome?.kind === 'error') {
    return (
      <div role="alert" {...{ [`data-${marker}-errors`]: '' }}>
        <p>{refused}</p>
        <ul>
          {outcome.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (outcome?.kind === 'ok') {
    return (
      <p role="status" {...{ [`data-${marker}-ok`]: '' }}>
        {outcome.text}
      </p>
    );
  }
  return null;
}

/** The line shown when the browser refused to store an import (quota, per-item limit). */
export function storageRefusal(
  r: WriteFailure,
  t: (key: 'options.storage.full' | 'options.storage.tooLarge' | 'options.storage.failed', vars?: Record<string, string>) => string,
): string {
  if (r.limit === 'quota') return t('options.storage.full');
  if (r.limit === 'item') return t('options.storage.tooLarge');
  return t('options.storage.failed', { reason: r.error });
}

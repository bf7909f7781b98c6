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

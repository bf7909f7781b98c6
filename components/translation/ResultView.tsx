import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n';
import type { WriteMode } from '@/components/translation/compose';
import { onTrusted } from '@/components/trusted';
import type { TranslationResult } from '@/lib/messages';

/** The translation with protected spans (mentions, hashtags, links, names, glossary terms) marked. */
function PreviewText({ result, text }: { result: TranslationResult; text: string }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  const outputs = [...result.spans].sort((a, b) => a.start - b.start).map((s) => ({ kind: s.kind, output: s.output }));
  for (const [i, span] of outputs.entries()) {
    if (!span.output.trim()) continue;
    const at = text.indexOf(span.output, cursor);
    if (at < 0) continue;
    if (at > cursor) parts.push(text.slice(cursor, at));
    parts.push(
      <mark key={i} data-protected={span.kind} style={{ background: 'var(--envoy-protected-bg, #e8f0fe)', color: 'inherit' }}>
        {span.output}
      </mark>,
    );
    cursor = at + span.output.length;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}

/** The preview: where it was translated, the text (editable in the studio), glossary issues, warnings, write buttons. */
export function ResultView({
  result,
  editable,
  edited,
  onEdit,
  nameOf,
  busy,
  onWrite,
  onCopy,
}: {
  result: TranslationResult;
  editable: boolean;
  edited: string;
  onEdit(text: string): void;
  nameOf(tag: string): string;
  busy: boolean;
  onWrite(mode: WriteMode): void;
  onCopy?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const kept = result.spans.filter((s) => s.kind !== 'glossary' && s.kind !== 'number').length;
  const shownWarnings = result.warnings.filter((w) => w.code !== 'same-language' && w.code !== 'empty');
  return (
    <div data-translation-result="" data-provider={result.providerId} data-privacy={result.privacy} data-elapsed-ms={Math.round(result.elapsedMs)}>
      <p data-translation-destination={result.privacy} style={{ fontSize: '0.85em' }}>
        {t('translate.via', { from: nameOf(result.from), to: nameOf(result.to), label: result.providerLabel, destination: result.destination })}
      </p>
      {editable ? (
        <textarea
          data-translation-preview=""
          aria-label={t('translate.previewLabel')}
          lang={result.to}
          dir="auto"
          value={edited}
          rows={8}
          onChange={onTrusted((e) => onEdit(e.target.value))}
          style={{ width: '100%', boxSizing: 'border-box' }}
        />
      ) : (
        <div
          data-translation-preview=""
          role="region"
          aria-label={t('translate.previewLabel')}
          lang={result.to}
          dir="auto"
          style={{ whiteSpace: 'pre-wrap', border: '1px solid var(--envoy-border, #ccc)', borderRadius: 4, padding: 6 }}
        >
          <PreviewText result={result} text={result.text} />
        </div>
      )}
      {kept > 0 ? <p style={{ fontSize: '0.85em' }}>{t('translate.protectedKept', { count: kept })}</p> : null}
      {result.glossaryIssues.length > 0 ? (
        <ul data-glossary-issues="">
          {result.glossaryIssues.map((issue) => (
            <li key={issue.termId} data-glossary-issue={issue.termId} data-reviewed={String(issue.reviewed)}>
              {issue.found
                ? t('translate.glossaryIssueFound', { source: issue.sourceText, expected: issue.expected, found: issue.found })
                : t('translate.glossaryIssue', { source: issue.sourceText, expected: issue.expected })}
              {issue.reviewed ? null : <em> ({t('translate.unreviewedTerm')})</em>}
            </li>
          ))}
        </ul>
      ) : null}
      {shownWarnings.length > 0 ? (
        <ul data-translation-warnings="" style={{ fontSize: '0.85em' }}>
          {shownWarnings.map((w, i) => (
            <li key={i} data-warning={w.code}>
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        <button type="button" disabled={busy} onClick={onTrusted(() => onWrite('below'))}>
          {t('translate.insertBelow')}
        </button>
        <button type="button" disabled={busy} onClick={onTrusted(() => onWrite('replace'))}>
          {t('translate.replace')}
        </button>
        {onCopy ? (
          <button type="button" onClick={onTrusted(() => onCopy())}>
            {t('translate.copy')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

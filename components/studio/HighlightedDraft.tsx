import { useRef } from 'react';
import { useI18n } from '@/components/i18n';
import type { PanelFinding } from '@/components/panel/types';
import { markSegments } from '@/components/studio/marks';

interface Props {
  id: string;
  text: string;
  findings: readonly PanelFinding[];
  onChange(text: string): void;
}

/**
 * The draft: a plain textarea (native editing, undo, IME for Khmer) over a
 * mark layer that repeats the text with the findings' passages highlighted.
 * The layer is decorative (aria-hidden); the findings list says the same in words.
 */
export function HighlightedDraft({ id, text, findings, onChange }: Props) {
  const { t } = useI18n();
  const layer = useRef<HTMLDivElement>(null);
  const segments = markSegments(text, findings);
  return (
    <div className="studio-draft">
      <label htmlFor={id} className="studio-draft-label">
        {t('studio.draftLabel')}
      </label>
      <div className="studio-draft-box">
        <div className="studio-draft-marks" ref={layer} aria-hidden="true" data-studio-marks="">
          {segments.map((s) =>
            s.severity ? (
              <mark key={s.start} data-severity={s.severity} data-finding-keys={s.keys!.join(' ')}>
                {s.text}
              </mark>
            ) : (
              <span key={s.start}>{s.text}</span>
            ),
          )}
          {/* A trailing newline needs a character after it to take up its line. */}
          {'\u200B'}
        </div>
        <textarea
          id={id}
          data-studio-draft=""
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (layer.current) layer.current.scrollTop = e.currentTarget.scrollTop;
          }}
          rows={8}
          spellCheck
          aria-describedby={`${id}-marks-help`}
        />
      </div>
      <p id={`${id}-marks-help`} className="note">
        {t('studio.highlightsHelp')}
      </p>
    </div>
  );
}

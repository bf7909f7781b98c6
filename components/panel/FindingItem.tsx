import { useId, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { SeverityMark } from '@/components/panel/SeverityMark';
import type { PanelFinding, PanelFix } from '@/components/panel/types';
import { langAttributes } from '@/lib/i18n';
import { onTrusted } from '@/components/trusted';
import type { UiLanguage } from '@/lib/vocabulary';

export function pickText(text: { en: string; km?: string; fr?: string }, lang: UiLanguage): string {
  return text[lang] ?? text.en;
}

/** A mouse click on a fix must not take focus (and the caret) away from the composer. */
const keepComposerFocus = (e: { preventDefault(): void }) => e.preventDefault();

interface Props {
  finding: PanelFinding;
  canFix: boolean;
  onApply(finding: PanelFinding, fix: PanelFix): void;
  onIgnoreOnce(finding: PanelFinding): void;
  onIgnorePost(finding: PanelFinding): void;
}

/**
 * One finding, compact: one line with the severity (shape and word, not colour
 * only), the message and its fixes; "Why?" opens the explanation, sources and
 * the ignore actions. Fix buttons stay on the line (docs/hooks.md: "Apply …").
 */
export function FindingItem({ finding, canFix, onApply, onIgnoreOnce, onIgnorePost }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const message = pickText(finding.message, lang);
  return (
    <li
      className={`finding${open ? ' open' : ''}`}
      data-rule={finding.ruleId}
      data-severity={finding.severity}
      data-finding-key={finding.key}
    >
      <div className="finding-line">
        <SeverityMark severity={finding.severity} label={t(`severity.${finding.severity}`)} />
        <span className="message" title={open ? undefined : message} {...(finding.message[lang] ? langAttributes(lang) : { lang: 'en' })}>
          {message}
        </span>
        <span className="finding-actions">
          {canFix &&
            finding.fixes.map((fix, i) => (
              <button
                key={i}
                type="button"
                className="primary"
                onMouseDown={keepComposerFocus}
                onClick={onTrusted(() => onApply(finding, fix))}
              >
                {fix.replacement === '' ? t('panel.remove', { match: finding.match }) : t('panel.apply', { replacement: fix.replacement })}
              </button>
            ))}
          <button
            type="button"
            className="finding-why"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={onTrusted(() => setOpen(!open))}
          >
            {t('panel.why')}
          </button>
        </span>
      </div>
      <div id={detailsId} hidden={!open} className="finding-details">
        <p {...(finding.explanation[lang] ? langAttributes(lang) : { lang: 'en' })}>{pickText(finding.explanation, lang)}</p>
        {finding.sources.length > 0 && (
          <>
            <h4>{t('panel.sources')}</h4>
            <ul>
              {finding.sources.map((s, i) => (
                <li key={i}>
                  {s.url ? (
                    <a href={s.url} target="_blank" rel="noreferrer noopener">
                      {s.title}
                    </a>
                  ) : (
                    s.title
                  )}
                  {s.publisher ? ` — ${s.publisher}` : ''}
                  {s.section ? `, ${s.section}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="finding-more">
          <button type="button" onClick={onTrusted(() => onIgnoreOnce(finding))}>
            {t('panel.ignoreOnce')}
          </button>
          <button type="button" onClick={onTrusted(() => onIgnorePost(finding))}>
            {t('panel.ignorePost')}
          </button>
        </div>
      </div>
    </li>
  );
}

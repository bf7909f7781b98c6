import { Fragment, forwardRef, useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/components/i18n';
import { cardAnswer } from '@/components/popup/answer';
import type { GuidelineResult } from '@/lib/search';

const KHMER = /[\u1780-\u17FF]/u;

/** lang="km" on Khmer text inside a non-Khmer UI (font, line breaking); nothing otherwise. */
function langOf(text: string, uiLang: string): { lang?: string } {
  return KHMER.test(text) && uiLang !== 'km' ? { lang: 'km' } : {};
}

function Sources({ sources }: { sources: GuidelineResult['sources'] }) {
  const { t } = useI18n();
  if (sources.length === 0) return null;
  return (
    <div className="sources">
      <strong>{t('panel.sources')}</strong>
      <ul>
        {sources.map((s, i) => {
          const label = [s.title, s.section].filter(Boolean).join(', ');
          return (
            <li key={i}>
              {s.url ? (
                <a href={s.url} target="_blank" rel="noreferrer noopener">
                  {label}
                </a>
              ) : (
                label
              )}
              {s.publisher ? <span className="publisher"> — {s.publisher}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function TermList({ label, items }: { label: string; items: readonly string[] }) {
  const { lang } = useI18n();
  if (items.length === 0) return null;
  return (
    <div>
      <strong>{label}</strong>
      <ul className="terms">
        {items.map((x, i) => (
          <li key={i} {...langOf(x, lang)}>
            {x}
          </li>
        ))}
      </ul>
    </div>
  );
}

const NAMED_KINDS = new Set(['state', 'organisation', 'institution']);

/** A named entity's official forms in English, French and Khmer, one line each (visible without opening). */
function OfficialForms({ names }: { names: NonNullable<GuidelineResult['entry']['names']> }) {
  const rows = (['en', 'fr', 'km'] as const).flatMap((l) => {
    const n = names[l];
    const forms = n ? [n.short, n.formal, n.acronym].filter((x): x is string => Boolean(x)) : [];
    return forms.length ? [{ l, text: [...new Set(forms)].join(' · ') }] : [];
  });
  return (
    <ul className="official-forms">
      {rows.map(({ l, text }) => (
        <li key={l} lang={l} data-lang={l}>
          <span className="form-lang" aria-hidden="true">
            {l.toUpperCase()}
          </span>{' '}
          {text}
        </li>
      ))}
    </ul>
  );
}

interface CardProps {
  hit: GuidelineResult;
  /** Roving focus: the one card reachable with Tab. */
  tabbable: boolean;
  onCopy(text: string): void;
  onFocusCard(): void;
  onKeyDown(e: KeyboardEvent<HTMLLIElement>): void;
}

/**
 * One lookup result as a card: the type badge, the answer first ("Write: …"), a copy button, the
 * official forms, and on opening the full explanation and sources.
 */
export const GuidelineResultItem = forwardRef<HTMLLIElement, CardProps>(function GuidelineResultItem(
  { hit, tabbable, onCopy, onFocusCard, onKeyDown },
  ref,
) {
  const { t, lang } = useI18n();
  const { entry } = hit;
  const headingId = useId();
  // The body is rendered only once opened: typing re-renders the list on every keystroke.
  const [open, setOpen] = useState(false);
  const answer = cardAnswer(hit, lang);
  return (
    <li
      ref={ref}
      className="result-card"
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={headingId}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusCard();
      }}
      onKeyDown={onKeyDown}
      data-guideline={hit.id}
      data-kind={hit.kind}
      {...(hit.severity ? { 'data-severity': hit.severity } : {})}
    >
      <div className="card-top">
        <span className="type-badge" data-kind={hit.kind}>
          {t(`popup.kind.${hit.kind}`)}
        </span>
        {hit.severity ? <span className="card-severity">{t(`severity.${hit.severity}`)}</span> : null}
      </div>
      <p className="card-answer" id={headingId}>
        {answer.write !== undefined ? (
          <>
            <span className="visually-hidden">{t(`popup.kind.${hit.kind}`)}: </span>
            {t('popup.write')}{' '}
            <strong data-answer="" {...langOf(answer.write, lang)}>
              {answer.write}
            </strong>
          </>
        ) : (
          <>
            <span className="visually-hidden">{t(`popup.kind.${hit.kind}`)}: </span>
            <span {...langOf(hit.title, lang)}>{hit.title}</span>
          </>
        )}
      </p>
      {answer.write !== undefined && answer.write !== hit.title && !(entry.names && NAMED_KINDS.has(entry.kind)) ? (
        <p className="card-title" {...langOf(hit.title, lang)}>
          {hit.title}
        </p>
      ) : null}
      {answer.avoid.length > 0 ? <p className="card-avoid">{t('popup.avoid', { terms: answer.avoid.join(', ') })}</p> : null}
      {(entry.holders ?? []).map((h, i) => {
        // Who holds the office, dated (tables: "as of" + source), so a stale entry shows its age.
        // A name with no verified form in the UI language is shown as written in English (and French), and says so.
        const local = h.name[lang];
        const written = [...new Set([h.name.en, h.name.fr].filter((x): x is string => Boolean(x)))].join(' / ');
        return (
          <Fragment key={i}>
            <p className="card-holder" data-holder="">
              {t('popup.holder', { office: h.office[lang] ?? h.office.en, name: local ?? written, date: h.asOf })}
            </p>
            {local ? null : (
              <p className="card-holder note" data-holder-note="">
                {t('popup.holder.noLocalName')}
              </p>
            )}
          </Fragment>
        );
      })}
      {(entry.heads ?? []).map((h) => (
        // A state's head of state and head of government: the style of address of each office.
        <p key={`${h.role}.${h.styleId}`} className="card-holder" data-head={h.role} {...langOf(h.style[lang] ?? h.style.en, lang)}>
          {t(`popup.head.${h.role}`, { office: h.office[lang] ?? h.office.en, style: h.style[lang] ?? h.style.en })}
        </p>
      ))}
      {entry.names && NAMED_KINDS.has(entry.kind) ? <OfficialForms names={entry.names} /> : null}
      <div className="card-actions">
        <button type="button" className="copy" aria-label={t('popup.copy', { text: answer.copy })} onClick={() => onCopy(answer.copy)}>
          {t('popup.copyButton')}
        </button>
      </div>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t('popup.more')}
          <span className="visually-hidden">: {hit.title}</span>
        </summary>
        {open && (
          <div className="guideline-body">
            {hit.explanation ? <p {...langOf(hit.explanation, lang)}>{hit.explanation}</p> : null}
            {entry.address ? (
              <>
                {entry.address.preferred ? <p>{t('popup.address.preferred', { title: entry.address.preferred })}</p> : null}
                <TermList label={t('popup.address.names')} items={entry.address.names} />
                <TermList label={t('popup.address.titles')} items={entry.address.titles} />
                <TermList label={t('popup.address.forbidden')} items={entry.address.forbidden} />
              </>
            ) : null}
            {entry.glossary ? (
              <>
                <TermList
                  label={t('popup.glossary.forms')}
                  items={Object.entries(entry.glossary.forms).map(([l, forms]) => `${l}: ${forms.join(' / ')}`)}
                />
                {!entry.glossary.reviewed ? <p className="note">{t('popup.glossary.unreviewed')}</p> : null}
              </>
            ) : null}
            {hit.pack ? <p className="pack">{t('popup.pack', { pack: hit.pack })}</p> : null}
            <Sources sources={hit.sources} />
          </div>
        )}
      </details>
    </li>
  );
});

import { useState } from 'react';
import { useI18n } from '@/components/i18n';
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
          {text}
        </li>
      ))}
    </ul>
  );
}

/** One lookup result: the title, and on opening the full explanation and sources. */
export function GuidelineResultItem({ hit }: { hit: GuidelineResult }) {
  const { t, lang } = useI18n();
  const { entry } = hit;
  // The body is rendered only once opened: typing re-renders the list on every keystroke.
  const [open, setOpen] = useState(false);
  return (
    <li data-guideline={hit.id} data-kind={hit.kind} {...(hit.severity ? { 'data-severity': hit.severity } : {})}>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <span className="kind">{t(`popup.kind.${hit.kind}`)}</span> <span {...langOf(hit.title, lang)}>{hit.title}</span>
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
      {entry.names && NAMED_KINDS.has(entry.kind) ? <OfficialForms names={entry.names} /> : null}
    </li>
  );
}

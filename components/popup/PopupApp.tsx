import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { AccountTypeField } from '@/components/SettingFields';
import { GuidelineResultItem } from '@/components/popup/GuidelineResults';
import { nextCardIndex } from '@/components/popup/keyboard';
import { useSettings, usePageLanguage } from '@/components/useSettings';
import type { TabStatus } from '@/lib/messages';
import { ADAPTERS } from '@/lib/platforms';
import type { GuidelineResult } from '@/lib/search';
import { MODES, type UiLanguage } from '@/lib/state/settings';
import type { SettingsStore } from '@/lib/state/settings-store';

export type GuidelineHit = GuidelineResult;

export interface PopupProps {
  settings: SettingsStore;
  browserLanguage?: string;
  /** Status of the active tab's content script; null where Envoy does not run. */
  loadTabStatus(): Promise<TabStatus | null>;
  /** Guideline lookup (lib/search); results in the UI language. Synchronous: it must answer within a frame. */
  search(query: string, lang: UiLanguage): GuidelineHit[];
  openStudio(): void;
  openOptions(): void;
  /** Puts text on the clipboard (default: navigator.clipboard). */
  copyText?(text: string): Promise<void>;
}

export function PopupApp(props: PopupProps) {
  const lang = usePageLanguage(props.settings, props.browserLanguage);
  return (
    <EnvoyRoot lang={lang} className="popup">
      <PopupBody {...props} />
    </EnvoyRoot>
  );
}

const clipboardCopy = (text: string) => navigator.clipboard.writeText(text);

function PopupBody({ settings, loadTabStatus, search, openStudio, openOptions, copyText = clipboardCopy }: PopupProps) {
  const { t, lang } = useI18n();
  const view = useSettings(settings, (v) => v);
  const [status, setStatus] = useState<TabStatus | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  // Time from the keystroke to the rendered results, exposed as data-search-ms for tests and benchmarks.
  const typedAt = useRef(0);
  const resultsRef = useRef<HTMLUListElement>(null);
  const boxRef = useRef<HTMLInputElement>(null);
  const cardRefs = useRef<Array<HTMLLIElement | null>>([]);

  useEffect(() => {
    let live = true;
    loadTabStatus()
      .then((s) => live && setStatus(s))
      .catch(() => live && setStatus(null));
    return () => {
      live = false;
    };
  }, [loadTabStatus]);

  const hits = useMemo(() => (query.trim() ? search(query, lang) : []), [query, lang, search]);
  useLayoutEffect(() => {
    if (resultsRef.current && typedAt.current) {
      resultsRef.current.dataset.searchMs = (performance.now() - typedAt.current).toFixed(1);
    }
  }, [hits]);
  const siteOn = status ? !view.user.disabledSites.includes(status.hostname) : false;

  const toggleSite = () => {
    if (!status) return;
    const sites = new Set(view.user.disabledSites);
    if (siteOn) sites.add(status.hostname);
    else sites.delete(status.hostname);
    void view.update({ disabledSites: [...sites] });
  };

  const type = (value: string) => {
    typedAt.current = performance.now();
    setQuery(value);
    setActive(0);
    setCopied(null);
  };

  const focusCard = (index: number) => {
    setActive(index);
    cardRefs.current[index]?.focus();
  };

  // Arrow keys: from the search box into the cards, between cards (roving focus), and back up.
  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && hits.length > 0) {
      e.preventDefault();
      focusCard(0);
    }
  };
  const onCardKey = (index: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    // Keys inside a card's own controls (summary, copy) keep their meaning, except the arrows.
    const next = nextCardIndex(e.key, index, hits.length);
    if (next === undefined) return;
    e.preventDefault();
    if (next === -1) boxRef.current?.focus();
    else focusCard(next);
  };

  const copy = (text: string) => {
    copyText(text).then(
      () => setCopied({ text, ok: true }),
      () => setCopied({ text, ok: false }),
    );
  };

  const examples = t('popup.empty.examples').split('|');

  return (
    <main className="popup-main">
      <h1 className="popup-title">
        <span aria-hidden="true">◆</span> {t('popup.title')}
      </h1>

      <div role="search" className="popup-search">
        <input
          ref={boxRef}
          type="search"
          aria-label={t('popup.searchLabel')}
          aria-describedby={hits.length > 0 ? 'popup-cards-hint' : undefined}
          placeholder={t('popup.searchPlaceholder')}
          value={query}
          onChange={(e) => type(e.target.value)}
          onKeyDown={onBoxKey}
        />
      </div>
      <p className="visually-hidden" role="status">
        {query.trim() ? t('popup.resultCount', { count: hits.length }) : ''}
        {copied ? ` ${copied.ok ? t('popup.copied', { text: copied.text }) : t('popup.copyFailed')}` : ''}
      </p>
      {query.trim() ? (
        <>
          <p id="popup-cards-hint" className="visually-hidden">
            {t('popup.cardsHint')}
          </p>
          {hits.length === 0 ? (
            <div className="popup-empty">
              <p>{t('popup.noResults', { query })}</p>
              <Examples examples={examples} onPick={type} />
            </div>
          ) : null}
          <ul aria-label={t('popup.resultsLabel')} className="results" data-results={hits.length} ref={resultsRef} hidden={hits.length === 0}>
            {hits.map((hit, i) => (
              <GuidelineResultItem
                key={hit.id}
                ref={(el) => {
                  cardRefs.current[i] = el;
                }}
                hit={hit}
                tabbable={i === Math.min(active, hits.length - 1)}
                onCopy={copy}
                onFocusCard={() => setActive(i)}
                onKeyDown={onCardKey(i)}
              />
            ))}
          </ul>
          {copied ? (
            <p className={`copy-note${copied.ok ? '' : ' error'}`} aria-hidden="true">
              {copied.ok ? t('popup.copied', { text: copied.text }) : t('popup.copyFailed')}
            </p>
          ) : null}
        </>
      ) : (
        <section className="popup-empty" aria-labelledby="popup-empty-title" data-empty-state="">
          <h2 id="popup-empty-title">{t('popup.empty.title')}</h2>
          <p>{t('popup.empty.body')}</p>
          <Examples examples={examples} onPick={type} />
        </section>
      )}

      <section className="popup-group" aria-labelledby="popup-group-page" data-tab-status={status ? 'supported' : 'unsupported'}>
        <h2 id="popup-group-page">{t('popup.group.page')}</h2>
        {status === undefined ? (
          <p>{t('common.loading')}</p>
        ) : status === null || status.platform === null ? (
          <p>{t('popup.statusUnsupported')}</p>
        ) : (
          <>
            <p>
              {t('popup.statusPlatform', { platform: ADAPTERS[status.platform].label })} ·{' '}
              {t('findings.count', { count: status.counts.error + status.counts.warning + status.counts.suggestion })}
            </p>
            <label className="switch">
              <input type="checkbox" role="switch" checked={siteOn} onChange={toggleSite} />
              {t('popup.siteSwitch')}
            </label>
            {!siteOn ? <p className="note">{t('popup.siteOff', { site: status.hostname })}</p> : null}
          </>
        )}
      </section>

      <section className="popup-group" aria-labelledby="popup-group-checks">
        <h2 id="popup-group-checks">{t('popup.group.checks')}</h2>
        <AccountTypeField view={view} />
        <fieldset>
          <legend>{t('mode.heading')}</legend>
          {MODES.map((mode) => (
            <label key={mode}>
              <input
                type="checkbox"
                checked={view.effective.modes[mode]}
                onChange={(e) => void view.update({ modes: { ...view.user.modes, [mode]: e.target.checked } })}
              />
              {t(`mode.${mode}`)}
            </label>
          ))}
        </fieldset>
      </section>

      <nav className="popup-links" aria-label={t('popup.group.open')}>
        <button type="button" className="primary" onClick={openStudio}>
          {t('popup.openStudio')}
        </button>
        <button type="button" onClick={openOptions}>
          {t('popup.openOptions')}
        </button>
      </nav>
    </main>
  );
}

/** Example searches in the UI language: one click fills the search box. */
function Examples({ examples, onPick }: { examples: string[]; onPick(query: string): void }) {
  const { t } = useI18n();
  return (
    <ul className="examples">
      {examples.map((q) => (
        <li key={q}>
          <button type="button" className="example" aria-label={t('popup.example', { query: q })} onClick={() => onPick(q)}>
            {q}
          </button>
        </li>
      ))}
    </ul>
  );
}

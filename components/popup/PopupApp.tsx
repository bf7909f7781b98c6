import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { AccountTypeField } from '@/components/SettingFields';
import { GuidelineResultItem } from '@/components/popup/GuidelineResults';
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
}

export function PopupApp(props: PopupProps) {
  const lang = usePageLanguage(props.settings, props.browserLanguage);
  return (
    <EnvoyRoot lang={lang} className="popup">
      <PopupBody {...props} />
    </EnvoyRoot>
  );
}

function PopupBody({ settings, loadTabStatus, search, openStudio, openOptions }: PopupProps) {
  const { t, lang } = useI18n();
  const view = useSettings(settings, (v) => v);
  const [status, setStatus] = useState<TabStatus | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  // Time from the keystroke to the rendered results, exposed as data-search-ms for tests and benchmarks.
  const typedAt = useRef(0);
  const resultsRef = useRef<HTMLUListElement>(null);

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

  return (
    <main style={{ width: 360, padding: 12 }}>
      <h1 style={{ fontSize: 16, margin: '0 0 8px' }}>{t('popup.title')}</h1>

      <label style={{ display: 'block' }}>
        <span className="visually-hidden">{t('popup.searchLabel')}</span>
        <input
          type="search"
          aria-label={t('popup.searchLabel')}
          placeholder={t('popup.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            typedAt.current = performance.now();
            setQuery(e.target.value);
          }}
          style={{ width: '100%', boxSizing: 'border-box' }}
        />
      </label>
      {query.trim() && (
        <>
          <p className="visually-hidden" role="status">
            {t('popup.resultCount', { count: hits.length })}
          </p>
          <ul aria-label={t('popup.resultsLabel')} className="results" data-results={hits.length} ref={resultsRef}>
            {hits.length === 0 ? <li>{t('popup.noResults', { query })}</li> : null}
            {hits.map((hit) => (
              <GuidelineResultItem key={hit.id} hit={hit} />
            ))}
          </ul>
        </>
      )}

      <section style={{ margin: '12px 0' }} data-tab-status={status ? 'supported' : 'unsupported'}>
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
            <label>
              <input type="checkbox" role="switch" checked={siteOn} onChange={toggleSite} />
              {t('popup.siteSwitch')}
            </label>
            {!siteOn ? <p className="note">{t('popup.siteOff', { site: status.hostname })}</p> : null}
          </>
        )}
      </section>

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

      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" className="primary" onClick={openStudio}>
          {t('popup.openStudio')}
        </button>
        <button type="button" onClick={openOptions}>
          {t('popup.openOptions')}
        </button>
      </div>
    </main>
  );
}

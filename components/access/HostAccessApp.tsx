import { useState } from 'react';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { usePageLanguage } from '@/components/useSettings';
import type { SettingsStore } from '@/lib/state/settings-store';

export interface HostAccessProps {
  settings: SettingsStore;
  browserLanguage?: string;
  /** Origin pattern to ask for (`https://mt.example.org/*`), from the page URL. */
  origin: string | null;
  /** `permissions.request` for exactly that origin; must be called straight from the click. */
  request(origin: string): Promise<boolean>;
  close(): void;
}

/** Only a plain host pattern is ever asked for: never `<all_urls>` or a wildcard host. */
export function askableOrigin(origin: string | null): string | null {
  return origin && /^https?:\/\/[a-z0-9.[\]:-]+\/\*$/i.test(origin) && !origin.includes('*.') ? origin : null;
}

export function HostAccessApp(props: HostAccessProps) {
  const lang = usePageLanguage(props.settings, props.browserLanguage);
  return (
    <EnvoyRoot lang={lang} className="page access-page">
      <HostAccessBody {...props} />
    </EnvoyRoot>
  );
}

function HostAccessBody({ origin: raw, request, close }: HostAccessProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'granted' | 'denied' | undefined>();
  const origin = askableOrigin(raw);
  if (!origin)
    return (
      <main className="page-main access-main">
        <p role="alert">{t('access.invalid')}</p>
      </main>
    );
  const host = origin.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
  return (
    <main className="page-main access-main">
      <h1>{t('access.title', { host })}</h1>
      <p>{t('access.explain', { host })}</p>
      <button
        type="button"
        className="primary"
        data-host-access={origin}
        onClick={() => {
          // The prompt must come straight from this click: nothing is awaited before it.
          void request(origin).then((granted) => {
            setOutcome(granted ? 'granted' : 'denied');
            if (granted) setTimeout(close, 800);
          });
        }}
      >
        {t('access.allow', { host })}
      </button>
      {outcome === 'granted' ? <p role="status">{t('access.granted')}</p> : null}
      {outcome === 'denied' ? <p role="alert">{t('access.denied', { host })}</p> : null}
    </main>
  );
}

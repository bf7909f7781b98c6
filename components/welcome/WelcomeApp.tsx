import { useEffect } from 'react';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { DataFlowReport } from '@/components/options/MoreSections';
import { AccountTypeField, TargetLanguageField, UiLanguageField } from '@/components/SettingFields';
import { useSettings, usePageLanguage } from '@/components/useSettings';
import { ADAPTERS } from '@/lib/platforms';
import type { SettingsStore, SettingsView } from '@/lib/state/settings-store';

export interface WelcomeProps {
  settings: SettingsStore;
  browserLanguage?: string;
  openStudio(): void;
  openOptions(): void;
}

/**
 * First run: what Envoy checks, where text goes (and never goes), and the few
 * choices a newcomer makes. Under organisation policy it shows the
 * organisation's settings instead of asking.
 */
export function WelcomeApp(props: WelcomeProps) {
  const lang = usePageLanguage(props.settings, props.browserLanguage);
  return (
    <EnvoyRoot lang={lang} className="page welcome">
      <WelcomeBody {...props} />
    </EnvoyRoot>
  );
}

/** True when an organisation policy sets anything (then the newcomer has nothing to choose). */
export function isOrganisationManaged(view: SettingsView): boolean {
  return Object.keys(view.policy.values).length > 0 || view.policy.packs.length > 0;
}

const CHECKS = ['names', 'security', 'tone', 'length', 'checklist'] as const;

function WelcomeBody({ settings, openStudio, openOptions }: WelcomeProps) {
  const { t } = useI18n();
  const view = useSettings(settings, (v) => v);
  useEffect(() => {
    document.title = t('welcome.title');
  }, [t]);
  const managed = isOrganisationManaged(view);
  return (
    <main className="page-main" data-welcome="">
      <header className="page-hero">
        <img src="/icon/128.png" alt="" width={48} height={48} />
        <div>
          <h1>{t('welcome.title')}</h1>
          <p className="lead">{t('welcome.intro')}</p>
        </div>
      </header>

      <section className="card" aria-labelledby="welcome-checks">
        <h2 id="welcome-checks">{t('welcome.checks')}</h2>
        <ul className="check-list">
          {CHECKS.map((key) => (
            <li key={key}>{t(`welcome.checks.${key}`)}</li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="welcome-where" data-section="privacy">
        <h2 id="welcome-where">{t('welcome.where')}</h2>
        <DataFlowReport settings={view.effective} />
        <p>
          <strong>{t('welcome.where.never')}</strong>
        </p>
      </section>

      {managed ? <OrganisationSetup view={view} /> : <PersonalSetup view={view} />}

      <section className="card" aria-labelledby="welcome-next">
        <h2 id="welcome-next">{t('welcome.next')}</h2>
        <p>{t('welcome.next.panel')}</p>
        <p>{t('welcome.next.popup')}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={openStudio}>
            {t('welcome.openStudio')}
          </button>
          <button type="button" onClick={openOptions}>
            {t('welcome.openOptions')}
          </button>
        </div>
      </section>
    </main>
  );
}

function PersonalSetup({ view }: { view: SettingsView }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="welcome-setup" data-setup="user">
      <h2 id="welcome-setup">{t('welcome.setup')}</h2>
      <p className="note">{t('welcome.setup.intro')}</p>
      <UiLanguageField view={view} />
      <AccountTypeField view={view} />
      <TargetLanguageField view={view} />
    </section>
  );
}

function OrganisationSetup({ view }: { view: SettingsView }) {
  const { t } = useI18n();
  const { effective, policy } = view;
  const items: string[] = [];
  if (policy.values.accountType) items.push(`${t('popup.accountType')}: ${t(`account.${effective.accountType}`)}`);
  if (policy.values.checklistMode) items.push(`${t('options.checklistMode')}: ${t(`checklistMode.${effective.checklistMode}`)}`);
  if (policy.values.allowCloudTranslation !== undefined)
    items.push(effective.allowCloudTranslation ? t('welcome.org.cloudOn') : t('welcome.org.cloudOff'));
  if (policy.values.enabledPlatforms)
    items.push(t('welcome.org.platforms', { platforms: effective.enabledPlatforms.map((id) => ADAPTERS[id].label).join(', ') }));
  items.push(t('welcome.org.packs', { count: policy.packs.length }));
  return (
    <section className="card" aria-labelledby="welcome-org" data-setup="organisation">
      <h2 id="welcome-org">
        <span aria-hidden="true">🔒 </span>
        {t('welcome.org')}
      </h2>
      <p>{t('welcome.org.intro')}</p>
      <ul data-org-settings="">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <UiLanguageField view={view} />
    </section>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { LockedNote } from '@/components/LockedNote';
import { CustomRulesSection } from '@/components/options/CustomRulesSection';
import { MastodonSection, PrivacySection, SettingsFileSection } from '@/components/options/MoreSections';
import { OptionsNav } from '@/components/options/OptionsNav';
import { OrganisationSection } from '@/components/options/OrganisationSection';
import { PacksSection } from '@/components/options/PacksSection';
import { SECTION_OF_SETTING, SECTION_TITLES, useHashSection, type OptionsSection } from '@/components/options/sections';
import { ProvidersSection } from '@/components/options/ProvidersSection';
import { noServices, type GuidelinesSource, type OptionsServices } from '@/components/options/types';
import { useSettings, usePageLanguage } from '@/components/useSettings';
import { AccountTypeField, UiLanguageField } from '@/components/SettingFields';
import { formatPackError } from '@/lib/packs/validate';
import { ADAPTERS } from '@/lib/platforms';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';
import { CHECKLIST_MODES } from '@/lib/state/settings';
import type { SettingsStore } from '@/lib/state/settings-store';

export interface OptionsProps {
  settings: SettingsStore;
  browserLanguage?: string;
  /** Packs: compiled guidelines and the imported-packs store. Without it the packs sections are left out. */
  guidelines?: GuidelinesSource;
  /** Permission requests, provider tests and downloads (browser APIs). */
  services?: OptionsServices;
  /** Checklist template editor (components/checklist/TemplateEditor), mounted by the page when available. */
  checklistTemplates?: ReactNode;
  /** Override log viewer (components/checklist/OverrideLog), mounted by the page when available. */
  overrideLog?: ReactNode;
  /** Extra sections supplied by the page. */
  children?: ReactNode;
}

export function OptionsApp(props: OptionsProps) {
  const lang = usePageLanguage(props.settings, props.browserLanguage);
  return (
    <EnvoyRoot lang={lang} className="options">
      <OptionsBody {...props} />
    </EnvoyRoot>
  );
}

/** Problems with organisation packs, reported by the pack loader (never a crash). */
function useOrganisationPackErrors(guidelines: GuidelinesSource | undefined): string[] {
  const errors = useStore(guidelines ?? EMPTY_GUIDELINES, (g) => g.errors);
  return errors.filter((e) => e.file.startsWith('organisation pack')).map(formatPackError);
}

const EMPTY_GUIDELINES = {
  getState: () => ({ errors: [] as never[], summaries: [] as never[] }),
  getInitialState: () => ({ errors: [] as never[], summaries: [] as never[] }),
  subscribe: () => () => {},
  setState: () => {},
} as unknown as GuidelinesSource;

function OptionsBody({ settings, guidelines, services = noServices, checklistTemplates, overrideLog, children }: OptionsProps) {
  const { t } = useI18n();
  const view = useSettings(settings, (v) => v);
  const { effective, locked } = view;
  const orgPackErrors = useOrganisationPackErrors(guidelines);
  const [section, open] = useHashSection();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef<OptionsSection>(section);
  const hasOrgPacks = useStore(guidelines ?? EMPTY_GUIDELINES, (g) => (g.summaries ?? []).some((s) => s.origin === 'organisation'));

  const lockedSections = new Set<OptionsSection>([...locked].map((k) => SECTION_OF_SETTING[k]));
  if (lockedSections.size > 0 || hasOrgPacks) lockedSections.add('organisation');
  if (hasOrgPacks) lockedSections.add('packs');

  const openSection = open;
  // When another section opens (nav, link, back/forward), focus its heading so screen readers announce it;
  // not on first load.
  useEffect(() => {
    if (shown.current !== section) headingRef.current?.focus();
    shown.current = section;
  }, [section]);

  const content: Record<OptionsSection, ReactNode> = {
    general: (
      <>
        <UiLanguageField view={view} />
        <AccountTypeField view={view} />
        <fieldset data-setting="enabledPlatforms">
          <legend>{t('options.platforms')}</legend>
          {PLATFORM_IDS.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={effective.enabledPlatforms.includes(id)}
                disabled={locked.has('enabledPlatforms')}
                onChange={(e) => {
                  const next = new Set(view.user.enabledPlatforms);
                  if (e.target.checked) next.add(id);
                  else next.delete(id);
                  void view.update({ enabledPlatforms: PLATFORM_IDS.filter((p) => next.has(p)) });
                }}
              />
              {ADAPTERS[id].label}
            </label>
          ))}
          <LockedNote locked={locked.has('enabledPlatforms')} />
        </fieldset>
        <MastodonSection view={view} services={services} />
        {children}
      </>
    ),
    packs: guidelines ? <PacksSection view={view} guidelines={guidelines} services={services} /> : <Unavailable />,
    rules: guidelines ? <CustomRulesSection guidelines={guidelines} /> : <Unavailable />,
    checklist: (
      <>
        <fieldset data-setting="checklistMode">
          <legend>{t('options.checklistMode')}</legend>
          {CHECKLIST_MODES.map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="checklistMode"
                value={mode}
                checked={effective.checklistMode === mode}
                disabled={locked.has('checklistMode')}
                onChange={() => void view.update({ checklistMode: mode })}
              />
              {t(`checklistMode.${mode}`)}
            </label>
          ))}
          <LockedNote locked={locked.has('checklistMode')} />
        </fieldset>
        <fieldset data-section="checklist-templates">
          <legend>{t('options.checklistTemplates')}</legend>
          {checklistTemplates ?? <p className="note">{t('options.comingSoon')}</p>}
        </fieldset>
        <fieldset data-section="override-log">
          <legend>{t('options.overrideLog')}</legend>
          {overrideLog ?? <p className="note">{t('options.comingSoon')}</p>}
        </fieldset>
      </>
    ),
    translation: <ProvidersSection view={view} services={services} />,
    privacy: <PrivacySection settings={effective} />,
    organisation: <OrganisationSection view={view} guidelines={guidelines} onOpen={openSection} />,
    backup: guidelines ? <SettingsFileSection view={view} guidelines={guidelines} services={services} /> : <Unavailable />,
  };

  return (
    <div className="options-page">
      <header className="options-header">
        <h1>{t('options.title')}</h1>
      </header>
      {view.policy.notices.length > 0 && (
        <div role="alert" data-policy-notices="" className="options-alert">
          <p>{t('options.policyNotice')}</p>
          <ul>
            {view.policy.notices.map((n) => (
              <li key={n.key}>{n.message}</li>
            ))}
          </ul>
        </div>
      )}
      {orgPackErrors.length > 0 && (
        <div role="alert" data-policy-pack-errors="" className="options-alert">
          <p>{t('options.policy.packErrors')}</p>
          <ul>
            {orgPackErrors.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {view.writeError && <div role="alert">{view.writeError}</div>}
      <div className="options-layout">
        <OptionsNav current={section} onOpen={openSection} lockedSections={lockedSections} />
        <main className="options-main" data-options-section={section} aria-labelledby="options-section-title">
          <h2 id="options-section-title" ref={headingRef} tabIndex={-1}>
            {t(SECTION_TITLES[section])}
          </h2>
          {content[section]}
        </main>
      </div>
    </div>
  );
}

function Unavailable() {
  const { t } = useI18n();
  return <p className="note">{t('options.comingSoon')}</p>;
}

import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { LockedNote } from '@/components/LockedNote';
import { CustomRulesSection } from '@/components/options/CustomRulesSection';
import { MastodonSection, PrivacySection, SettingsFileSection } from '@/components/options/MoreSections';
import { PacksSection } from '@/components/options/PacksSection';
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
  getState: () => ({ errors: [] as never[] }),
  getInitialState: () => ({ errors: [] as never[] }),
  subscribe: () => () => {},
  setState: () => {},
} as unknown as GuidelinesSource;

function OptionsBody({ settings, guidelines, services = noServices, checklistTemplates, overrideLog, children }: OptionsProps) {
  const { t } = useI18n();
  const view = useSettings(settings, (v) => v);
  const { effective, locked } = view;
  const orgPackErrors = useOrganisationPackErrors(guidelines);

  return (
    <main style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>
      <h1>{t('options.title')}</h1>
      {view.policy.notices.length > 0 && (
        <div role="alert" data-policy-notices="">
          <p>{t('options.policyNotice')}</p>
          <ul>
            {view.policy.notices.map((n) => (
              <li key={n.key}>{n.message}</li>
            ))}
          </ul>
        </div>
      )}
      {orgPackErrors.length > 0 && (
        <div role="alert" data-policy-pack-errors="">
          <p>{t('options.policy.packErrors')}</p>
          <ul>
            {orgPackErrors.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {view.writeError && <div role="alert">{view.writeError}</div>}

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

      {guidelines && <PacksSection view={view} guidelines={guidelines} services={services} />}
      {guidelines && <CustomRulesSection guidelines={guidelines} />}

      <fieldset data-section="checklist-templates">
        <legend>{t('options.checklistTemplates')}</legend>
        {checklistTemplates ?? <p className="note">{t('options.comingSoon')}</p>}
      </fieldset>

      <ProvidersSection view={view} services={services} />
      <MastodonSection view={view} services={services} />
      <PrivacySection settings={effective} />

      <fieldset data-section="override-log">
        <legend>{t('options.overrideLog')}</legend>
        {overrideLog ?? <p className="note">{t('options.comingSoon')}</p>}
      </fieldset>

      {guidelines && <SettingsFileSection view={view} guidelines={guidelines} services={services} />}
      {children}
    </main>
  );
}

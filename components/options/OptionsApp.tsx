import { useEffect, type ReactNode } from 'react';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { LockedNote } from '@/components/LockedNote';
import { useSettings, useUiLanguage } from '@/components/useSettings';
import { ADAPTERS } from '@/lib/platforms';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';
import { CHECKLIST_MODES, UI_LANGUAGES } from '@/lib/state/settings';
import type { SettingsStore } from '@/lib/state/settings-store';

export interface OptionsProps {
  settings: SettingsStore;
  browserLanguage?: string;
  /** Extra sections (packs, providers, logs) supplied by the page. */
  children?: ReactNode;
}

const LANGUAGE_NAMES = { en: 'English', km: 'ខ្មែរ', fr: 'Français' } as const;

export function OptionsApp(props: OptionsProps) {
  const lang = useUiLanguage(props.settings, props.browserLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <EnvoyRoot lang={lang} className="options">
      <OptionsBody {...props} />
    </EnvoyRoot>
  );
}

function OptionsBody({ settings, children }: OptionsProps) {
  const { t } = useI18n();
  const view = useSettings(settings, (v) => v);
  const { effective, locked } = view;

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
      {view.writeError && <div role="alert">{view.writeError}</div>}

      <fieldset>
        <legend>{t('options.language')}</legend>
        <label>
          <span className="visually-hidden">{t('options.language')}</span>
          <select
            aria-label={t('options.language')}
            value={view.user.uiLanguage}
            onChange={(e) => void view.update({ uiLanguage: e.target.value as typeof view.user.uiLanguage })}
          >
            <option value="auto">{t('options.language.auto')}</option>
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

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

      <fieldset data-setting="allowCloudTranslation">
        <legend>{t('options.translation')}</legend>
        <label>
          <input
            type="checkbox"
            checked={effective.allowCloudTranslation}
            disabled={locked.has('allowCloudTranslation')}
            onChange={(e) => void view.update({ allowCloudTranslation: e.target.checked })}
          />
          {t('options.allowCloud')}
        </label>
        <LockedNote locked={locked.has('allowCloudTranslation')} />
      </fieldset>

      {children}
    </main>
  );
}

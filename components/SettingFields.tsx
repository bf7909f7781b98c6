import { useI18n } from '@/components/i18n';
import { LockedNote } from '@/components/LockedNote';
import { TargetLanguageOptions } from '@/components/translation/TranslatePanel';
import { ACCOUNT_TYPES, UI_LANGUAGES, type UiLanguage } from '@/lib/state/settings';
import type { SettingsView } from '@/lib/state/settings-store';

/** Each language named in itself, so a reader finds their own whatever the UI language. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', km: 'ខ្មែរ', fr: 'Français' };

/** The interface-language choice (options page and welcome page). */
export function UiLanguageField({ view }: { view: SettingsView }) {
  const { t } = useI18n();
  return (
    <fieldset data-setting="uiLanguage">
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
  );
}

/** Official or personal account: decides which rules apply (popup, options page and welcome page). */
export function AccountTypeField({ view }: { view: SettingsView }) {
  const { t } = useI18n();
  const locked = view.locked.has('accountType');
  return (
    <fieldset data-setting="accountType">
      <legend>{t('popup.accountType')}</legend>
      {ACCOUNT_TYPES.map((type) => (
        <label key={type}>
          <input
            type="radio"
            name="accountType"
            value={type}
            checked={view.effective.accountType === type}
            disabled={locked}
            onChange={() => void view.update({ accountType: type })}
          />
          {t(`account.${type}`)}
        </label>
      ))}
      <LockedNote locked={locked} />
    </fieldset>
  );
}

/** The language drafts are translated into by default. */
export function TargetLanguageField({ view }: { view: SettingsView }) {
  const { t } = useI18n();
  return (
    <label>
      {t('options.defaultTarget')}
      <select value={view.effective.targetLanguage} onChange={(e) => void view.update({ targetLanguage: e.target.value })}>
        <TargetLanguageOptions />
      </select>
    </label>
  );
}

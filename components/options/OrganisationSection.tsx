import { useStore } from 'zustand';
import { useI18n } from '@/components/i18n';
import { SECTION_OF_SETTING, SECTION_TITLES, type OptionsSection } from '@/components/options/sections';
import type { GuidelinesSource } from '@/components/options/types';
import { localize } from '@/lib/engine/localize';
import type { MessageKey, Translate } from '@/lib/i18n';
import { ADAPTERS } from '@/lib/platforms';
import { LOCKABLE_KEYS, type LockableKey } from '@/lib/state/policy';
import type { Settings } from '@/lib/state/settings';
import type { SettingsView } from '@/lib/state/settings-store';

const SETTING_NAMES: Record<LockableKey, MessageKey> = {
  accountType: 'popup.accountType',
  enabledPlatforms: 'options.platforms',
  disabledBuiltinPacks: 'options.org.disabledPacks',
  checklistMode: 'options.checklistMode',
  translationProviders: 'options.providers',
  allowCloudTranslation: 'options.allowCloud',
};

/** The organisation's value in words, in the page's language. */
function describeValue(key: LockableKey, s: Settings, t: Translate): string {
  const list = (items: string[]) => (items.length ? items.join(', ') : t('options.org.noneValue'));
  switch (key) {
    case 'accountType':
      return t(`account.${s.accountType}`);
    case 'enabledPlatforms':
      return list(s.enabledPlatforms.map((id) => ADAPTERS[id].label));
    case 'disabledBuiltinPacks':
      return list([...s.disabledBuiltinPacks]);
    case 'checklistMode':
      return t(`checklistMode.${s.checklistMode}`);
    case 'translationProviders':
      return list(s.translationProviders.map((p) => p.label ?? t(`provider.${p.type}`)));
    case 'allowCloudTranslation':
      return t(s.allowCloudTranslation ? 'common.on' : 'common.off');
  }
}

/**
 * Everything the organisation's policy decides on this browser: each locked
 * setting with its value, why it cannot be changed here and where it is shown;
 * the packs it requires; policy values that were ignored.
 */
export function OrganisationSection({ view, guidelines, onOpen }: { view: SettingsView; guidelines?: GuidelinesSource; onOpen(section: OptionsSection): void }) {
  const { t, lang } = useI18n();
  const summaries = useStore(guidelines ?? NO_GUIDELINES, (g) => g.summaries);
  const orgPacks = summaries.filter((s) => s.origin === 'organisation');
  const locked = LOCKABLE_KEYS.filter((k) => view.locked.has(k));

  return (
    <div data-section="organisation">
      <p>{t('options.org.intro')}</p>
      {locked.length === 0 && orgPacks.length === 0 ? (
        <p data-org-none="">{t('options.org.none')}</p>
      ) : (
        <ul className="options-org-list">
          {locked.map((key) => {
            const section = SECTION_OF_SETTING[key];
            return (
              <li key={key} data-org-setting={key}>
                <span className="locked" data-locked="organisation">
                  <span aria-hidden="true">🔒 </span>
                  <strong>{t(SETTING_NAMES[key])}</strong>: {describeValue(key, view.effective, t)}
                </span>
                <br />
                <span className="note">{t('options.org.reason')}</span>{' '}
                <a
                  href={`#${section}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(section);
                  }}
                >
                  {t('options.org.where', { section: t(SECTION_TITLES[section]) })}
                </a>
              </li>
            );
          })}
          {orgPacks.map((p) => (
            <li key={p.id} data-org-pack={p.id}>
              <span className="locked" data-locked="organisation">
                <span aria-hidden="true">🔒 </span>
                <strong>{t('options.org.pack', { title: localize(p.title, lang) })}</strong>
              </span>
              <br />
              <span className="note">{t('options.org.packReason')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const NO_GUIDELINES = {
  getState: () => ({ summaries: [] as never[] }),
  getInitialState: () => ({ summaries: [] as never[] }),
  subscribe: () => () => {},
  setState: () => {},
} as unknown as GuidelinesSource;

import { useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '@/components/i18n';
import type { GuidelinesSource, OptionsServices } from '@/components/options/types';
import { describeDataFlows } from '@/lib/privacy';
import { createSettingsFile, keepApiKeys, readSettingsFile, settingsFileName, settingsFileToJson } from '@/lib/settings-file';
import type { Settings } from '@/lib/state/settings';
import type { SettingsView } from '@/lib/state/settings-store';
import { ImportOutcome, storageRefusal, type ImportOutcomeValue } from '@/components/options/ImportOutcome';
import { commitAll } from '@/lib/state/import-commit';

/** "https://social.example.org/@me" → "https://social.example.org"; undefined for anything else. */
export function mastodonOrigin(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  try {
    const u = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    if (u.protocol !== 'https:' || !u.hostname.includes('.')) return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}

export function MastodonSection({ view, services }: { view: SettingsView; services: OptionsServices }) {
  const { t } = useI18n();
  const [address, setAddress] = useState('');
  const [error, setError] = useState('');
  const instances = view.user.mastodonInstances;

  const add = async () => {
    const origin = mastodonOrigin(address);
    if (!origin) return setError(t('options.mastodon.invalid'));
    if (!(await services.requestOrigins([`${origin}/*`]))) return setError(t('options.mastodon.denied', { origin }));
    setError('');
    setAddress('');
    if (!instances.includes(origin)) void view.update({ mastodonInstances: [...instances, origin] });
  };

  return (
    <fieldset data-setting="mastodonInstances">
      <legend>{t('options.mastodon')}</legend>
      <ul>
        {instances.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{' '}
            <button
              type="button"
              aria-label={t('options.mastodon.remove', { origin })}
              onClick={() => void view.update({ mastodonInstances: instances.filter((o) => o !== origin) })}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <label>
        {t('options.mastodon.address')}
        <input type="url" placeholder="https://social.example.org" value={address} onChange={(e) => setAddress(e.target.value)} />
      </label>
      <button type="button" onClick={() => void add()}>
        {t('options.mastodon.add')}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </fieldset>
  );
}

export function PrivacySection({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  return (
    <fieldset data-section="privacy">
      <legend>{t('options.privacy')}</legend>
      <DataFlowReport settings={settings} />
    </fieldset>
  );
}

/** Where draft text goes under these settings, in plain words (options and welcome page). */
export function DataFlowReport({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const report = describeDataFlows(settings);
  return (
    <>
      <p>{t('options.privacy.intro')}</p>
      {!report.draftsLeaveDevice ? <p data-privacy-nothing="">{t('options.privacy.nothing')}</p> : null}
      {report.translation.length > 0 && (
        <>
          <p>{t('options.privacy.translate')}</p>
          <ul data-privacy-flows="">
            {report.translation.map((f) => {
              const label = settings.translationProviders[f.index]?.label ?? t(`provider.${f.type}`);
              const vars = { label, destination: f.destination };
              const text =
                f.reason === 'cloud-not-allowed'
                  ? t('options.privacy.cloudOff', vars)
                  : f.reason === 'not-configured'
                    ? t('options.privacy.unconfigured', vars)
                    : !f.leavesDevice
                      ? t('options.privacy.device', vars)
                      : f.cloud
                        ? t('options.privacy.cloud', vars)
                        : t('options.privacy.server', vars);
              return (
                <li key={f.index} data-destination={f.destination} data-used={String(f.used)} data-cloud={String(f.cloud)}>
                  {text}
                  {f.plainHttp ? <> {t('options.privacy.plainHttp')}</> : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>{t('options.privacy.sync')}</p>
      <p>{t('options.privacy.local')}</p>
    </>
  );
}

type Outcome = ImportOutcomeValue;

export function SettingsFileSection({ view, guidelines, services }: { view: SettingsView; guidelines: GuidelinesSource; services: OptionsServices }) {
  const { t } = useI18n();
  const imported = useStore(guidelines.imported, (s) => s.value);
  const [includeKeys, setIncludeKeys] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const exportAll = () => {
    const file = createSettingsFile(view.user, imported, { includeApiKeys: includeKeys });
    services.download(settingsFileName(), settingsFileToJson(file));
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const r = readSettingsFile(text, file.name);
    if (!r.ok) return setOutcome({ kind: 'error', lines: r.errors.map((x) => x.message) });
    const next = keepApiKeys(r.settings, view.user);
    // All or nothing: settings (storage.sync, 8 KB per item) first, then the packs
    // (storage.local); a refused write puts back what was already written.
    const previousSettings = view.user;
    const previousPacks = guidelines.imported.getState().value;
    const saved = await commitAll([
      { write: () => view.tryUpdate(next), undo: () => view.tryUpdate(previousSettings) },
      { write: () => guidelines.imported.getState().tryReplace(r.importedPacks), undo: () => guidelines.imported.getState().tryReplace(previousPacks) },
    ]);
    if (!saved.ok) return setOutcome({ kind: 'error', lines: [storageRefusal(saved, t)] });
    const kept = [...view.locked];
    setOutcome({
      kind: 'ok',
      text: [t('options.settingsFile.imported'), kept.length ? t('options.settingsFile.kept', { keys: kept.join(', ') }) : ''].filter(Boolean).join(' '),
    });
  };

  return (
    <fieldset data-section="settings-file">
      <legend>{t('options.settingsFile')}</legend>
      <button type="button" onClick={exportAll}>
        {t('options.settingsFile.export')}
      </button>{' '}
      <label>
        <input type="checkbox" checked={includeKeys} onChange={(e) => setIncludeKeys(e.target.checked)} />
        {t('options.settingsFile.includeKeys')}
      </label>
      <p>
        <label>
          {t('options.settingsFile.import')}
          <input type="file" accept=".json,application/json" aria-label={t('options.settingsFile.import')} onChange={(e) => void onFile(e)} />
        </label>
      </p>
      <ImportOutcome outcome={outcome} refused={t('options.settingsFile.refused')} marker="settings-import" />
    </fieldset>
  );
}

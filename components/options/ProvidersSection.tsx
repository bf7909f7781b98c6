import { useState } from 'react';
import { useI18n } from '@/components/i18n';
import { LockedNote } from '@/components/LockedNote';
import { TargetLanguageField } from '@/components/SettingFields';
import type { OptionsServices } from '@/components/options/types';
import {
  ENDPOINT_PROVIDER_TYPES,
  KEY_PROVIDER_TYPES,
  PROVIDER_TYPES,
  endpointSecurity,
  isCloudConfig,
  patternHost,
  providerOrigin,
  registry,
  type ProviderConfig,
  type ProviderType,
} from '@/lib/translation/registry';
import type { SettingsView } from '@/lib/state/settings-store';

type TestState = { state: 'testing' } | { state: 'done'; ok: boolean; text: string };

export function ProvidersSection({ view, services }: { view: SettingsView; services: OptionsServices }) {
  const { t } = useI18n();
  const locked = view.locked.has('translationProviders');
  const providers = view.effective.translationProviders;
  const allowCloud = view.effective.allowCloudTranslation;
  const [tests, setTests] = useState<Record<number, TestState>>({});
  const [draft, setDraft] = useState<ProviderConfig>({ type: 'apertium' });
  const [draftError, setDraftError] = useState('');

  const write = (next: ProviderConfig[]) => {
    setTests({});
    void view.update({ translationProviders: next });
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...view.user.translationProviders];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    write(next);
  };

  const test = async (i: number, config: ProviderConfig) => {
    if (isCloudConfig(config) && !allowCloud) {
      setTests((s) => ({ ...s, [i]: { state: 'done', ok: false, text: t('options.providers.cloudOff') } }));
      return;
    }
    const pattern = providerOrigin(config);
    // The permission prompt must come straight from the click: request before anything else is awaited.
    // This also grants access for services set by organisation policy.
    const granted = pattern ? await services.requestOrigins([pattern]) : true;
    if (!granted) {
      setTests((s) => ({ ...s, [i]: { state: 'done', ok: false, text: t('options.providers.denied', { origin: patternHost(pattern!) }) } }));
      return;
    }
    setTests((s) => ({ ...s, [i]: { state: 'testing' } }));
    const r = await services.testProvider(config).catch((e: unknown) => ({ ok: false, detail: e instanceof Error ? e.message : String(e) }));
    setTests((s) => ({
      ...s,
      [i]: { state: 'done', ok: r.ok, text: r.ok ? t('options.providers.ok', { detail: r.detail }) : t('options.providers.failed', { detail: r.detail }) },
    }));
  };

  const add = async () => {
    const config: ProviderConfig = { type: draft.type };
    if (draft.endpoint?.trim()) config.endpoint = draft.endpoint.trim().replace(/\/+$/, '');
    if (draft.apiKey?.trim()) config.apiKey = draft.apiKey.trim();
    if (draft.label?.trim()) config.label = draft.label.trim();
    // https://, or plain http:// to a server on this machine (the registry's endpoint rule).
    if (ENDPOINT_PROVIDER_TYPES.includes(config.type) && !config.endpoint) return setDraftError(t('options.providers.needEndpoint'));
    if (config.endpoint && !endpointSecurity(config.endpoint)) return setDraftError(t('options.providers.needEndpoint'));
    if (KEY_PROVIDER_TYPES.includes(config.type) && !config.apiKey) return setDraftError(t('options.providers.needKey'));
    // Every network service needs its optional host permission; ask now, from the click.
    const pattern = providerOrigin(config);
    if (pattern && !(await services.requestOrigins([pattern]))) return setDraftError(t('options.providers.denied', { origin: patternHost(pattern) }));
    setDraftError('');
    setDraft({ type: draft.type });
    write([...view.user.translationProviders, config]);
  };

  return (
    <fieldset data-setting="translationProviders">
      <legend>{t('options.translation')}</legend>
      <label>
        <input
          type="checkbox"
          checked={allowCloud}
          disabled={view.locked.has('allowCloudTranslation')}
          onChange={(e) => void view.update({ allowCloudTranslation: e.target.checked })}
        />
        {t('options.allowCloud')}
      </label>
      <LockedNote locked={view.locked.has('allowCloudTranslation')} />

      <TranslationDefaults view={view} />

      <h3>{t('options.providers')}</h3>
      {providers.length === 0 ? <p>{t('options.providers.none')}</p> : null}
      <ol data-providers="">
        {providers.map((p, i) => {
          const result = tests[i];
          const name = p.label ?? t(`provider.${p.type}`);
          return (
            <li key={`${i}:${p.type}:${p.endpoint ?? ''}`} data-provider={p.type}>
              <strong>{name}</strong>
              {p.endpoint ? <code> {p.endpoint}</code> : null}
              {isCloudConfig(p) ? <span className="tag"> · {t('options.providers.cloud')}</span> : null}{' '}
              <button type="button" onClick={() => void test(i, p)} disabled={result?.state === 'testing'}>
                {t('options.providers.test')}
              </button>
              {!locked && (
                <>
                  <button type="button" aria-label={`${t('options.providers.up')}: ${name}`} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={`${t('options.providers.down')}: ${name}`} disabled={i === providers.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" onClick={() => write(view.user.translationProviders.filter((_, j) => j !== i))}>
                    {t('options.providers.remove')}
                  </button>
                </>
              )}
              {result ? (
                <p role="status" data-test-result={result.state === 'done' ? (result.ok ? 'ok' : 'failed') : 'testing'}>
                  {result.state === 'testing' ? t('options.providers.testing') : result.text}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <LockedNote locked={locked} />

      {!locked && (
        <div className="provider-editor" style={{ display: 'grid', gap: 6 }}>
          <label>
            {t('options.providers.type')}
            <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as ProviderType })}>
              {PROVIDER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`provider.${type}`)}
                </option>
              ))}
            </select>
          </label>
          {!registry.of(draft.type)?.onDevice && (
            <label>
              {t('options.providers.endpoint')}
              <input
                type="url"
                placeholder="https://"
                value={draft.endpoint ?? ''}
                onChange={(e) => setDraft({ ...draft, endpoint: e.target.value })}
              />
            </label>
          )}
          {KEY_PROVIDER_TYPES.includes(draft.type) && (
            <label>
              {t('options.providers.apiKey')}
              <input type="password" autoComplete="off" value={draft.apiKey ?? ''} onChange={(e) => setDraft({ ...draft, apiKey: e.target.value })} />
            </label>
          )}
          <label>
            {t('options.providers.label')}
            <input type="text" value={draft.label ?? ''} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />
          </label>
          <div>
            <button type="button" onClick={() => void add()}>
              {t('options.providers.add')}
            </button>
          </div>
          {draftError ? <p role="alert">{draftError}</p> : null}
        </div>
      )}
    </fieldset>
  );
}

/** Separators offered between the original and its translation ("Insert below"). */
const SEPARATORS = [
  { value: '\n\n', key: 'options.separator.blankLine' },
  { value: '\n', key: 'options.separator.lineBreak' },
  { value: '\n\n———\n\n', key: 'options.separator.rule' },
] as const;

function TranslationDefaults({ view }: { view: SettingsView }) {
  const { t } = useI18n();
  const separatorKnown = SEPARATORS.some((s) => s.value === view.effective.bilingualSeparator);
  return (
    <div className="translation-defaults">
      <TargetLanguageField view={view} />
      <label>
        {t('options.separator')}
        <select
          value={separatorKnown ? view.effective.bilingualSeparator : SEPARATORS[0].value}
          onChange={(e) => void view.update({ bilingualSeparator: e.target.value })}
        >
          {SEPARATORS.map((s) => (
            <option key={s.key} value={s.value}>
              {t(s.key)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

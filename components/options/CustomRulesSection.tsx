import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '@/components/i18n';
import {
  CUSTOM_KINDS,
  CUSTOM_SEVERITIES,
  customRules,
  deleteCustomRule,
  EMPTY_DRAFT,
  liveTest,
  ruleToDraft,
  saveCustomRule,
  type CustomRuleDraft,
} from '@/components/options/custom-rules';
import type { GuidelinesSource } from '@/components/options/types';
import { formatPackError } from '@/lib/packs/validate';

type Outcome = { kind: 'ok' } | { kind: 'error'; lines: string[] } | null;

/** Editor for simple rules of the user's own, stored as the `user.custom` pack. */
export function CustomRulesSection({ guidelines }: { guidelines: GuidelinesSource }) {
  const { t } = useI18n();
  const imported = useStore(guidelines.imported, (s) => s.value);
  const rules = customRules(imported);
  const [draft, setDraft] = useState<CustomRuleDraft>(EMPTY_DRAFT);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const live = useMemo(() => liveTest(draft), [draft]);
  const set = (patch: Partial<CustomRuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setOutcome(null);
  };

  const save = async () => {
    const problems: string[] = [];
    if (!draft.message.trim()) problems.push(t('options.custom.needMessage'));
    if (!draft.sample.trim()) problems.push(t('options.custom.needSample'));
    else if (live.errors.length === 0 && live.matches.length === 0) problems.push(t('options.custom.noFlag'));
    if (problems.length) return setOutcome({ kind: 'error', lines: problems });
    const r = saveCustomRule(imported, draft);
    if (!r.ok) return setOutcome({ kind: 'error', lines: r.errors.map(formatPackError) });
    await guidelines.imported.getState().replace(r.imported);
    setDraft(EMPTY_DRAFT);
    setOutcome({ kind: 'ok' });
  };

  const remove = async (id: string) => {
    const r = deleteCustomRule(imported, id);
    if (r.ok) await guidelines.imported.getState().replace(r.imported);
    if (draft.id === id) setDraft(EMPTY_DRAFT);
  };

  return (
    <fieldset data-section="custom-rules">
      <legend>{t('options.custom.title')}</legend>
      <p className="note">{t('options.custom.help')}</p>
      {rules.length === 0 ? (
        <p>{t('options.custom.none')}</p>
      ) : (
        <ul data-custom-rules="">
          {rules.map((r) => {
            const d = ruleToDraft(r);
            return (
              <li key={String(r.id)} data-custom-rule={String(r.id)}>
                <strong>{d.message}</strong> <code>{d.kind === 'pattern' ? d.pattern : d.terms.split('\n').join(', ')}</code>{' '}
                <button type="button" onClick={() => setDraft(d)}>
                  {t('options.custom.edit')}
                </button>
                <button type="button" onClick={() => void remove(String(r.id))}>
                  {t('options.custom.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <div className="custom-editor" style={{ display: 'grid', gap: 6 }}>
        <label>
          {t('options.custom.kind')}
          <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as CustomRuleDraft['kind'] })}>
            {CUSTOM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`options.custom.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.kind === 'pattern' ? (
          <label>
            {t('options.custom.pattern')}
            <input type="text" value={draft.pattern} onChange={(e) => set({ pattern: e.target.value })} spellCheck={false} />
          </label>
        ) : (
          <label>
            {draft.kind === 'term' ? t('options.custom.terms') : t('options.custom.from')}
            <textarea rows={3} value={draft.terms} onChange={(e) => set({ terms: e.target.value })} />
          </label>
        )}
        {draft.kind === 'substitute' && (
          <label>
            {t('options.custom.to')}
            <input type="text" value={draft.replacement} onChange={(e) => set({ replacement: e.target.value })} />
          </label>
        )}
        <label>
          {t('options.custom.message')}
          <input type="text" value={draft.message} onChange={(e) => set({ message: e.target.value })} />
        </label>
        <label>
          {t('options.custom.severity')}
          <select value={draft.severity} onChange={(e) => set({ severity: e.target.value as CustomRuleDraft['severity'] })}>
            {CUSTOM_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('options.custom.sample')}
          <textarea rows={2} value={draft.sample} onChange={(e) => set({ sample: e.target.value })} />
        </label>
        <output data-live-test="" data-matches={live.matches.length}>
          {live.errors.length > 0 && (draft.terms || draft.pattern || draft.replacement)
            ? live.errors.map((e) => e.message).join(' ')
            : draft.sample
              ? t('options.custom.matches', { count: live.matches.length, matches: live.matches.map((m) => `“${m}”`).join(', ') })
              : null}
        </output>
        <div>
          <button type="button" className="primary" onClick={() => void save()}>
            {draft.id ? t('options.custom.update') : t('options.custom.save')}
          </button>
          {draft.id ? (
            <button type="button" onClick={() => setDraft(EMPTY_DRAFT)}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
        {outcome?.kind === 'error' && (
          <div role="alert" data-custom-errors="">
            <p>{t('options.custom.refused')}</p>
            <ul>
              {outcome.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </div>
        )}
        {outcome?.kind === 'ok' && <p role="status">{t('options.custom.saved')}</p>}
      </div>
    </fieldset>
  );
}

/**
 * Editing the checklist templates in options: each item's text (English,
 * Khmer, French) and whether it is required before posting. Edits are stored
 * as a layer over the built-in templates (only templates that differ), so
 * "reset" simply drops the layer. Validation errors name the template, item
 * and field in words (lib/checklist/schema.ts).
 *
 * Mount (options page):
 *   const templates = customTemplatesStore(browserAreaStorage('local'));   // lib/state/checklist-stores
 *   <TemplateEditor store={templates} />
 *
 * Organisation policy does not replace templates (no managed key for them);
 * it steers which template applies through guideline packs' checklist rules
 * (`template` field), which the engine turns into checklist prompts.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '@/components/i18n';
import {
  BUILT_IN_TEMPLATES,
  autoSpecOf,
  localize,
  validateTemplate,
  type ChecklistTemplate,
  type LocalizedText,
  type TemplateValidationError,
} from '@/lib/checklist';
import { effectiveTemplates, type TemplatesStore } from '@/lib/state/checklist-stores';

export interface TemplateEditorProps {
  store: TemplatesStore;
  /** Shows "Reset all" when given; asks for confirmation first. */
  confirm?(message: string): boolean;
}

const LANGUAGE_NAMES = { en: 'English', km: 'ខ្មែរ', fr: 'Français' } as const;
type Lang = keyof typeof LANGUAGE_NAMES;

/** JSON with object keys sorted and undefined values dropped, to compare templates structurally. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Drops an empty optional French text so validation and comparison see the canonical shape. */
function normaliseText(text: LocalizedText): LocalizedText {
  const { fr, ...rest } = text;
  return fr === undefined || fr.trim() === '' ? rest : { ...rest, fr };
}

export function TemplateEditor({ store, confirm }: TemplateEditorProps) {
  const { t, lang } = useI18n();
  const ids = { select: useId(), heading: useId() };
  const custom = useStore(store, (s) => s.value);
  const writeError = useStore(store, (s) => s.writeError);
  const templates = useMemo(() => effectiveTemplates(custom), [custom]);
  const [selectedId, setSelectedId] = useState<string>(templates[0]?.id ?? 'standard');
  const current = templates.find((tpl) => tpl.id === selectedId) ?? templates[0];
  const [draft, setDraft] = useState<ChecklistTemplate | undefined>(current);
  const [errors, setErrors] = useState<readonly TemplateValidationError[]>([]);
  const [saved, setSaved] = useState(false);

  // A different template chosen, or the stored one changed (another tab, reset): start from it.
  useEffect(() => {
    setDraft(current);
    setErrors([]);
  }, [current]);

  if (!current || !draft) return null;
  const builtIn = BUILT_IN_TEMPLATES.find((tpl) => tpl.id === current.id);
  const edited = custom.some((tpl) => tpl.id === current.id);

  const updateItem = (index: number, patch: (item: ChecklistTemplate['items'][number]) => ChecklistTemplate['items'][number]) => {
    setSaved(false);
    setDraft({ ...draft, items: draft.items.map((item, i) => (i === index ? patch(item) : item)) });
  };

  const save = () => {
    const candidate = { ...draft, items: draft.items.map((item) => ({ ...item, text: normaliseText(item.text) })) };
    const result = validateTemplate(candidate);
    if (!result.ok) {
      setErrors(result.errors);
      setSaved(false);
      return;
    }
    setErrors([]);
    const others = custom.filter((tpl) => tpl.id !== result.value.id);
    const next = builtIn && sameJson(result.value, builtIn) ? others : [...others, result.value];
    void store.getState().replace(next).then(() => setSaved(true));
  };

  const reset = () => {
    setSaved(false);
    setErrors([]);
    void store.getState().replace(custom.filter((tpl) => tpl.id !== current.id));
  };

  return (
    <section className="template-editor" aria-labelledby={ids.heading} data-template-editor="">
      <h2 id={ids.heading}>{t('templates.heading')}</h2>
      <p className="note">{t('templates.policyNote')}</p>
      {writeError && <p role="alert">{writeError}</p>}
      <label htmlFor={ids.select}>{t('templates.choose')}</label>{' '}
      <select
        id={ids.select}
        value={current.id}
        onChange={(e) => {
          setSaved(false);
          setSelectedId(e.target.value);
        }}
      >
        {templates.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {localize(tpl.title, lang)}
            {custom.some((c) => c.id === tpl.id) ? ` (${t('templates.edited')})` : ''}
          </option>
        ))}
      </select>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {draft.items.map((item, index) => {
          const auto = autoSpecOf(item);
          return (
            <fieldset key={item.id} data-template-item={item.id}>
              <legend>{localize(item.text, lang)}</legend>
              {(Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => (
                <label key={l} className="field">
                  {t('templates.itemText', { language: LANGUAGE_NAMES[l] })}
                  <input
                    type="text"
                    lang={l}
                    value={item.text[l] ?? ''}
                    aria-required={l !== 'fr'}
                    onChange={(e) => updateItem(index, (it) => ({ ...it, text: { ...it.text, [l]: e.target.value } }))}
                  />
                </label>
              ))}
              <label className="field">
                <input
                  type="checkbox"
                  checked={item.required}
                  onChange={(e) => updateItem(index, (it) => ({ ...it, required: e.target.checked }))}
                />{' '}
                {t('templates.required')}
              </label>
              {auto && <p className="note">{t('templates.auto', { check: auto.id })}</p>}
            </fieldset>
          );
        })}
        {errors.length > 0 && (
          <div role="alert">
            <ul>
              {errors.map((error, i) => (
                <li key={i}>{error.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="submit">{t('templates.save')}</button>
          <button type="button" disabled={!edited} onClick={reset}>
            {t('templates.reset')}
          </button>
          {confirm && (
            <button
              type="button"
              disabled={custom.length === 0}
              onClick={() => {
                if (confirm(t('templates.resetAll'))) void store.getState().replace([]);
              }}
            >
              {t('templates.resetAll')}
            </button>
          )}
          {saved && <span role="status">{t('templates.saved')}</span>}
        </div>
      </form>
    </section>
  );
}

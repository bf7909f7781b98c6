/**
 * The pre-publish checklist as shown in the in-page panel (public hooks: docs/hooks.md):
 * an element with `data-checklist`; each item a native checkbox with a
 * <label>; required items' checkboxes carry `data-required`; while a post is
 * held, an element with `data-post-held` (with "Post now" and "Post anyway").
 * Presentational: state and actions come in as props.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { langAttributes } from '@/lib/i18n';
import { onTrusted } from '@/components/trusted';
import type { HoldRejection } from '@/lib/checklist/hold';
import { describeReason, type SelectionReason } from '@/lib/checklist/select';
import type { ItemStatus } from '@/lib/checklist/state';
import { localize, type ChecklistTemplate } from '@/lib/checklist/types';

export interface ChecklistSectionProps {
  mode: 'remind' | 'hold';
  templates: readonly ChecklistTemplate[];
  template: ChecklistTemplate;
  reason: SelectionReason;
  /** The template the automatic selection would pick (shown on the "automatic" option). */
  automaticTemplate?: ChecklistTemplate;
  items: readonly ItemStatus[];
  complete: boolean;
  held: boolean;
  reminder: boolean;
  /** Increments when the first open item should take focus. */
  focusRequest: number;
  rejection: HoldRejection | null;
  postAgain: boolean;
  onTick(itemId: string, checked: boolean): void;
  /** null: back to the automatic choice. */
  onChooseTemplate(templateId: string | null): void;
  onPostNow(): void;
  onOverride(reason: string): void;
  onKeepEditing(): void;
  onDismissReminder(): void;
}

export function ChecklistSection(props: ChecklistSectionProps) {
  const { t, lang } = useI18n();
  const { template, items, held, complete } = props;
  const baseId = useId();
  const boxes = useRef(new Map<string, HTMLInputElement>());
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const handledFocus = useRef(0);

  const firstOpen = items.find((i) => i.required && !i.checked)?.id;

  useEffect(() => {
    if (!held || props.focusRequest === handledFocus.current) return;
    handledFocus.current = props.focusRequest;
    const target = firstOpen === undefined ? undefined : boxes.current.get(firstOpen);
    target?.focus({ preventScroll: false });
    target?.scrollIntoView?.({ block: 'nearest' });
  }, [held, props.focusRequest, firstOpen]);

  useEffect(() => {
    if (!held) {
      setOverriding(false);
      setReason('');
    }
  }, [held]);

  const openCount = items.filter((i) => i.required && !i.checked).length;
  const manual = props.reason.kind === 'manual';
  const textAttrs = langAttributes(lang);

  const statusText = (item: ItemStatus): string | null => {
    if (item.auto === undefined) return null;
    if (item.auto === 'pass') return t('checklist.autoPass');
    if (item.auto === 'fail') return item.required ? t('checklist.autoFail') : t('checklist.autoFailOptional');
    return null;
  };

  const rejectionText =
    props.rejection === 'reason-missing'
      ? t('checklist.reasonMissing')
      : props.rejection === 'reason-too-short'
        ? t('checklist.reasonTooShort')
        : props.rejection === 'incomplete'
          ? t('checklist.incomplete')
          : null;

  return (
    <section
      className="checklist"
      data-checklist=""
      data-template={template.id}
      data-complete={complete ? 'true' : 'false'}
      aria-labelledby={`${baseId}-title`}
    >
      <h3 id={`${baseId}-title`} className="checklist-title" {...textAttrs}>
        {t('checklist.heading')}: {localize(template.title, lang)}
      </h3>

      {props.reminder && !held && (
        <div className="checklist-reminder" role="status" data-checklist-reminder="">
          <span>{t('checklist.reminder')}</span>
          <button type="button" onClick={onTrusted(() => props.onDismissReminder())}>
            {t('checklist.dismiss')}
          </button>
        </div>
      )}

      {held && (
        <div className="checklist-held" role="alert" data-post-held="">
          <p>{complete ? t('checklist.heldComplete') : t('checklist.held', { count: openCount })}</p>
          {props.postAgain && <p className="checklist-note">{t('checklist.postAgain')}</p>}
          <div className="checklist-actions">
            <button type="button" className="primary" disabled={!complete} onClick={onTrusted(() => props.onPostNow())}>
              {t('checklist.postNow')}
            </button>
            {!complete && !overriding && (
              <button type="button" onClick={onTrusted(() => setOverriding(true))}>
                {t('checklist.postAnyway')}
              </button>
            )}
            <button type="button" onClick={onTrusted(() => props.onKeepEditing())}>
              {t('checklist.keepEditing')}
            </button>
          </div>
          {overriding && !complete && (
            <form
              className="checklist-override"
              // A script's click() on a submit button still fires a trusted `submit`: the
              // override runs from the button's (gated) click, never from the submission.
              onSubmit={(e) => e.preventDefault()}
            >
              <label htmlFor={`${baseId}-reason`}>{t('checklist.overrideReason')}</label>
              <textarea
                id={`${baseId}-reason`}
                value={reason}
                rows={2}
                aria-describedby={`${baseId}-reason-hint`}
                aria-invalid={rejectionText !== null && props.rejection !== 'incomplete' ? true : undefined}
                onChange={onTrusted((e) => setReason(e.target.value))}
              />
              <p id={`${baseId}-reason-hint`} className="checklist-note">
                {t('checklist.overrideHint')}
              </p>
              <div className="checklist-actions">
                <button type="button" className="primary" onClick={onTrusted(() => props.onOverride(reason))}>
                  {t('checklist.overrideConfirm')}
                </button>
                <button type="button" onClick={onTrusted(() => setOverriding(false))}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          )}
          {rejectionText && (
            <p className="checklist-error" role="alert">
              {rejectionText}
            </p>
          )}
        </div>
      )}

      <div className="checklist-template">
        <label htmlFor={`${baseId}-template`}>{t('checklist.template')}</label>
        <select
          id={`${baseId}-template`}
          value={manual ? template.id : ''}
          onChange={onTrusted((e) => props.onChooseTemplate(e.target.value === '' ? null : e.target.value))}
        >
          <option value="">
            {t('checklist.templateAuto', { title: localize((props.automaticTemplate ?? template).title, lang) })}
          </option>
          {props.templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {localize(tpl.title, lang)}
            </option>
          ))}
        </select>
        <p className="checklist-reason" data-checklist-reason={props.reason.kind}>
          {t('checklist.reason', { reason: describeReason(props.reason, lang) })}
        </p>
      </div>

      <ul className="checklist-items">
        {items.map((item) => {
          const def = template.items.find((i) => i.id === item.id);
          if (!def) return null;
          const boxId = `${baseId}-${item.id}`;
          const status = statusText(item);
          const computed = item.by === 'auto';
          return (
            <li
              key={item.id}
              className={`checklist-item${item.checked ? ' checked' : ''}${item.locked ? ' locked' : ''}`}
              data-item={item.id}
              data-checked={item.checked ? 'true' : 'false'}
              {...(item.auto !== undefined ? { 'data-auto': item.auto } : {})}
            >
              <input
                ref={(el) => {
                  if (el) boxes.current.set(item.id, el);
                  else boxes.current.delete(item.id);
                }}
                id={boxId}
                type="checkbox"
                checked={item.checked}
                {...(item.required ? { 'data-required': '' } : {})}
                aria-disabled={computed || item.locked ? true : undefined}
                aria-describedby={status ? `${boxId}-status` : undefined}
                onChange={onTrusted((e) => {
                  if (computed || item.locked) return;
                  props.onTick(item.id, e.target.checked);
                })}
              />
              <label htmlFor={boxId} {...textAttrs}>
                {localize(def.text, lang)}
                {item.required && <span className="checklist-required"> ({t('checklist.required')})</span>}
              </label>
              {status && (
                <span id={`${boxId}-status`} className="checklist-status">
                  {status}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="checklist-summary" aria-live="polite">
        {complete ? t('checklist.complete') : t('checklist.open', { count: openCount })}
      </p>
      {props.mode === 'hold' && !held && <p className="checklist-note">{t('checklist.holdNote')}</p>}
    </section>
  );
}

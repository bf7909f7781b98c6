import { useCallback, useEffect, useId, useReducer, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n';
import { AccessButton } from '@/components/translation/AccessButton';
import { BlockedDetails } from '@/components/translation/BlockedDetails';
import { bilingualEdit, type DraftEdit, type WriteMode } from '@/components/translation/compose';
import { ConfirmDestination, DestinationLine } from '@/components/translation/destination';
import { TARGET_LANGUAGES, TargetLanguageOptions, useLanguageName } from '@/components/translation/languages';
import { ResultView } from '@/components/translation/ResultView';
import { TranslateNotice } from '@/components/translation/TranslateNotice';
import type { MessageKey } from '@/lib/i18n';
import { onTrusted } from '@/components/trusted';
import type { TranslateClient } from '@/lib/messages';
import { afterPlan, IDLE, panelReducer, type CloudConfirmation, type Notice, type ShownError } from '@/lib/translation/panel-flow';

/**
 * Translation UI shared by the in-page panel (content script) and the compose studio.
 * Public hooks (docs/hooks.md): a button named `Translate` opens it; a `<select>` labelled `Target language`
 * (BCP-47 option values); the result in `[data-translation-preview]`; buttons `Insert below` and
 * `Replace draft` write it into the composer.
 *
 * It never talks to a translation service itself: `client` asks Envoy's background, which
 * chooses the service. Before anything is sent the panel shows where the text goes; on-device and
 * organisation servers run at once, a cloud service only after the user confirms its host.
 * It imports no translation library code (content-script size budget): only the pure state
 * machine lib/translation/panel-flow.ts, whose imports are types.
 */

export type { TranslateClient } from '@/lib/messages';
export { TARGET_LANGUAGES, TargetLanguageOptions, useLanguageName } from '@/components/translation/languages';

export interface DraftSnapshot {
  text: string;
  /** The user's selection in the composer (plain-text offsets), if any. */
  selection?: { start: number; end: number } | undefined;
}

export interface TranslatePanelProps {
  client: TranslateClient;
  readDraft(): DraftSnapshot;
  /** Writes the edit through the page's editor; false when the editor refused (draft untouched). */
  write(edit: DraftEdit): Promise<boolean>;
  defaultTarget: string;
  separator: string;
  /** Open from the start (studio) instead of behind the `Translate` button (panel). */
  initiallyOpen?: boolean;
  /** Translation in an editable text box (studio: side-by-side editing). */
  editable?: boolean;
  /** Downloads Chrome's language pack for a pair; must start synchronously (user gesture). */
  onDownload?(pair: { from: string; to: string }, onProgress: (fraction: number) => void): Promise<boolean>;
  onOpenStudio?(): void;
  copy?(text: string): Promise<void>;
  /** Extra content below the controls (studio). */
  children?: ReactNode;
}

export function TranslatePanel(props: TranslatePanelProps) {
  const { client, readDraft, write, defaultTarget, separator, editable = false } = props;
  const { t } = useI18n();
  const nameOf = useLanguageName();
  const ids = useId();
  const [open, setOpen] = useState(props.initiallyOpen ?? false);
  const [target, setTarget] = useState(defaultTarget);
  const [sourceOverride, setSourceOverride] = useState('');
  const [detected, setDetected] = useState<string | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [scope, setScope] = useState<'selection' | 'draft'>('selection');
  // The phase follows lib/translation/panel-flow.ts; this component sends the requests.
  const [phase, dispatch] = useReducer(panelReducer, IDLE);
  const [edited, setEdited] = useState('');
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [busyWriting, setBusyWriting] = useState(false);
  const [nonce, setNonce] = useState(0);
  const [askingAccess, setAskingAccess] = useState(false);
  const sequence = useRef(0);

  const run = useCallback(
    async (confirmed?: CloudConfirmation) => {
      const mine = ++sequence.current;
      const current = () => mine === sequence.current;
      setNotice(undefined);
      const snapshot = readDraft();
      const selection = snapshot.selection && snapshot.selection.end > snapshot.selection.start ? snapshot.selection : undefined;
      setHasSelection(!!selection);
      const useSelection = selection && scope === 'selection' ? selection : undefined;
      const segment = useSelection ? snapshot.text.slice(useSelection.start, useSelection.end) : snapshot.text;
      const from = sourceOverride || undefined;
      dispatch({ type: 'start' });
      try {
        const plan = await client.plan({ text: segment, ...(from ? { from } : {}), to: target });
        if (!current()) return;
        if (plan.ok && !from) setDetected(plan.detection?.lang ?? plan.from);
        const next = afterPlan(plan, target, confirmed);
        dispatch({ type: 'planned', plan, to: target, confirmed });
        if (next.name !== 'translating' || !plan.ok || !plan.from) return;
        const step = next.step;
        const response = await client.translate({
          text: snapshot.text,
          ...(useSelection ? { selection: useSelection } : {}),
          from: plan.from,
          to: target,
          ...(confirmed && step?.privacy === 'cloud' ? { confirmation: confirmed.token } : {}),
        });
        if (!current()) return;
        if (response.ok) setEdited(response.result.text);
        dispatch({ type: 'translated', response, draft: snapshot.text });
      } catch {
        if (current()) dispatch({ type: 'failed' });
      }
    },
    [client, readDraft, scope, sourceOverride, target],
  );

  // Runs when opened and whenever the languages or the scope change (not on every render: the
  // parent may pass new callbacks each time).
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (open) void runRef.current();
    else sequence.current++;
  }, [open, target, sourceOverride, scope, nonce]);

  /** The user pressed "Send to <host>": get the one-time confirmation, then translate with it. */
  const confirmAndRun = async (destination: string) => {
    let token: string | undefined;
    try {
      token = await client.confirmCloud(destination);
    } catch {
      token = undefined;
    }
    if (token === undefined) {
      dispatch({ type: 'confirm-refused', destination });
      return;
    }
    await run({ destination, token });
  };

  const doWrite = async (mode: WriteMode) => {
    if (phase.name !== 'done') return;
    const now = readDraft().text;
    if (now !== phase.draft) {
      setNotice('stale');
      return;
    }
    const translation = editable ? edited : phase.result.text;
    const edit = bilingualEdit(phase.draft, phase.result.range, translation, mode, separator);
    setBusyWriting(true);
    try {
      const ok = await write(edit);
      setNotice(ok ? 'written' : 'writeFailed');
      if (ok) dispatch({ type: 'written', draft: edit.expected });
    } catch {
      setNotice('writeFailed');
    } finally {
      setBusyWriting(false);
    }
  };

  /** Chrome's language pack: started inside the click (user gesture), before any await. */
  const startDownload = (pair: { from: string; to: string }) => {
    setProgress(0);
    void props.onDownload!(pair, (f) => setProgress(f)).then((ok) => {
      setProgress(undefined);
      setNotice(ok ? 'downloaded' : 'downloadFailed');
      if (ok) setNonce((n) => n + 1);
    });
  };

  const requestAccess = (origin: string) => {
    setAskingAccess(true);
    setNotice(undefined);
    void client.requestAccess!(origin).then(
      (granted) => {
        setAskingAccess(false);
        if (granted) setNonce((n) => n + 1);
        else setNotice('accessDenied');
      },
      () => setAskingAccess(false),
    );
  };

  const accessButton = (origin: string | undefined, host: string): ReactNode =>
    client.requestAccess && origin ? <AccessButton origin={origin} host={host} busy={askingAccess} onRequest={requestAccess} /> : null;

  const sourceValue = sourceOverride || 'auto';
  const targets: string[] = [...TARGET_LANGUAGES];
  if (!targets.includes(target)) targets.unshift(target);

  const errorText = (error: ShownError): string => {
    const key = `translate.error.${error.kind}` as MessageKey;
    return t(key, { host: error.host ?? '', destination: error.destination ?? '' });
  };

  return (
    <section className="envoy-translate" data-translation="">
      <button
        type="button"
        className="envoy-translate-toggle"
        aria-expanded={open}
        aria-controls={`${ids}-body`}
        onClick={onTrusted(() => setOpen(!open))}
      >
        {t('translate.open')}
      </button>
      {open ? (
        <div id={`${ids}-body`} className="envoy-translate-body" style={{ display: 'grid', gap: 6, marginTop: 6 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            <label>
              {t('translate.source')}{' '}
              <select value={sourceValue} onChange={onTrusted((e) => setSourceOverride(e.target.value === 'auto' ? '' : e.target.value))}>
                <option value="auto">{detected ? t('translate.sourceDetected', { language: nameOf(detected) }) : t('translate.sourceUnknown')}</option>
                <TargetLanguageOptions />
              </select>
            </label>
            <label>
              {t('translate.target')}{' '}
              <select value={target} onChange={onTrusted((e) => setTarget(e.target.value))}>
                {targets.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {nameOf(code)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {hasSelection ? (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend>{t('translate.scope')}</legend>
              <label>
                <input type="radio" name={`${ids}-scope`} checked={scope === 'selection'} onChange={onTrusted(() => setScope('selection'))} />
                {t('translate.scopeSelection')}
              </label>{' '}
              <label>
                <input type="radio" name={`${ids}-scope`} checked={scope === 'draft'} onChange={onTrusted(() => setScope('draft'))} />
                {t('translate.scopeDraft')}
              </label>
            </fieldset>
          ) : null}

          {phase.name === 'planning' || phase.name === 'translating' ? (
            <div>
              {phase.name === 'translating' && phase.step ? <DestinationLine step={phase.step} /> : null}
              <p role="status" aria-busy="true">
                {t('translate.working')}
              </p>
            </div>
          ) : null}

          {phase.name === 'blocked' ? (
            phase.reason === 'source-unknown' ? (
              <p data-translation-blocked="source">{t('translate.sourceUnknown')}</p>
            ) : phase.reason === 'same-language' ? (
              <p data-translation-blocked="same-language">{t('translate.sameLanguage', { language: nameOf(target) })}</p>
            ) : (
              <BlockedDetails
                steps={phase.steps}
                from={phase.from}
                to={target}
                nameOf={nameOf}
                accessButton={accessButton}
                onDownload={props.onDownload && phase.from ? () => startDownload({ from: phase.from!, to: target }) : undefined}
                onOpenStudio={props.onOpenStudio ? () => props.onOpenStudio?.() : undefined}
                progress={progress}
              />
            )
          ) : null}

          {phase.name === 'confirm' ? <ConfirmDestination step={phase.step} onConfirm={(destination) => void confirmAndRun(destination)} /> : null}

          {phase.name === 'error' ? (
            <div role="alert" data-translation-error={phase.error.kind}>
              <p>{t('translate.failed')}</p>
              <p>{errorText(phase.error)}</p>
              {phase.error.kind === 'permission' ? accessButton(phase.error.origin, phase.error.host ?? '') : null}
              <button type="button" onClick={onTrusted(() => setNonce((n) => n + 1))}>
                {t('translate.retry')}
              </button>
            </div>
          ) : null}

          {phase.name === 'done' ? (
            <ResultView
              result={phase.result}
              editable={editable}
              edited={edited}
              onEdit={setEdited}
              nameOf={nameOf}
              busy={busyWriting}
              onWrite={(mode) => void doWrite(mode)}
              onCopy={
                props.copy
                  ? () =>
                      void props.copy!(editable ? edited : phase.result.text).then(
                        () => setNotice('copied'),
                        () => undefined,
                      )
                  : undefined
              }
            />
          ) : null}

          {phase.name === 'done' || phase.name === 'blocked' ? (
            // The draft may have changed since (a stale translation is never written): one click
            // translates what the composer holds now.
            <button type="button" data-translation-again="" onClick={onTrusted(() => setNonce((n) => n + 1))}>
              {t('translate.again')}
            </button>
          ) : null}
          {notice ? <TranslateNotice notice={notice} /> : null}
          {props.children}
        </div>
      ) : null}
    </section>
  );
}

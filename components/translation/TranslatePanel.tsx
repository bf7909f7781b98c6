import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n';
import { bilingualEdit, type DraftEdit, type WriteMode } from '@/components/translation/compose';
import type { MessageKey } from '@/lib/i18n';
import { onTrusted } from '@/components/trusted';
import type { PlanStep, TranslateClient, TranslateResponse, TranslationResult } from '@/lib/messages';

/**
 * Translation UI shared by the in-page panel (content script) and the compose studio.
 * Public hooks (docs/hooks.md): a button named `Translate` opens it; a `<select>` labelled `Target language`
 * (BCP-47 option values); the result in `[data-translation-preview]`; buttons `Insert below` and
 * `Replace draft` write it into the composer.
 *
 * It never talks to a translation service itself: `client` asks Envoy's background, which
 * chooses the service. Before anything is sent the panel shows where the text goes; on-device and
 * organisation servers run at once, a cloud service only after the user confirms its host.
 * This file imports no translation library code (content-script size budget).
 */

export type { TranslateClient } from '@/lib/messages';

/** The user's confirmation of one cloud destination, as minted by the background. */
interface CloudConfirmation {
  destination: string;
  token: string;
}

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

/** Khmer, English, French, then partner languages. Values are BCP-47 codes. */
export const TARGET_LANGUAGES = ['km', 'en', 'fr', 'th', 'vi', 'id', 'ms', 'lo', 'my', 'fil', 'zh', 'ja', 'ko', 'ru', 'ar', 'es', 'de', 'pt'] as const;

type ErrorKind = Extract<TranslateResponse, { ok: false }>['error']['kind'] | 'extension';
interface ShownError {
  kind: ErrorKind;
  host?: string;
  /** Origin pattern to grant, for kind `permission`. */
  origin?: string;
  destination?: string;
}

type Phase =
  | { name: 'idle' }
  | { name: 'planning' }
  | { name: 'blocked'; reason: 'source-unknown' | 'same-language' | 'none'; steps: PlanStep[]; from?: string }
  | { name: 'confirm'; step: PlanStep; from: string }
  | { name: 'translating'; step?: PlanStep; from: string }
  | { name: 'done'; result: TranslationResult; draft: string }
  | { name: 'error'; error: ShownError; step?: PlanStep };

type Notice = 'written' | 'writeFailed' | 'stale' | 'copied' | 'downloaded' | 'downloadFailed' | 'accessDenied' | undefined;

const base = (tag: string) => tag.toLowerCase().split('-')[0] ?? tag;
const ALIASES: Record<string, string> = { tl: 'fil', iw: 'he', no: 'nb', zlm: 'ms', in: 'id' };
function sameLanguage(a: string, b: string): boolean {
  const x = base(a);
  const y = base(b);
  return (ALIASES[x] ?? x) === (ALIASES[y] ?? y);
}

/** The <option>s of a target-language <select>: BCP-47 values, names in the UI language. */
export function TargetLanguageOptions() {
  const nameOf = useLanguageName();
  return (
    <>
      {TARGET_LANGUAGES.map((code) => (
        <option key={code} value={code}>
          {nameOf(code)}
        </option>
      ))}
    </>
  );
}

export function useLanguageName(): (tag: string) => string {
  const { lang } = useI18n();
  return useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([lang], { type: 'language' });
    } catch {
      names = undefined;
    }
    return (tag: string) => {
      try {
        return names?.of(tag)?.replace(/\u200B/g, '') ?? tag;
      } catch {
        return tag;
      }
    };
  }, [lang]);
}

function hostOfPattern(pattern: string | undefined): string | undefined {
  return pattern?.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

/** The translation with protected spans (mentions, hashtags, links, names, glossary terms) marked. */
function PreviewText({ result, text }: { result: TranslationResult; text: string }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  const outputs = [...result.spans].sort((a, b) => a.start - b.start).map((s) => ({ kind: s.kind, output: s.output }));
  for (const [i, span] of outputs.entries()) {
    if (!span.output.trim()) continue;
    const at = text.indexOf(span.output, cursor);
    if (at < 0) continue;
    if (at > cursor) parts.push(text.slice(cursor, at));
    parts.push(
      <mark key={i} data-protected={span.kind} style={{ background: 'var(--envoy-protected-bg, #e8f0fe)', color: 'inherit' }}>
        {span.output}
      </mark>,
    );
    cursor = at + span.output.length;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
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
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [edited, setEdited] = useState('');
  const [notice, setNotice] = useState<Notice>(undefined);
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
      setPhase({ name: 'planning' });
      try {
        const plan = await client.plan({ text: segment, ...(from ? { from } : {}), to: target });
        if (!current()) return;
        if (!plan.ok) {
          setPhase({ name: 'error', error: { kind: plan.error.kind, ...(plan.error.destination ? { destination: plan.error.destination } : {}) } });
          return;
        }
        if (!from) setDetected(plan.detection?.lang ?? plan.from);
        if (!plan.from) {
          setPhase({ name: 'blocked', reason: 'source-unknown', steps: plan.steps });
          return;
        }
        if (sameLanguage(plan.from, target)) {
          setPhase({ name: 'blocked', reason: 'same-language', steps: plan.steps, from: plan.from });
          return;
        }
        const step = plan.next;
        if (!step) {
          setPhase({ name: 'blocked', reason: 'none', steps: plan.steps, from: plan.from });
          return;
        }
        if (step.privacy === 'cloud' && confirmed?.destination !== step.destination) {
          setPhase({ name: 'confirm', step, from: plan.from });
          return;
        }
        setPhase({ name: 'translating', step, from: plan.from });
        const response = await client.translate({
          text: snapshot.text,
          ...(useSelection ? { selection: useSelection } : {}),
          from: plan.from,
          to: target,
          ...(confirmed && step.privacy === 'cloud' ? { confirmation: confirmed.token } : {}),
        });
        if (!current()) return;
        if (response.ok) {
          setEdited(response.result.text);
          setPhase({ name: 'done', result: response.result, draft: snapshot.text });
          return;
        }
        const e = response.error;
        if (e.kind === 'confirm-cloud' && e.destination) {
          setPhase({
            name: 'confirm',
            step: { providerId: '', label: e.label ?? e.destination, destination: e.destination, privacy: 'cloud', isCloud: true, status: 'candidate' },
            from: plan.from,
          });
          return;
        }
        const host = hostOfPattern(e.origin);
        setPhase({
          name: 'error',
          error: { kind: e.kind, ...(host ? { host, origin: e.origin } : {}), ...(e.destination ? { destination: e.destination } : {}) },
          step,
        });
      } catch {
        if (current()) setPhase({ name: 'error', error: { kind: 'extension' } });
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
      setPhase({ name: 'error', error: { kind: 'not-allowed', destination } });
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
      if (ok) setPhase({ ...phase, draft: edit.expected });
    } catch {
      setNotice('writeFailed');
    } finally {
      setBusyWriting(false);
    }
  };

  const sourceValue = sourceOverride || 'auto';
  const targets: string[] = [...TARGET_LANGUAGES];
  if (!targets.includes(target)) targets.unshift(target);

  const destinationLine = (step: PlanStep) => {
    const params = { destination: step.destination, label: step.label };
    if (step.privacy === 'on-device') return t('translate.dest.onDevice', params);
    if (step.privacy === 'self-hosted') return t('translate.dest.selfHosted', params);
    return t('translate.dest.cloud', params);
  };

  const blockedDetails = (steps: PlanStep[], from?: string) => {
    const pair = { from: from ? nameOf(from) : '?', to: nameOf(target) };
    const download = steps.find((s) => s.status === 'download-required');
    const permission = steps.find((s) => s.status === 'needs-permission');
    const cloudOff = steps.some((s) => s.status === 'cloud-not-allowed');
    // Nothing can translate: an error the user can act on (grant access, allow cloud, download).
    const kind = permission ? 'permission' : download ? 'download-required' : cloudOff ? 'not-allowed' : 'unsupported-pair';
    return (
      <div role="alert" data-translation-error={kind}>
        <p data-translation-blocked="none">{t('translate.dest.none', pair)}</p>
        {permission ? <p data-translation-blocked="permission">{t('translate.dest.permission', { host: hostOfPattern(permission.origin) ?? permission.destination })}</p> : null}
        {permission ? accessButton(permission.origin, hostOfPattern(permission.origin) ?? permission.destination) : null}
        {cloudOff ? <p data-translation-blocked="cloud-off">{t('translate.dest.cloudOff')}</p> : null}
        {download && from ? (
          <div data-translation-blocked="download">
            <p>{t('translate.dest.downloadNeeded', pair)}</p>
            {props.onDownload ? (
              <button
                type="button"
                onClick={onTrusted(() => {
                  setProgress(0);
                  // Starts the download inside the click (user gesture), before any await.
                  void props
                    .onDownload!({ from, to: target }, (f) => setProgress(f))
                    .then((ok) => {
                      setProgress(undefined);
                      setNotice(ok ? 'downloaded' : 'downloadFailed');
                      if (ok) setNonce((n) => n + 1);
                    });
                })}
              >
                {t('translate.downloadPack', pair)}
              </button>
            ) : props.onOpenStudio ? (
              <button type="button" onClick={onTrusted(() => props.onOpenStudio?.())}>
                {t('translate.openStudio')}
              </button>
            ) : null}
          </div>
        ) : null}
        {progress !== undefined ? <p role="status">{t('translate.downloading', { percent: Math.round(progress * 100) })}</p> : null}
      </div>
    );
  };

  /**
   * One button for a server that needs its host permission: the background opens an extension page
   * that asks for exactly that host; once granted the translation runs again.
   */
  const accessButton = (origin: string | undefined, host: string) =>
    client.requestAccess && origin ? (
      <button
        type="button"
        data-request-access={origin}
        disabled={askingAccess}
        onClick={onTrusted(() => {
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
        })}
      >
        {t('translate.allowAccess', { host })}
      </button>
    ) : null;

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
              {phase.name === 'translating' && phase.step ? <p data-translation-destination={phase.step.privacy}>{destinationLine(phase.step)}</p> : null}
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
              blockedDetails(phase.steps, phase.from)
            )
          ) : null}

          {phase.name === 'confirm' ? (
            <div data-translation-confirm="">
              <p data-translation-destination="cloud">{destinationLine(phase.step)}</p>
              <button type="button" onClick={onTrusted(() => void confirmAndRun(phase.step.destination))}>
                {t('translate.confirmCloud', { destination: phase.step.destination })}
              </button>
            </div>
          ) : null}

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

          {notice ? (
            <p role={notice === 'writeFailed' || notice === 'stale' || notice === 'downloadFailed' || notice === 'accessDenied' ? 'alert' : 'status'} data-translation-notice={notice}>
              {t(
                (
                  {
                    written: 'translate.written',
                    writeFailed: 'translate.writeFailed',
                    stale: 'translate.stale',
                    copied: 'translate.copied',
                    downloaded: 'translate.downloaded',
                    downloadFailed: 'translate.downloadFailed',
                    accessDenied: 'translate.accessDenied',
                  } as const
                )[notice],
              )}
            </p>
          ) : null}
          {props.children}
        </div>
      ) : null}
    </section>
  );
}

function ResultView({
  result,
  editable,
  edited,
  onEdit,
  nameOf,
  busy,
  onWrite,
  onCopy,
}: {
  result: TranslationResult;
  editable: boolean;
  edited: string;
  onEdit(text: string): void;
  nameOf(tag: string): string;
  busy: boolean;
  onWrite(mode: WriteMode): void;
  onCopy?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const kept = result.spans.filter((s) => s.kind !== 'glossary' && s.kind !== 'number').length;
  const shownWarnings = result.warnings.filter((w) => w.code !== 'same-language' && w.code !== 'empty');
  return (
    <div data-translation-result="" data-provider={result.providerId} data-privacy={result.privacy} data-elapsed-ms={Math.round(result.elapsedMs)}>
      <p data-translation-destination={result.privacy} style={{ fontSize: '0.85em' }}>
        {t('translate.via', { from: nameOf(result.from), to: nameOf(result.to), label: result.providerLabel, destination: result.destination })}
      </p>
      {editable ? (
        <textarea
          data-translation-preview=""
          aria-label={t('translate.previewLabel')}
          lang={result.to}
          dir="auto"
          value={edited}
          rows={8}
          onChange={onTrusted((e) => onEdit(e.target.value))}
          style={{ width: '100%', boxSizing: 'border-box' }}
        />
      ) : (
        <div
          data-translation-preview=""
          role="region"
          aria-label={t('translate.previewLabel')}
          lang={result.to}
          dir="auto"
          style={{ whiteSpace: 'pre-wrap', border: '1px solid var(--envoy-border, #ccc)', borderRadius: 4, padding: 6 }}
        >
          <PreviewText result={result} text={result.text} />
        </div>
      )}
      {kept > 0 ? <p style={{ fontSize: '0.85em' }}>{t('translate.protectedKept', { count: kept })}</p> : null}
      {result.glossaryIssues.length > 0 ? (
        <ul data-glossary-issues="">
          {result.glossaryIssues.map((issue) => (
            <li key={issue.termId} data-glossary-issue={issue.termId} data-reviewed={String(issue.reviewed)}>
              {issue.found
                ? t('translate.glossaryIssueFound', { source: issue.sourceText, expected: issue.expected, found: issue.found })
                : t('translate.glossaryIssue', { source: issue.sourceText, expected: issue.expected })}
              {issue.reviewed ? null : <em> ({t('translate.unreviewedTerm')})</em>}
            </li>
          ))}
        </ul>
      ) : null}
      {shownWarnings.length > 0 ? (
        <ul data-translation-warnings="" style={{ fontSize: '0.85em' }}>
          {shownWarnings.map((w, i) => (
            <li key={i} data-warning={w.code}>
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        <button type="button" disabled={busy} onClick={onTrusted(() => onWrite('below'))}>
          {t('translate.insertBelow')}
        </button>
        <button type="button" disabled={busy} onClick={onTrusted(() => onWrite('replace'))}>
          {t('translate.replace')}
        </button>
        {onCopy ? (
          <button type="button" onClick={onTrusted(() => onCopy())}>
            {t('translate.copy')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Translation panel states (happy-dom + Testing Library) with a fake background client:
 * Public hooks (docs/hooks.md), destination shown before sending, cloud confirmation, preview with protected
 * spans and glossary flags, bilingual writes, errors with the draft untouched, stale drafts,
 * selections, the user's source-language override.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '@/components/i18n';
import { TranslatePanel, type DraftSnapshot, type TranslateClient, type TranslatePanelProps } from '@/components/translation/TranslatePanel';
import { bilingualEdit, type DraftEdit } from '@/components/translation/compose';
import type { PlanStep, TranslatePlanResponse, TranslateResponse, TranslationResult } from '@/lib/messages';
import { applyTranslation } from '@/lib/translation/translate';
import { createTranslator } from '@/lib/i18n';

afterEach(() => cleanup());

const DRAFT = 'Thank you @UNESCO for #WorldHeritage https://whc.unesco.org';
const TRANSLATION = 'Gracias @UNESCO para #WorldHeritage https://whc.unesco.org';

const apertium: PlanStep = {
  providerId: 'apertium:127.0.0.1:2737',
  label: 'Ministry Apertium',
  destination: '127.0.0.1:2737',
  privacy: 'self-hosted',
  isCloud: false,
  status: 'candidate',
};
const deepl: PlanStep = { providerId: 'deepl:api-free.deepl.com', label: 'DeepL', destination: 'api-free.deepl.com', privacy: 'cloud', isCloud: true, status: 'candidate' };

function result(over: Partial<TranslationResult> = {}): TranslationResult {
  return {
    text: TRANSLATION,
    range: { start: 0, end: DRAFT.length },
    from: 'en',
    to: 'es',
    providerId: apertium.providerId,
    providerLabel: apertium.label,
    destination: apertium.destination,
    privacy: 'self-hosted',
    isCloud: false,
    method: 'placeholder',
    glossaryIssues: [],
    warnings: [],
    spans: [
      { kind: 'mention', start: 10, end: 17, text: '@UNESCO', output: '@UNESCO' },
      { kind: 'hashtag', start: 22, end: 36, text: '#WorldHeritage', output: '#WorldHeritage' },
      { kind: 'url', start: 37, end: 60, text: 'https://whc.unesco.org', output: 'https://whc.unesco.org' },
    ],
    elapsedMs: 12,
    ...over,
  };
}

function client(opts: { plan?: (req: { to: string; from?: string }) => TranslatePlanResponse; translate?: TranslateResponse | (() => never) } = {}) {
  const plan = vi.fn(async (req: { text: string; from?: string; to: string }): Promise<TranslatePlanResponse> =>
    opts.plan ? opts.plan(req) : { ok: true, from: req.from ?? 'en', detection: { lang: 'en', confidence: 0.9, reliable: true, source: 'franc' }, steps: [apertium], next: apertium },
  );
  const translate = vi.fn(async (req: Parameters<TranslateClient['translate']>[0]): Promise<TranslateResponse> => {
    void req;
    if (typeof opts.translate === 'function') return opts.translate();
    return opts.translate ?? { ok: true, result: result() };
  });
  /** The background's one-time token, bound here to the destination it confirms. */
  const confirmCloud = vi.fn(async (destination: string) => `token-for-${destination}`);
  return { plan, translate, confirmCloud };
}

function setup(props: Partial<TranslatePanelProps> & { draft?: DraftSnapshot | (() => DraftSnapshot) } = {}) {
  const c = props.client ?? client();
  const write = vi.fn(async (_edit: DraftEdit) => true);
  const draft = props.draft ?? { text: DRAFT };
  const readDraft = vi.fn(typeof draft === 'function' ? draft : () => draft);
  const user = userEvent.setup();
  render(
    <I18nProvider lang="en">
      <TranslatePanel client={c} readDraft={readDraft} write={props.write ?? write} defaultTarget={props.defaultTarget ?? 'en'} separator={props.separator ?? '\n\n'} {...(props.onDownload ? { onDownload: props.onDownload } : {})} />
    </I18nProvider>,
  );
  return { user, client: c as ReturnType<typeof client>, write: (props.write ?? write) as typeof write, readDraft };
}

const preview = () => document.querySelector('[data-translation-preview]');

async function openAndPickSpanish(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Translate' }));
  await user.selectOptions(screen.getByLabelText('Target language'), 'es');
  await waitFor(() => expect(preview()).not.toBeNull());
}

describe('TranslatePanel', () => {
  it('is closed behind the Translate button and does nothing until opened', () => {
    const { client: c } = setup();
    const button = screen.getByRole('button', { name: 'Translate' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(c.plan).not.toHaveBeenCalled();
    expect(screen.queryByLabelText('Target language')).toBeNull();
  });

  it('offers BCP-47 target languages and says when the text is already in the target language', async () => {
    const { user, client: c } = setup({ defaultTarget: 'en' });
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    const select = screen.getByLabelText('Target language') as HTMLSelectElement;
    const values = [...select.options].map((o) => o.value);
    expect(values.slice(0, 3)).toEqual(['km', 'en', 'fr']);
    expect(values).toEqual(expect.arrayContaining(['th', 'vi', 'zh', 'es']));
    expect(values.every((v) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(v))).toBe(true);
    await screen.findByText(/already in English/);
    expect(c.translate).not.toHaveBeenCalled();
  });

  it('shows the destination, then the preview with protected spans marked', async () => {
    const { user, client: c } = setup();
    await openAndPickSpanish(user);
    expect(c.translate).toHaveBeenCalledWith(expect.objectContaining({ text: DRAFT, from: 'en', to: 'es' }));
    // No cloud service involved: no confirmation asked for, none sent.
    expect(c.translate.mock.calls[0]![0].confirmation).toBeUndefined();
    expect(c.confirmCloud).not.toHaveBeenCalled();
    const p = preview()!;
    expect(p.textContent).toBe(TRANSLATION);
    expect(p.getAttribute('lang')).toBe('es');
    expect([...p.querySelectorAll('mark[data-protected]')].map((m) => m.textContent)).toEqual(['@UNESCO', '#WorldHeritage', 'https://whc.unesco.org']);
    expect(document.querySelector('[data-translation-result] [data-translation-destination]')!.textContent).toContain('127.0.0.1:2737');
  });

  it('Insert below writes original + separator + translation; Replace draft writes the translation', async () => {
    const { user, write } = setup({ separator: '\n———\n' });
    await openAndPickSpanish(user);
    await user.click(screen.getByRole('button', { name: 'Insert below' }));
    expect(write).toHaveBeenCalledWith({ start: DRAFT.length, end: DRAFT.length, text: `\n———\n${TRANSLATION}`, original: '', expected: `${DRAFT}\n———\n${TRANSLATION}` });
    await screen.findByText(/the draft now has the translation/);

    cleanup();
    const second = setup();
    await openAndPickSpanish(second.user);
    await second.user.click(screen.getByRole('button', { name: 'Replace draft' }));
    expect(second.write).toHaveBeenCalledWith({ start: 0, end: DRAFT.length, text: TRANSLATION, original: DRAFT, expected: TRANSLATION });
  });

  it('asks before sending to a cloud service, and sends only the confirmed host', async () => {
    const c = client({ plan: (req) => ({ ok: true, from: 'en', steps: [deepl], next: deepl, ...(req.from ? {} : {}) }) });
    const { user } = setup({ client: c });
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    await user.selectOptions(screen.getByLabelText('Target language'), 'es');
    const confirm = await screen.findByRole('button', { name: 'Send to api-free.deepl.com' });
    expect(screen.getByText(/api-free\.deepl\.com \(DeepL\), a cloud service outside your organisation/)).toBeTruthy();
    expect(c.translate).not.toHaveBeenCalled();
    await user.click(confirm);
    await waitFor(() => expect(c.translate).toHaveBeenCalledTimes(1));
    // The confirmation is the background's one-time token for exactly that host.
    expect(c.confirmCloud.mock.calls).toEqual([['api-free.deepl.com']]);
    expect(c.translate.mock.calls[0]![0].confirmation).toBe(await c.confirmCloud.mock.results[0]!.value);
  });

  it('shows errors as an alert with the draft untouched, and can retry', async () => {
    const c = client({ translate: { ok: false, error: { kind: 'unreachable', message: 'x' } } });
    const { user, write } = setup({ client: c });
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    await user.selectOptions(screen.getByLabelText('Target language'), 'es');
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-translation-error')).toBe('unreachable');
    expect(alert.textContent).toMatch(/your draft is unchanged.*could not be reached/);
    expect(preview()).toBeNull();
    expect(write).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(c.translate).toHaveBeenCalledTimes(2));
  });

  it('names the host for a missing permission', async () => {
    const c = client({ translate: { ok: false, error: { kind: 'permission', message: 'x', origin: 'http://127.0.0.1/*' } } });
    const { user } = setup({ client: c });
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    await user.selectOptions(screen.getByLabelText('Target language'), 'es');
    expect((await screen.findByRole('alert')).textContent).toContain('Envoy needs permission to reach 127.0.0.1: open Settings → Translation.');
  });

  it('offers one button that asks for exactly that host, then translates', async () => {
    let granted = false;
    const c = client();
    c.translate.mockImplementation(async () =>
      granted ? { ok: true, result: result() } : { ok: false, error: { kind: 'permission', message: 'x', origin: 'http://127.0.0.1/*' } },
    );
    const requestAccess = vi.fn(async (origin: string) => {
      granted = origin === 'http://127.0.0.1/*';
      return granted;
    });
    const { user } = setup({ client: { ...c, requestAccess } });
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    await user.selectOptions(screen.getByLabelText('Target language'), 'es');
    await user.click(await screen.findByRole('button', { name: 'Allow access to 127.0.0.1' }));
    expect(requestAccess).toHaveBeenCalledWith('http://127.0.0.1/*');
    await waitFor(() => expect(document.querySelector('[data-translation-preview]')?.textContent).toBe(TRANSLATION));
  });

  it('says nothing was sent when access is refused', async () => {
    const c = client({ translate: { ok: false, error: { kind: 'permission', message: 'x', origin: 'http://127.0.0.1/*' } } });
    const { user } = setup({ client: { ...c, requestAccess: async () => false } });
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    await user.selectOptions(screen.getByLabelText('Target language'), 'es');
    await user.click(await screen.findByRole('button', { name: 'Allow access to 127.0.0.1' }));
    expect((await screen.findByText('Access was not allowed, so nothing was sent.')).getAttribute('role')).toBe('alert');
  });

  it('reports a background that does not answer', async () => {
    const c = client({
      translate: () => {
        throw new Error('Could not establish connection');
      },
    });
    const { user } = setup({ client: c });
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    await user.selectOptions(screen.getByLabelText('Target language'), 'es');
    expect((await screen.findByRole('alert')).getAttribute('data-translation-error')).toBe('extension');
  });

  it('flags glossary terms rendered differently', async () => {
    const c = client({
      translate: {
        ok: true,
        result: result({ glossaryIssues: [{ termId: 'ambassador', sourceText: 'Ambassador', expected: 'Embajador', sourceCount: 1, translationCount: 0, found: 'diplomático', reviewed: false }] }),
      },
    });
    const { user } = setup({ client: c });
    await openAndPickSpanish(user);
    const issue = document.querySelector('[data-glossary-issue="ambassador"]')!;
    expect(issue.textContent).toContain('“Ambassador” should be rendered “Embajador”, not “diplomático”');
    expect(issue.textContent).toContain('not yet confirmed by the ministry');
  });

  it('does not write into a draft that changed since it was translated', async () => {
    let text = DRAFT;
    const { user, write } = setup({ draft: () => ({ text }) });
    await openAndPickSpanish(user);
    text = `${DRAFT} more`;
    await user.click(screen.getByRole('button', { name: 'Insert below' }));
    expect(write).not.toHaveBeenCalled();
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed after it was translated/);
  });

  it('"Translate again" translates the draft as it is now, and that translation can be written', async () => {
    let text = DRAFT;
    const { user, write, client: c } = setup({ draft: () => ({ text }) });
    await openAndPickSpanish(user);
    text = `${DRAFT} more`;
    await user.click(screen.getByRole('button', { name: 'Translate again' }));
    await waitFor(() => expect(c.translate.mock.calls.at(-1)?.[0].text).toBe(`${DRAFT} more`));
    await waitFor(() => expect(preview()).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Insert below' }));
    expect(write).toHaveBeenCalledTimes(1);
    // Written into the new draft (the old translation would have been refused as stale).
    expect(write.mock.calls[0]![0].expected).toContain(' more');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the editor refuses the write', async () => {
    const { user } = setup({ write: vi.fn(async () => false) });
    await openAndPickSpanish(user);
    await user.click(screen.getByRole('button', { name: 'Insert below' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not accept the text; your draft is unchanged/);
  });

  it('translates the selection when there is one, or the whole draft when the user says so', async () => {
    const selection = { start: 0, end: 9 };
    const c = client({ translate: { ok: true, result: result({ text: 'Gracias', range: selection, spans: [] }) } });
    const { user, write } = setup({ client: c, draft: { text: DRAFT, selection } });
    await openAndPickSpanish(user);
    expect(c.plan).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'Thank you' }));
    expect(c.translate).toHaveBeenLastCalledWith(expect.objectContaining({ selection }));
    await user.click(screen.getByRole('button', { name: 'Insert below' }));
    expect(write).toHaveBeenCalledWith(expect.objectContaining({ start: 9, end: 9, text: '\n\nGracias' }));
    await user.click(screen.getByLabelText('The whole draft'));
    await waitFor(() => expect(c.translate.mock.calls.at(-1)![0].selection).toBeUndefined());
  });

  it('lets the user override the detected source language', async () => {
    const { user, client: c } = setup();
    await openAndPickSpanish(user);
    const source = screen.getByLabelText('Source language') as HTMLSelectElement;
    expect(source.options[0]!.textContent).toBe('English (detected)');
    await user.selectOptions(source, 'fr');
    await waitFor(() => expect(c.plan).toHaveBeenLastCalledWith(expect.objectContaining({ from: 'fr', to: 'es' })));
  });

  it('explains why nothing can translate (pack download, permission) and offers the download', async () => {
    const download = vi.fn(async (_pair: { from: string; to: string }, onProgress: (f: number) => void) => {
      onProgress(0.5);
      return true;
    });
    const steps: PlanStep[] = [
      { ...apertium, providerId: 'chrome', label: 'Chrome', destination: 'this device', privacy: 'on-device', status: 'download-required' },
      { ...apertium, status: 'needs-permission', origin: 'http://127.0.0.1/*' },
    ];
    const c = client({ plan: () => ({ ok: true, from: 'en', steps }) });
    const { user } = setup({ client: c, onDownload: download });
    await user.click(screen.getByRole('button', { name: 'Translate' }));
    await user.selectOptions(screen.getByLabelText('Target language'), 'es');
    expect(await screen.findByText(/Envoy needs permission to reach 127\.0\.0\.1/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Download the English → Spanish language pack/ }));
    expect(download).toHaveBeenCalledWith({ from: 'en', to: 'es' }, expect.any(Function));
    expect(c.translate).not.toHaveBeenCalled();
  });
});

describe('bilingual edits', () => {
  const cases: Array<[string, { start: number; end: number }, string]> = [
    ['Hello world', { start: 0, end: 11 }, 'Hola mundo'],
    ['Hello world\n\n', { start: 0, end: 13 }, ' Hola mundo '],
    ['Intro. Hello world. Outro.', { start: 7, end: 19 }, 'Hola mundo.'],
    ['Line one\nLine two  ', { start: 9, end: 19 }, 'Ligne deux'],
    ['', { start: 0, end: 0 }, ''],
  ];
  it.each(cases)('matches the library for %j', (draft, range, translation) => {
    for (const mode of ['below', 'replace'] as const) {
      for (const separator of ['\n\n', '\n———\n', ' / ']) {
        const edit = bilingualEdit(draft, range, translation, mode, separator);
        expect(edit.expected).toBe(applyTranslation(draft, range, translation, { mode, separator }));
        expect(draft.slice(0, edit.start) + edit.text + draft.slice(edit.end)).toBe(edit.expected);
        expect(draft.slice(edit.start, edit.end)).toBe(edit.original);
        if (mode === 'below') expect(edit.start).toBe(edit.end); // only inserts: the original stays as the editor has it
      }
    }
  });
});

describe('public hook names (docs/hooks.md) in every UI language', () => {
  it('keeps Translate, Target language, Insert below and Replace draft first', () => {
    for (const lang of ['en', 'km', 'fr'] as const) {
      const t = createTranslator(lang);
      expect(t('translate.open')).toMatch(/^Translate\b/);
      expect(t('translate.target')).toMatch(/^Target language\b/);
      expect(t('translate.insertBelow')).toMatch(/^Insert below\b/);
      expect(t('translate.replace')).toMatch(/^Replace draft\b/);
    }
  });
});

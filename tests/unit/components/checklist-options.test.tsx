/**
 * The checklist's options-page components over in-memory storage: the local
 * override log (read, export CSV/JSON through a callback, clear) and the
 * template editor (texts in three languages, required flags, validation in
 * words, reset to the defaults), plus the background's view of the templates.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '@/components/i18n';
import { OverrideLog, type DownloadFile } from '@/components/checklist/OverrideLog';
import { TemplateEditor } from '@/components/checklist/TemplateEditor';
import { BUILT_IN_TEMPLATES, createOverrideLogEntry, parseLog } from '@/lib/checklist';
import { memoryAreaStorage } from '@/lib/state/area-storage';
import { CHECKLIST_OVERRIDE_LOG_KEY, CHECKLIST_TEMPLATES_KEY } from '@/lib/state/checklist-keys';
import { customTemplatesStore, effectiveTemplates, overrideLogStore, parseCustomTemplates } from '@/lib/state/checklist-stores';

afterEach(() => cleanup());

const entry = (reason: string, at: string, platform = 'x') =>
  createOverrideLogEntry({ at, platform, templateId: 'standard', openItems: ['cleared', 'names-titles'], reason });

describe('OverrideLog', () => {
  it('lists the overrides newest first and exports them as CSV and JSON', async () => {
    const storage = memoryAreaStorage();
    await storage.set(CHECKLIST_OVERRIDE_LOG_KEY, [
      entry('Cleared by phone', '2026-03-01T10:00:00Z'),
      entry('=HYPERLINK("x") urgent, "quoted"', '2026-03-02T10:00:00Z', 'telegram'),
    ]);
    const store = overrideLogStore(storage);
    await store.ready;
    const downloads: DownloadFile[] = [];
    render(
      <I18nProvider lang="en">
        <OverrideLog store={store} onDownload={(f) => downloads.push(f)} now={() => new Date('2026-03-03T00:00:00Z')} />
      </I18nProvider>,
    );
    const rows = document.querySelectorAll('[data-override-entry]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('telegram');
    expect(rows[1]!.textContent).toContain('Cleared by phone');
    expect(screen.getByText('Kept on this device only; never sent anywhere.')).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(downloads.map((d) => d.filename)).toEqual(['envoy-override-log-2026-03-03.csv', 'envoy-override-log-2026-03-03.json']);
    const csv = downloads[0]!.content;
    expect(csv.startsWith('\uFEFFat,platform,templateId,openItems,reason,draftExcerpt\r\n')).toBe(true);
    // Spreadsheet formulas are neutralised and quotes escaped.
    expect(csv).toContain(`"'=HYPERLINK(""x"") urgent, ""quoted"""`);
    expect(parseLog(JSON.parse(downloads[1]!.content))).toHaveLength(2);
  });

  it('shows an empty state, disables export, and clears after confirmation', async () => {
    const storage = memoryAreaStorage();
    await storage.set(CHECKLIST_OVERRIDE_LOG_KEY, [entry('Cleared by phone', '2026-03-01T10:00:00Z')]);
    const store = overrideLogStore(storage);
    await store.ready;
    const confirm = vi.fn(() => true);
    render(
      <I18nProvider lang="en">
        <OverrideLog store={store} onDownload={vi.fn()} confirm={confirm} />
      </I18nProvider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clear the log' }));
    expect(confirm).toHaveBeenCalled();
    await screen.findByText('No override recorded.');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveProperty('disabled', true);
    expect(await storage.get(CHECKLIST_OVERRIDE_LOG_KEY)).toEqual([]);
  });
});

describe('TemplateEditor', () => {
  async function setup() {
    const storage = memoryAreaStorage();
    const store = customTemplatesStore(storage);
    await store.ready;
    render(
      <I18nProvider lang="en">
        <TemplateEditor store={store} confirm={() => true} />
      </I18nProvider>,
    );
    return { storage, store, user: userEvent.setup() };
  }

  it('edits an item’s texts and required flag, stores only the changed template, and resets it', async () => {
    const { storage, store, user } = await setup();
    await user.selectOptions(screen.getByLabelText('Template to edit'), 'standard');
    const item = within(document.querySelector<HTMLElement>('[data-template-item="photo-credits"]')!);
    const english = item.getByLabelText('Text (English)');
    await user.clear(english);
    await user.type(english, 'Photographer credited');
    await user.click(item.getByLabelText('Required before posting'));
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await screen.findByText('Saved.');

    const stored = (await storage.get(CHECKLIST_TEMPLATES_KEY)) as Array<{ id: string; items: Array<{ id: string; required: boolean; text: { en: string } }> }>;
    expect(stored.map((t) => t.id)).toEqual(['standard']);
    const photo = stored[0]!.items.find((i) => i.id === 'photo-credits')!;
    expect(photo).toMatchObject({ required: true, text: { en: 'Photographer credited' } });
    expect(effectiveTemplates(store.getState().value).find((t) => t.id === 'standard')!.items.find((i) => i.id === 'photo-credits')!.required).toBe(true);
    expect((screen.getByLabelText('Template to edit') as HTMLSelectElement).selectedOptions[0]!.textContent).toContain('(Edited)');

    await user.click(screen.getByRole('button', { name: 'Reset this template to the default' }));
    await waitFor(() => expect(store.getState().value).toEqual([]));
    expect((within(document.querySelector<HTMLElement>('[data-template-item="photo-credits"]')!).getByLabelText('Text (English)') as HTMLInputElement).value).toBe(
      BUILT_IN_TEMPLATES.find((t) => t.id === 'standard')!.items.find((i) => i.id === 'photo-credits')!.text.en,
    );
  });

  it('refuses an empty Khmer text with a message naming the template, item and field', async () => {
    const { store, user } = await setup();
    await user.selectOptions(screen.getByLabelText('Template to edit'), 'crisis');
    const item = within(document.querySelector<HTMLElement>('[data-template-item="official-line"]')!);
    const khmer = item.getByLabelText('Text (ខ្មែរ)');
    expect(khmer.getAttribute('lang')).toBe('km');
    await user.clear(khmer);
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Template "crisis", item "official-line": the Khmer text is empty.');
    expect(store.getState().value).toEqual([]);
  });

  it('saving the built-in wording again stores nothing', async () => {
    const { store, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await screen.findByText('Saved.');
    expect(store.getState().value).toEqual([]);
  });
});

describe('stored templates', () => {
  it('keeps the valid ones only and merges them over the built-in set', () => {
    const edited = { ...BUILT_IN_TEMPLATES[5]!, priority: 5 };
    const parsed = parseCustomTemplates([edited, { id: 'Bad Id' }, edited, 'junk']);
    expect(parsed).toEqual([edited]);
    const merged = effectiveTemplates(parsed);
    expect(merged).toHaveLength(BUILT_IN_TEMPLATES.length);
    expect(merged.find((t) => t.id === edited.id)!.priority).toBe(5);
    expect(parseCustomTemplates('nope')).toEqual([]);
  });
});

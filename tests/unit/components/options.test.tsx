/**
 * Options page (React Testing Library over in-memory stores): packs (list,
 * switch, import with embedded tests, refused imports change nothing, export),
 * the custom-rule editor with live test, translation services (permission
 * request from the click, test connection), Mastodon servers, organisation
 * policy (locked controls, invalid values as notices, live re-read), UI
 * language switch, privacy section and the settings file.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { OptionsServices } from '@/components/options/types';
import { DEFAULT_PACK_IDS } from '@/lib/packs/defaults';
import { makeGuidelines, makeSettings, samplePack, tick } from './options-popup.helpers';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '#');
});

/** Opens the page at a section (#packs …), as a deep link does. */
const at = (section: string) => beforeEach(() => window.history.replaceState(null, '', `#${section}`));

function services(overrides: Partial<OptionsServices> = {}): OptionsServices & { downloads: Array<{ name: string; text: string }> } {
  const downloads: Array<{ name: string; text: string }> = [];
  return {
    downloads,
    requestOrigins: vi.fn(async () => true),
    testProvider: vi.fn(async () => ({ ok: true, detail: 'mt.example.org, 3 language pairs' })),
    download: (name, text) => downloads.push({ name, text }),
    ...overrides,
  };
}

async function setup(policy: unknown = {}, svc = services()) {
  const { settings, policy: source } = await makeSettings(policy);
  const guidelines = await makeGuidelines(settings);
  const user = userEvent.setup();
  render(<OptionsApp settings={settings} guidelines={guidelines} services={svc} browserLanguage="en-US" />);
  return { settings, guidelines, user, svc, policy: source };
}

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const packRow = (id: string) => document.querySelector(`[data-pack="${id}"]`) as HTMLElement | null;

describe('guideline packs', () => {
  at('packs');
  it('lists every built-in pack with its version and source, and switches one off', async () => {
    const { user, settings } = await setup();
    for (const id of DEFAULT_PACK_IDS) {
      const row = packRow(id)!;
      expect(row, id).not.toBeNull();
      expect(row.textContent).toMatch(/Version \d+\.\d+\.\d+/);
      expect(row.textContent).toContain('Source: Built-in');
    }
    const box = within(packRow('core.engagement')!).getByRole('checkbox');
    expect((box as HTMLInputElement).checked).toBe(true);
    await user.click(box);
    expect(settings.getState().user.disabledBuiltinPacks).toEqual(['core.engagement']);
    await waitFor(() => expect(packRow('core.engagement')!.dataset.enabled).toBe('false'));
  });

  it('imports a valid pack: its tests run, it is listed as imported and stored', async () => {
    const { user, guidelines } = await setup();
    await user.upload(screen.getByLabelText('Import guideline pack'), file('paris.json', JSON.stringify(samplePack())));
    await screen.findByText('Imported “Embassy in Paris”, version 1.2.0.');
    expect(guidelines.imported.getState().value).toHaveLength(1);
    const row = packRow('embassy.paris')!;
    expect(row.dataset.origin).toBe('imported');
    expect(row.textContent).toContain('Version 1.2.0');
    expect(guidelines.getState().packs.some((p) => p.id === 'embassy.paris')).toBe(true);
    // Importing a newer version replaces it.
    await user.upload(screen.getByLabelText('Import guideline pack'), file('paris.json', JSON.stringify(samplePack({ version: '1.3.0' }))));
    await screen.findByText('Updated “Embassy in Paris” to version 1.3.0.');
    expect(guidelines.imported.getState().value).toHaveLength(1);
  });

  const refusals: Array<[string, string, RegExp[]]> = [
    ['broken JSON', '{ "schema": "envoy-pack/1", "id": "x" ', [/bad\.json/, /not valid JSON/, /line 1/]],
    ['a rule without a severity', JSON.stringify(samplePack({}, { severity: undefined })), [/bad\.json/, /paris\.codename/, /severity/]],
    ['a misspelt field', JSON.stringify(samplePack({}, { exeptions: ['x'] })), [/paris\.codename/, /exeptions/]],
    ['a failing embedded test', JSON.stringify(samplePack({}, { tests: { flag: ['Nothing to see here.'] } })), [/paris\.codename/, /tests\.flag\[0\]/, /should be flagged/]],
    ['a rule id already used by a built-in pack', JSON.stringify(samplePack({}, { id: 'address.king' })), [/address\.king/, /unique/]],
    ['a built-in pack id', JSON.stringify(samplePack({ id: 'core.security' })), [/core\.security/, /already used/]],
    ['the reserved custom-rules id', JSON.stringify(samplePack({ id: 'user.custom' })), [/user\.custom/, /reserved/]],
  ];
  for (const [what, text, expected] of refusals) {
    it(`refuses ${what} with an alert that names the problem, and changes nothing`, async () => {
      const { user, guidelines } = await setup();
      const before = guidelines.getState().summaries.map((s) => `${s.id}@${s.version}:${s.enabled}`);
      await user.upload(screen.getByLabelText('Import guideline pack'), file('bad.json', text));
      const alert = await waitFor(() => {
        const el = document.querySelector('[data-import-errors]');
        expect(el).not.toBeNull();
        return el as HTMLElement;
      });
      expect(alert.getAttribute('role')).toBe('alert');
      for (const re of expected) expect(alert.textContent).toMatch(re);
      expect(guidelines.imported.getState().value).toEqual([]);
      expect(guidelines.getState().summaries.map((s) => `${s.id}@${s.version}:${s.enabled}`)).toEqual(before);
    });
  }

  it('exports a pack as JSON and removes an imported one', async () => {
    const svc = services();
    const { user, guidelines } = await setup({}, svc);
    await user.click(within(packRow('core.security')!).getByRole('button', { name: /^Export “/ }));
    expect(svc.downloads[0]!.name).toBe('core.security.json');
    expect(JSON.parse(svc.downloads[0]!.text).schema).toBe('envoy-pack/1');
    await user.upload(screen.getByLabelText('Import guideline pack'), file('paris.json', JSON.stringify(samplePack())));
    await screen.findByText(/Imported “Embassy in Paris”/);
    await user.click(screen.getByRole('button', { name: 'Remove “Embassy in Paris”' }));
    await waitFor(() => expect(guidelines.imported.getState().value).toEqual([]));
  });
});

describe('custom rules', () => {
  at('rules');
  it('tests a rule live on the sample text and saves it as the user.custom pack', async () => {
    const { user, guidelines } = await setup();
    await user.type(screen.getByLabelText('Words or phrases to flag (one per line)'), 'Project Mekong');
    await user.type(screen.getByLabelText('Message shown to the writer'), 'Internal project name');
    await user.type(screen.getByLabelText('Sample text the rule must flag'), 'News about Project Mekong soon');
    expect(document.querySelector('[data-live-test]')!.textContent).toContain('1 match in the sample text: “Project Mekong”');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText('Rule saved.');
    const stored = guidelines.imported.getState().value;
    expect(stored).toHaveLength(1);
    expect((stored[0]!.json as { id: string }).id).toBe('user.custom');
    expect(guidelines.getState().packs.find((p) => p.id === 'user.custom')?.rules.map((r) => r.id)).toEqual(['custom.rule-1']);
    expect(document.querySelector('[data-custom-rule="custom.rule-1"]')).not.toBeNull();
  });

  it('refuses a rule that does not flag its sample', async () => {
    const { user, guidelines } = await setup();
    await user.type(screen.getByLabelText('Words or phrases to flag (one per line)'), 'Project Mekong');
    await user.type(screen.getByLabelText('Message shown to the writer'), 'Internal');
    await user.type(screen.getByLabelText('Sample text the rule must flag'), 'Nothing here');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/does not flag the sample/);
    expect(guidelines.imported.getState().value).toEqual([]);
  });

  it('edits a pattern rule and deletes it', async () => {
    const { user, guidelines } = await setup();
    await user.selectOptions(screen.getByLabelText('Kind of rule'), 'pattern');
    await user.click(screen.getByLabelText('Pattern'));
    await user.paste('ROOM [0-9]{3}');
    await user.type(screen.getByLabelText('Message shown to the writer'), 'Room numbers are internal');
    await user.type(screen.getByLabelText('Sample text the rule must flag'), 'Meet in ROOM 204');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText('Rule saved.');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(guidelines.imported.getState().value).toEqual([]));
  });
});

describe('organisation policy', () => {
  const policy = {
    checklistMode: 'hold',
    accountType: 'official',
    allowCloudTranslation: false,
    enabledPlatforms: ['x', 'telegram'],
    translationProviders: [{ type: 'apertium', endpoint: 'https://mt.example.gov.kh', label: 'Ministry MT' }],
    disabledBuiltinPacks: ['core.engagement'],
    packs: [samplePack({ id: 'mfaic.org', title: { en: 'Ministry pack' } }, { id: 'mfaic.codename' })],
  };

  const nav = () => screen.getByRole('navigation', { name: 'Settings sections' });
  const goTo = async (user: ReturnType<typeof userEvent.setup>, name: string) => {
    await user.click(within(nav()).getByRole('link', { name: new RegExp(`^${name}`) }));
    await screen.findByRole('heading', { level: 2, name });
  };

  it('shows managed settings read-only with "Set by your organisation" in every section, marked in the navigation', async () => {
    const { user } = await setup(policy);
    const locked = (setting: string) => document.querySelector(`[data-setting="${setting}"]`) as HTMLElement;
    const lockMarked = (name: string) => within(nav()).getByRole('link', { name: new RegExp(`^${name}`) }).textContent!.includes('🔒');
    for (const name of ['General', 'Guideline packs', 'Checklist', 'Translation', 'Organisation']) expect(lockMarked(name), name).toBe(true);
    for (const name of ['Your rules', 'Privacy', 'Backup']) expect(lockMarked(name), name).toBe(false);

    for (const key of ['accountType', 'enabledPlatforms']) {
      expect(within(locked(key)).getAllByText(/Set by your organisation/).length, key).toBeGreaterThan(0);
    }
    await goTo(user, 'Checklist');
    expect(within(locked('checklistMode')).getAllByText(/Set by your organisation/).length).toBeGreaterThan(0);
    expect((screen.getByRole('radio', { name: 'Hold the post until required items are ticked' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Remind me' }) as HTMLInputElement).disabled).toBe(true);

    await goTo(user, 'Translation');
    expect(within(locked('translationProviders')).getAllByText(/Set by your organisation/).length).toBeGreaterThan(0);
    expect((screen.getByRole('checkbox', { name: 'Allow cloud translation services' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Add service' })).toBeNull();
    expect(within(locked('translationProviders')).getByText('Ministry MT')).toBeTruthy();

    // Organisation pack: always on, locked; switched-off built-in pack: locked too.
    await goTo(user, 'Guideline packs');
    const org = packRow('mfaic.org')!;
    expect(org.dataset.origin).toBe('organisation');
    expect((within(org).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect(within(org).getByText(/Set by your organisation/)).toBeTruthy();
    expect((within(packRow('core.engagement')!).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    expect((within(packRow('core.engagement')!).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
  });

  it('the Organisation section lists every locked setting with its value, the reason and where it is shown', async () => {
    const { user } = await setup(policy);
    await goTo(user, 'Organisation');
    const rows = [...document.querySelectorAll<HTMLElement>('[data-org-setting]')];
    expect(rows.map((r) => r.dataset.orgSetting).sort()).toEqual(
      ['accountType', 'allowCloudTranslation', 'checklistMode', 'disabledBuiltinPacks', 'enabledPlatforms', 'translationProviders'].sort(),
    );
    const row = (key: string) => rows.find((r) => r.dataset.orgSetting === key)!;
    expect(row('checklistMode').textContent).toContain('Before posting: Hold the post until required items are ticked');
    expect(row('enabledPlatforms').textContent).toContain('Platforms: X, Telegram');
    expect(row('translationProviders').textContent).toContain('Ministry MT');
    expect(row('allowCloudTranslation').textContent).toContain('Allow cloud translation services: Off');
    expect(row('disabledBuiltinPacks').textContent).toContain('core.engagement');
    for (const r of rows) expect(r.textContent).toMatch(/your organisation set this by policy/);
    expect(document.querySelector('[data-org-pack="mfaic.org"]')!.textContent).toMatch(/Ministry pack.*Required by your organisation/);
    // "Shown in Translation" opens that section.
    await user.click(within(row('allowCloudTranslation')).getByRole('link', { name: 'Shown in Translation' }));
    await screen.findByRole('heading', { level: 2, name: 'Translation' });
    expect(window.location.hash).toBe('#translation');
  });

  it('without policy the Organisation section says nothing is managed and no section is marked', async () => {
    const { user } = await setup({});
    expect(within(nav()).queryByText('🔒')).toBeNull();
    await goTo(user, 'Organisation');
    expect(document.querySelector('[data-org-none]')).not.toBeNull();
  });

  it('ignores invalid policy values with a visible notice, never a crash', async () => {
    window.history.replaceState(null, '', '#checklist');
    await setup({ checklistMode: 'always', enabledPlatforms: 'x', packs: [samplePack({ id: 'broken.org' }, { severity: 'fatal' })] });
    const notices = document.querySelector('[data-policy-notices]') as HTMLElement;
    expect(notices.getAttribute('role')).toBe('alert');
    expect(notices.textContent).toMatch(/checklistMode/);
    expect(notices.textContent).toMatch(/enabledPlatforms/);
    const packErrors = document.querySelector('[data-policy-pack-errors]') as HTMLElement;
    expect(packErrors.textContent).toMatch(/paris\.codename/);
    expect(packErrors.textContent).toMatch(/severity/);
    // The user's own values still apply.
    expect((screen.getByRole('radio', { name: 'Remind me' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Remind me' }) as HTMLInputElement).disabled).toBe(false);
  });

  it('re-reads policy when it changes', async () => {
    window.history.replaceState(null, '', '#checklist');
    const { policy: source } = await setup({});
    expect((screen.getByRole('radio', { name: 'Remind me' }) as HTMLInputElement).disabled).toBe(false);
    source.set({ checklistMode: 'off' });
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Off' }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByRole('radio', { name: 'Off' }) as HTMLInputElement).disabled).toBe(true);
    source.set({});
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Off' }) as HTMLInputElement).disabled).toBe(false));
  });
});

describe('translation services and Mastodon servers', () => {
  it('asks for the server permission from the click before adding a self-hosted service, then tests it', async () => {
    window.history.replaceState(null, '', '#translation');
    const svc = services();
    const { user, settings } = await setup({}, svc);
    await user.selectOptions(screen.getByLabelText('Service'), 'apertium');
    await user.type(screen.getByLabelText('Server address'), 'https://mt.example.org/');
    await user.click(screen.getByRole('button', { name: 'Add service' }));
    expect(svc.requestOrigins).toHaveBeenCalledWith(['https://mt.example.org/*']);
    await waitFor(() => expect(settings.getState().user.translationProviders).toEqual([{ type: 'chrome' }, { type: 'apertium', endpoint: 'https://mt.example.org' }]));
    const item = document.querySelectorAll('[data-provider]')[1] as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Test connection' }));
    expect(await within(item).findByText('Connected: mt.example.org, 3 language pairs')).toBeTruthy();
  });

  it('does not add a server whose permission was refused', async () => {
    window.history.replaceState(null, '', '#translation');
    const svc = services({ requestOrigins: vi.fn(async () => false) });
    const { user, settings } = await setup({}, svc);
    await user.type(screen.getByLabelText('Server address'), 'https://mt.example.org');
    await user.click(screen.getByRole('button', { name: 'Add service' }));
    expect((await screen.findByRole('alert')).textContent).toContain('mt.example.org');
    expect(settings.getState().user.translationProviders).toEqual([{ type: 'chrome' }]);
  });

  it('never contacts a cloud service while cloud translation is off', async () => {
    window.history.replaceState(null, '', '#translation');
    const svc = services();
    const { settings, user } = await setup({}, svc);
    await settings.getState().update({ translationProviders: [{ type: 'deepl', apiKey: 'k:fx' }] });
    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/Cloud translation is switched off/)).toBeTruthy();
    expect(svc.testProvider).not.toHaveBeenCalled();
    expect(svc.requestOrigins).not.toHaveBeenCalled();
  });

  it('adds a Mastodon server after the permission is granted', async () => {
    const svc = services();
    const { user, settings } = await setup({}, svc);
    await user.type(screen.getByLabelText('Mastodon server address'), 'social.example.org/@embassy');
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    expect(svc.requestOrigins).toHaveBeenCalledWith(['https://social.example.org/*']);
    await waitFor(() => expect(settings.getState().user.mastodonInstances).toEqual(['https://social.example.org']));
  });
});

describe('privacy section', () => {
  at('privacy');
  it('lists exactly where translated text would go under the current settings', async () => {
    const { settings } = await setup();
    expect(document.querySelector('[data-privacy-nothing]')).not.toBeNull();
    await settings.getState().update({
      translationProviders: [{ type: 'chrome' }, { type: 'apertium', endpoint: 'https://mt.example.org' }, { type: 'deepl', apiKey: 'abc:fx' }],
    });
    await waitFor(() => expect(document.querySelectorAll('[data-privacy-flows] li')).toHaveLength(3));
    const items = [...document.querySelectorAll('[data-privacy-flows] li')].map((li) => li.textContent);
    expect(items[0]).toMatch(/stays on this device/);
    expect(items[1]).toMatch(/sent to mt\.example\.org/);
    expect(items[2]).toMatch(/api-free\.deepl\.com.*not used, because cloud translation is switched off/);
    expect(document.querySelector('[data-privacy-nothing]')).toBeNull();
    await settings.getState().update({ allowCloudTranslation: true });
    await waitFor(() => expect(document.querySelectorAll('[data-privacy-flows] li')[2]!.textContent).toMatch(/a cloud service outside your organisation/));
  });
});

describe('settings file', () => {
  at('backup');
  it('exports all settings and imports them back; a bad file changes nothing', async () => {
    const svc = services();
    const { user, settings, guidelines } = await setup({}, svc);
    await settings.getState().update({ checklistMode: 'hold', translationProviders: [{ type: 'deepl', apiKey: 'secret' }] });
    await user.click(screen.getByRole('button', { name: 'Export all settings' }));
    const exported = JSON.parse(svc.downloads[0]!.text);
    expect(exported).toMatchObject({ format: 'envoy-settings', version: 1, settings: { checklistMode: 'hold' } });
    expect(exported.settings.translationProviders).toEqual([{ type: 'deepl' }]);

    exported.settings.checklistMode = 'off';
    exported.importedPacks = [{ fileName: 'paris.json', json: samplePack(), enabled: true, importedAt: '2026-01-01T00:00:00.000Z' }];
    await user.upload(screen.getByLabelText('Import settings file'), file('mine.json', JSON.stringify(exported)));
    await screen.findByText(/Settings imported\./);
    expect(settings.getState().user.checklistMode).toBe('off');
    // The API key the file left out is kept.
    expect(settings.getState().user.translationProviders).toEqual([{ type: 'deepl', apiKey: 'secret' }]);
    expect(guidelines.imported.getState().value).toHaveLength(1);

    exported.settings.checklistMode = 'sometimes';
    await user.upload(screen.getByLabelText('Import settings file'), file('bad.json', JSON.stringify(exported)));
    const alert = await waitFor(() => document.querySelector('[data-settings-import-errors]') as HTMLElement);
    expect(alert.textContent).toMatch(/checklistMode/);
    expect(settings.getState().user.checklistMode).toBe('off');
  });
});

describe('UI language', () => {
  it('switches to Khmer at run time and sets lang attributes', async () => {
    const { user } = await setup();
    expect(document.documentElement.lang).toBe('en');
    await user.selectOptions(screen.getByLabelText('Interface language'), 'km');
    await screen.findByRole('heading', { name: 'ការកំណត់ Envoy' });
    expect(document.documentElement.lang).toBe('km');
    expect(document.querySelector('.envoy-root')!.getAttribute('lang')).toBe('km');
    expect(screen.getByRole('navigation', { name: 'ផ្នែកនៃការកំណត់' }).textContent).toContain('កញ្ចប់គោលការណ៍ណែនាំ');
    await user.selectOptions(screen.getByLabelText('ភាសាផ្ទាំងប្រើប្រាស់'), 'fr');
    await screen.findByRole('heading', { name: /Envoy/ });
    expect(document.documentElement.lang).toBe('fr');
    await tick();
  });
});

/** Settings file (lib/settings-file): versioned export, strict all-or-nothing import with plain-words errors. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/state/settings';
import { createSettingsFile, keepApiKeys, readSettingsFile, settingsFileName, settingsFileToJson, validateSettingsFile } from '@/lib/settings-file';
import { samplePack } from './options-popup.helpers';

const now = new Date('2026-11-24T10:00:00Z');
const settings = { ...DEFAULT_SETTINGS, checklistMode: 'hold' as const, translationProviders: [{ type: 'deepl' as const, apiKey: 'secret:fx' }] };
const stored = [{ fileName: 'paris.json', json: samplePack(), enabled: false, importedAt: '2026-11-01T00:00:00.000Z' }];

describe('export', () => {
  it('writes a versioned file without API keys unless asked', () => {
    const file = createSettingsFile(settings, stored, { now });
    expect(file).toMatchObject({ format: 'envoy-settings', version: 1, exportedAt: '2026-11-24T10:00:00.000Z' });
    expect(file.settings.translationProviders).toEqual([{ type: 'deepl' }]);
    expect(createSettingsFile(settings, stored, { now, includeApiKeys: true }).settings.translationProviders[0]!.apiKey).toBe('secret:fx');
    expect(settingsFileName(now)).toBe('envoy-settings-2026-11-24.json');
  });

  it('round-trips', () => {
    const text = settingsFileToJson(createSettingsFile(settings, stored, { now, includeApiKeys: true }));
    const r = readSettingsFile(text, 'a.json');
    expect(r.ok && r.settings).toEqual(settings);
    expect(r.ok && r.importedPacks).toEqual(stored);
  });
});

describe('import', () => {
  const good = () => JSON.parse(settingsFileToJson(createSettingsFile(settings, stored, { now }))) as Record<string, any>;
  const errorsOf = (json: unknown) => {
    const r = validateSettingsFile(json, 'mine.json');
    if (r.ok) throw new Error('expected a refusal');
    return r.errors.map((e) => `${e.field}: ${e.message}`).join('\n');
  };

  it('names the field and what it must be', () => {
    const f = good();
    f.settings.checklistMode = 'sometimes';
    f.settings.enabledPlatforms = ['x', 'myspace'];
    f.settings.colour = 'blue';
    const text = errorsOf(f);
    expect(text).toMatch(/settings\.checklistMode: Setting "checklistMode" must be "off", "remind" or "hold" \(found "sometimes"\)/);
    expect(text).toMatch(/enabledPlatforms/);
    expect(text).toMatch(/"colour" is not known/);
  });

  it('refuses other files with a hint, and newer versions', () => {
    expect(errorsOf(samplePack())).toMatch(/guideline pack: import it under "Guideline packs"/);
    expect(errorsOf([])).toMatch(/one JSON object/);
    expect(errorsOf({ ...good(), version: 2 })).toMatch(/newer version of Envoy/);
    const missing = good();
    delete missing.settings.accountType;
    expect(errorsOf(missing)).toMatch(/"accountType" is missing/);
  });

  it('runs the embedded tests of packs in the file', () => {
    const f = good();
    f.importedPacks[0].json = samplePack({}, { tests: { flag: ['nothing'] } });
    expect(errorsOf(f)).toMatch(/paris\.codename.*should be flagged/);
  });

  it('reports broken JSON with line and column', () => {
    const r = readSettingsFile('{\n  "format": "envoy-settings",\n  oops\n}', 'x.json');
    expect(!r.ok && r.errors[0]!.message).toMatch(/not valid JSON at line 3/);
  });

  it('keeps API keys the file left out', () => {
    const next = keepApiKeys({ ...settings, translationProviders: [{ type: 'deepl' }, { type: 'google' }] }, settings);
    expect(next.translationProviders).toEqual([{ type: 'deepl', apiKey: 'secret:fx' }, { type: 'google' }]);
  });
});

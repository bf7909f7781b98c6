import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isPlatformEnabled, migrateSettings, SETTINGS_VERSION, activeModes } from '@/lib/state/settings';

describe('settings migrations', () => {
  it('gives defaults for nothing stored or garbage', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
  });

  it('upgrades unversioned data and keeps its valid fields', () => {
    const migrated = migrateSettings({ accountType: 'personal', uiLanguage: 'km' });
    expect(migrated.version).toBe(SETTINGS_VERSION);
    expect(migrated.accountType).toBe('personal');
    expect(migrated.uiLanguage).toBe('km');
    expect(migrated.checklistMode).toBe(DEFAULT_SETTINGS.checklistMode);
  });

  it('replaces only the invalid fields, one by one', () => {
    const migrated = migrateSettings({
      version: 1,
      accountType: 'robot',
      checklistMode: 'hold',
      enabledPlatforms: ['x', 'myspace'],
      disabledSites: ['x.com'],
    });
    expect(migrated.accountType).toBe('official');
    expect(migrated.checklistMode).toBe('hold');
    expect(migrated.enabledPlatforms).toEqual(DEFAULT_SETTINGS.enabledPlatforms);
    expect(migrated.disabledSites).toEqual(['x.com']);
  });

  it('drops unknown keys', () => {
    expect(migrateSettings({ version: 1, evil: true })).not.toHaveProperty('evil');
  });

  it('treats platform and site switches together', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['x.com'] };
    expect(isPlatformEnabled(s, 'x', 'x.com')).toBe(false);
    expect(isPlatformEnabled(s, 'x', 'twitter.com')).toBe(true);
    expect(isPlatformEnabled({ ...s, enabledPlatforms: ['facebook'] }, 'x', 'twitter.com')).toBe(false);
  });

  it('lists active modes', () => {
    expect(activeModes({ modes: { crisis: true, mourning: false, election: true } })).toEqual(['crisis', 'election']);
  });
});

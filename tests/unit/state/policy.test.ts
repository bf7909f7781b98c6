import { describe, expect, it } from 'vitest';
import { applyPolicy, parsePolicy } from '@/lib/state/policy';
import { DEFAULT_SETTINGS } from '@/lib/state/settings';

describe('organisation policy', () => {
  it('overlays valid managed values and locks them', () => {
    const policy = parsePolicy({ checklistMode: 'hold', allowCloudTranslation: false, accountType: 'official' });
    const user = { ...DEFAULT_SETTINGS, checklistMode: 'off' as const, allowCloudTranslation: true, accountType: 'personal' as const };
    const { settings, locked } = applyPolicy(user, policy);
    expect(settings.checklistMode).toBe('hold');
    expect(settings.allowCloudTranslation).toBe(false);
    expect(settings.accountType).toBe('official');
    expect([...locked].sort()).toEqual(['accountType', 'allowCloudTranslation', 'checklistMode']);
    expect(settings.uiLanguage).toBe(user.uiLanguage);
  });

  it('ignores invalid values with a notice naming the key, and never throws', () => {
    const policy = parsePolicy({
      checklistMode: 'always',
      enabledPlatforms: ['x', 42],
      translationProviders: [{ type: 'babelfish' }],
      packs: 'not a list',
      allowCloudTranslation: true,
    });
    expect(policy.values).toEqual({ allowCloudTranslation: true });
    expect(policy.notices.map((n) => n.key).sort()).toEqual(['checklistMode', 'enabledPlatforms', 'packs', 'translationProviders']);
    expect(policy.notices.find((n) => n.key === 'checklistMode')?.message).toMatch(/checklistMode.*ignored/);
  });

  it('accepts provider lists in the contract shape', () => {
    const policy = parsePolicy({
      translationProviders: [
        { type: 'apertium', endpoint: 'https://mt.mfaic.gov.kh', label: 'Ministry MT' },
        { type: 'chrome' },
      ],
    });
    expect(policy.values.translationProviders).toHaveLength(2);
  });

  it('passes packs through for the pack loader', () => {
    expect(parsePolicy({ packs: [{ id: 'org.pack' }] }).packs).toEqual([{ id: 'org.pack' }]);
  });

  it('handles absent policy', () => {
    expect(parsePolicy(undefined)).toEqual({ values: {}, packs: [], notices: [] });
  });
});

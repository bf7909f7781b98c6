import * as z from 'zod/mini';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/hosts';
import { providerConfigSchema } from '@/lib/translation/config';
import { ACCOUNT_TYPES, MODES, UI_LANGUAGES, type Mode } from '@/lib/vocabulary';

/**
 * User settings: small, synced across the user's browsers (storage.sync).
 * Anything large or per-device (imported packs, drafts, checklist ticks, the
 * override log) lives in storage.local instead; see lib/state/local-state.ts.
 */
export const SETTINGS_VERSION = 1;

export { ACCOUNT_TYPES, MODES, UI_LANGUAGES, type AccountType, type Mode, type UiLanguage } from '@/lib/vocabulary';

export const CHECKLIST_MODES = ['off', 'remind', 'hold'] as const;
export type ChecklistMode = (typeof CHECKLIST_MODES)[number];


// Provider types, their config shape and schema come from the provider registry.
export { PROVIDER_TYPES, providerConfigSchema, type ProviderConfig, type ProviderType } from '@/lib/translation/config';

const platformIdSchema = z.enum(PLATFORM_IDS);

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** 'auto' follows the browser's UI language. */
  uiLanguage: z.enum(['auto', ...UI_LANGUAGES]),
  accountType: z.enum(ACCOUNT_TYPES),
  modes: z.object(Object.fromEntries(MODES.map((m) => [m, z.boolean()])) as Record<Mode, z.ZodMiniBoolean>),
  checklistMode: z.enum(CHECKLIST_MODES),
  enabledPlatforms: z.array(platformIdSchema),
  /** Hostnames where the user switched Envoy off with the popup switch. */
  disabledSites: z.array(z.string()),
  disabledBuiltinPacks: z.array(z.string()),
  translationProviders: z.array(providerConfigSchema),
  allowCloudTranslation: z.boolean(),
  targetLanguage: z.string().check(z.minLength(2)),
  bilingualSeparator: z.string(),
  /** Origins (https://host) of extra Mastodon instances, granted through optional host permissions. */
  mastodonInstances: z.array(z.string()),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  uiLanguage: 'auto',
  accountType: 'official',
  modes: { crisis: false, mourning: false, election: false },
  checklistMode: 'remind',
  enabledPlatforms: [...PLATFORM_IDS],
  disabledSites: [],
  disabledBuiltinPacks: [],
  // On-device first; self-hosted and cloud engines are added by the user or policy.
  translationProviders: [{ type: 'chrome' }],
  allowCloudTranslation: false,
  targetLanguage: 'en',
  bilingualSeparator: '\n\n',
  mastodonInstances: [],
};

/**
 * Migrations keyed by the version they produce. Each takes whatever the
 * previous version stored. Version 1 is the first shipped shape, so the only
 * "migration" today repairs unversioned or partial data.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => ({ ...old, version: 1 }),
};

/**
 * Brings stored settings of any earlier version (or a damaged object) to the
 * current shape. Unknown keys are dropped; invalid fields fall back to their
 * defaults one by one, so one bad value never costs the user the rest.
 */
export function migrateSettings(stored: unknown): Settings {
  if (!stored || typeof stored !== 'object') return structuredClone(DEFAULT_SETTINGS);
  let data = { ...(stored as Record<string, unknown>) };
  const from = typeof data.version === 'number' ? data.version : 0;
  for (let v = from + 1; v <= SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) data = step(data);
  }
  return repairSettings(data);
}

/** Keeps every valid field of `data` and replaces each invalid one with its default. */
export function repairSettings(data: Record<string, unknown>): Settings {
  const whole = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...data, version: SETTINGS_VERSION });
  if (whole.success) return whole.data;
  const repaired: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    if (!(key in data)) continue;
    const field = settingsSchema.shape[key].safeParse(data[key]);
    if (field.success) repaired[key] = field.data;
  }
  repaired.version = SETTINGS_VERSION;
  return settingsSchema.parse(repaired);
}

export function activeModes(settings: Pick<Settings, 'modes'>): Mode[] {
  return MODES.filter((m) => settings.modes[m]);
}

export function isPlatformEnabled(settings: Settings, platform: PlatformId, hostname: string): boolean {
  return settings.enabledPlatforms.includes(platform) && !settings.disabledSites.includes(hostname.toLowerCase());
}

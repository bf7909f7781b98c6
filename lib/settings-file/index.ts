/**
 * Export and import of all of Envoy's settings as one JSON file:
 *
 *   { "format": "envoy-settings", "version": 1, "exportedAt": "…",
 *     "settings": { …every user setting… }, "importedPacks": [ …imported and custom packs… ] }
 *
 * The file is versioned and validated field by field. An import is all or
 * nothing: a file with any error is refused with messages that name the field
 * in plain words, and nothing changes. API keys are left out of an export
 * unless the user asks for them.
 */
import type { StoredPack } from '@/lib/packs/active';
import { loadPack, parsePackFile } from '@/lib/packs/validate';
import { SETTINGS_VERSION, settingsSchema, type Settings } from '@/lib/state/settings';

export const SETTINGS_FILE_FORMAT = 'envoy-settings';
export const SETTINGS_FILE_VERSION = 1;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
  importedPacks: StoredPack[];
}

export interface SettingsFileError {
  /** Where in the file, e.g. "settings.checklistMode" or "importedPacks[2]". */
  field: string;
  message: string;
}

export type SettingsFileResult =
  | { ok: true; settings: Settings; importedPacks: StoredPack[] }
  | { ok: false; errors: SettingsFileError[] };

export interface ExportOptions {
  /** Include translation API keys (off by default: a settings file is easy to pass around). */
  includeApiKeys?: boolean;
  now?: Date;
}

export function createSettingsFile(settings: Settings, importedPacks: readonly StoredPack[], options: ExportOptions = {}): SettingsFile {
  const copy = structuredClone(settings);
  if (!options.includeApiKeys) {
    copy.translationProviders = copy.translationProviders.map(({ apiKey: _omit, ...rest }) => rest);
  }
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    settings: copy,
    importedPacks: structuredClone([...importedPacks]),
  };
}

export function settingsFileToJson(file: SettingsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function settingsFileName(now = new Date()): string {
  return `envoy-settings-${now.toISOString().slice(0, 10)}.json`;
}

const FIELD_HELP: Partial<Record<keyof Settings, string>> = {
  uiLanguage: 'one of "auto", "en", "km", "fr"',
  accountType: '"official" or "personal"',
  modes: 'an object with true/false for "crisis", "mourning" and "election"',
  checklistMode: '"off", "remind" or "hold"',
  enabledPlatforms: 'a list of platform ids such as "x", "facebook", "telegram"',
  disabledSites: 'a list of site names',
  disabledBuiltinPacks: 'a list of built-in pack ids',
  translationProviders:
    'a list of translation services, each with a "type" (chrome, apertium, libretranslate, deepl, google, microsoft) and, where needed, an "endpoint" web address starting with https://',
  allowCloudTranslation: 'true or false',
  targetLanguage: 'a language code such as "en" or "km"',
  bilingualSeparator: 'a text',
  mastodonInstances: 'a list of web addresses such as "https://social.example.org"',
};

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`;
  return String(value);
}

/** Checks a parsed settings file. Nothing is written; the caller applies `settings` and `importedPacks`. */
export function validateSettingsFile(json: unknown, fileName = 'settings file'): SettingsFileResult {
  const errors: SettingsFileError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [{ field: '(whole file)', message: `"${fileName}" is not an Envoy settings file: it must contain one JSON object.` }] };
  }
  const file = json as Record<string, unknown>;
  if (file.format !== SETTINGS_FILE_FORMAT) {
    const hint = file.schema === 'envoy-pack/1' ? ' It looks like a guideline pack: import it under "Guideline packs" instead.' : '';
    return {
      ok: false,
      errors: [{ field: 'format', message: `"${fileName}" is not an Envoy settings file (field "format" must be "${SETTINGS_FILE_FORMAT}", found ${describe(file.format)}).${hint}` }],
    };
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    fail('version', `Field "version" must be a whole number such as ${SETTINGS_FILE_VERSION} (found ${describe(file.version)}).`);
  } else if (file.version > SETTINGS_FILE_VERSION) {
    fail('version', `This file was made by a newer version of Envoy (file version ${file.version}; this Envoy reads up to ${SETTINGS_FILE_VERSION}). Update Envoy, then import it again.`);
  }

  const raw = file.settings;
  let settings: Settings | undefined;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    fail('settings', `Field "settings" must be an object with the settings (found ${describe(raw)}).`);
  } else {
    const input = raw as Record<string, unknown>;
    const shape = settingsSchema.shape;
    for (const key of Object.keys(input)) {
      if (!(key in shape)) fail(`settings.${key}`, `Setting "${key}" is not known to Envoy (check the spelling).`);
    }
    const merged: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as (keyof Settings)[]) {
      if (key === 'version') continue;
      if (!(key in input)) {
        fail(`settings.${key}`, `Setting "${key}" is missing; it must be ${FIELD_HELP[key] ?? 'present'}.`);
        continue;
      }
      const parsed = shape[key].safeParse(input[key]);
      if (parsed.success) merged[key] = parsed.data;
      else fail(`settings.${key}`, `Setting "${key}" must be ${FIELD_HELP[key] ?? 'a valid value'} (found ${describe(input[key])}).`);
    }
    if (input.version !== undefined && input.version !== SETTINGS_VERSION) {
      fail('settings.version', `Field "settings.version" must be ${SETTINGS_VERSION} (found ${describe(input.version)}).`);
    }
    if (errors.length === 0) settings = settingsSchema.parse({ ...merged, version: SETTINGS_VERSION });
  }

  const importedPacks: StoredPack[] = [];
  const list = file.importedPacks ?? [];
  if (!Array.isArray(list)) {
    fail('importedPacks', `Field "importedPacks" must be a list of guideline packs (found ${describe(list)}).`);
  } else {
    list.forEach((entry: unknown, i) => {
      const where = `importedPacks[${i}]`;
      if (!entry || typeof entry !== 'object' || !('json' in entry)) {
        fail(where, `Imported pack number ${i + 1} must be an object with "fileName", "enabled" and "json" (the pack).`);
        return;
      }
      const e = entry as Partial<StoredPack>;
      const name = typeof e.fileName === 'string' && e.fileName ? e.fileName : `pack ${i + 1}`;
      const json = typeof e.json === 'string' ? parsePackFile(e.json, name) : ({ ok: true, json: e.json } as const);
      if (!json.ok) {
        for (const err of json.errors) fail(where, err.message);
        return;
      }
      const r = loadPack(json.json, name);
      if (!r.ok) {
        for (const err of r.errors) fail(where, `${name}: ${err.message}`);
        return;
      }
      importedPacks.push({
        fileName: name,
        json: json.json,
        enabled: e.enabled !== false,
        importedAt: typeof e.importedAt === 'string' ? e.importedAt : new Date().toISOString(),
      });
    });
  }

  if (errors.length || !settings) return { ok: false, errors };
  return { ok: true, settings, importedPacks };
}

/** Parses and validates the text of a settings file (invalid JSON names the line and column). */
export function readSettingsFile(text: string, fileName: string): SettingsFileResult {
  const parsed = parsePackFile(text, fileName);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ field: e.field, message: e.message })) };
  return validateSettingsFile(parsed.json, fileName);
}

/**
 * Keeps the API keys the user already entered for services that an imported
 * file lists without a key (exports leave keys out by default).
 */
export function keepApiKeys(next: Settings, current: Settings): Settings {
  const keyFor = (p: Settings['translationProviders'][number]) =>
    current.translationProviders.find((c) => c.type === p.type && (c.endpoint ?? '') === (p.endpoint ?? '') && c.apiKey)?.apiKey;
  return {
    ...next,
    translationProviders: next.translationProviders.map((p) => {
      if (p.apiKey) return p;
      const key = keyFor(p);
      return key ? { ...p, apiKey: key } : p;
    }),
  };
}

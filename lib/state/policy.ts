import * as z from 'zod/mini';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';
import {
  ACCOUNT_TYPES,
  CHECKLIST_MODES,
  providerConfigSchema,
  type Settings,
} from '@/lib/state/settings';

/**
 * Organisation policy (chrome.storage.managed, declared in
 * public/managed_schema.json). Every key that is present and valid wins over
 * the user's setting and locks it in the UI; an invalid key is ignored with a
 * notice for the options page, never a crash.
 */
const policyKeySchemas = {
  disabledBuiltinPacks: z.array(z.string().check(z.minLength(1))),
  checklistMode: z.enum(CHECKLIST_MODES),
  translationProviders: z.array(providerConfigSchema),
  allowCloudTranslation: z.boolean(),
  enabledPlatforms: z.array(z.enum(PLATFORM_IDS)),
  accountType: z.enum(ACCOUNT_TYPES),
} as const;

export type LockableKey = keyof typeof policyKeySchemas;
export const LOCKABLE_KEYS = Object.keys(policyKeySchemas) as LockableKey[];
export const POLICY_KEYS = ['packs', ...LOCKABLE_KEYS] as const;

export interface PolicyNotice {
  key: string;
  message: string;
}

export interface Policy {
  /** Valid managed values for settings keys. */
  values: Partial<Pick<Settings, LockableKey>>;
  /** Raw pack objects from the `packs` key; validated by the pack loader, which reports its own errors. */
  packs: unknown[];
  notices: PolicyNotice[];
}

export const EMPTY_POLICY: Policy = { values: {}, packs: [], notices: [] };

/** Plain words for the first problem (zod/mini carries no message locale). */
function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const where = issue.path.length ? ` (at item ${issue.path.join('.')})` : '';
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map(String).join(', ')}${where}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}${where}`;
  if (issue.code === 'invalid_format') return `expected a valid ${issue.format}${where}`;
  return `invalid value${where}`;
}

export function parsePolicy(raw: unknown): Policy {
  if (!raw || typeof raw !== 'object') return EMPTY_POLICY;
  const input = raw as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const notices: PolicyNotice[] = [];
  for (const key of LOCKABLE_KEYS) {
    if (input[key] === undefined) continue;
    const parsed = policyKeySchemas[key].safeParse(input[key]);
    if (parsed.success) values[key] = parsed.data;
    else
      notices.push({
        key,
        message: `Organisation policy "${key}" was ignored: ${describeIssue(parsed.error)}.`,
      });
  }
  let packs: unknown[] = [];
  if (input.packs !== undefined) {
    if (Array.isArray(input.packs)) packs = input.packs;
    else notices.push({ key: 'packs', message: 'Organisation policy "packs" was ignored: it must be a list of guideline packs.' });
  }
  return { values: values as Policy['values'], packs, notices };
}

export interface EffectiveSettings {
  settings: Settings;
  locked: ReadonlySet<LockableKey>;
}

export function applyPolicy(user: Settings, policy: Policy): EffectiveSettings {
  const locked = new Set(Object.keys(policy.values) as LockableKey[]);
  return { settings: { ...user, ...policy.values }, locked };
}

import * as z from 'zod/mini';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';

/**
 * Every runtime message between Envoy's contexts (popup, options, studio,
 * content scripts, background). Each is validated on receipt: a message that
 * does not parse is ignored, whoever sent it. zod/mini keeps this small
 * enough for content scripts.
 */
const count = z.int().check(z.minimum(0));
const findingCounts = z.object({ error: count, warning: count, suggestion: count });
const countingRule = z.enum(['twitter', 'bluesky', 'mastodon', 'threads', 'utf16', 'graphemes']);

/** Drafts up to 2 MB are checked (time-budgeted); larger ones are refused rather than freezing anything. */
export const MAX_DRAFT_CHARS = 2_000_000;

export const requestSchema = z.discriminatedUnion('type', [
  /** popup → content script of the active tab */
  z.object({ type: z.literal('envoy:tab-status') }),
  /** popup/options → background */
  z.object({ type: z.literal('envoy:open-studio') }),
  /** content script → background: badge with the active draft's finding count */
  z.object({ type: z.literal('envoy:report-findings'), counts: findingCounts }),
  /** any page → background */
  z.object({ type: z.literal('envoy:ping') }),
  /** content script → background: check a draft with the active guidelines and count it as the platform does */
  z.object({
    type: z.literal('envoy:check'),
    composerId: z.string().check(z.maxLength(64)),
    platform: z.enum(PLATFORM_IDS),
    counting: countingRule,
    text: z.string().check(z.maxLength(MAX_DRAFT_CHARS)),
  }),
]);
export type EnvoyRequest = z.infer<typeof requestSchema>;

export const tabStatusSchema = z.object({
  platform: z.nullable(z.enum(PLATFORM_IDS)),
  hostname: z.string(),
  enabled: z.boolean(),
  composerFound: z.boolean(),
  counts: findingCounts,
});
export type TabStatus = z.infer<typeof tabStatusSchema>;

const localized = z.object({ en: z.string(), km: z.optional(z.string()), fr: z.optional(z.string()) });
const range = z.object({ start: count, end: count });

export const findingSchema = z.object({
  key: z.string(),
  ruleId: z.string(),
  packId: z.string(),
  severity: z.enum(['error', 'warning', 'suggestion']),
  category: z.string(),
  range,
  match: z.string(),
  message: localized,
  explanation: localized,
  sources: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      publisher: z.optional(z.string()),
      url: z.optional(z.string()),
      section: z.optional(z.string()),
      retrieved: z.optional(z.string()),
    }),
  ),
  fixes: z.array(z.object({ label: z.union([localized, z.string()]), replacement: z.string(), range })),
});

export const checkResponseSchema = z.object({
  findings: z.array(findingSchema),
  checklistPrompts: z.array(
    z.object({ ruleId: z.string(), packId: z.string(), prompt: localized, template: z.optional(z.string()), range }),
  ),
  truncated: z.boolean(),
  count: count,
});
export type CheckResponse = z.infer<typeof checkResponseSchema>;

export interface ResponseMap {
  'envoy:tab-status': TabStatus;
  'envoy:open-studio': { ok: true };
  'envoy:report-findings': { ok: true };
  'envoy:ping': { ok: true; version: string };
  'envoy:check': CheckResponse;
}

export function parseRequest(message: unknown): EnvoyRequest | undefined {
  const parsed = requestSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

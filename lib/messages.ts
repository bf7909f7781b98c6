import { z } from 'zod';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';

/**
 * Every runtime message between Envoy's contexts (popup, options, studio,
 * content scripts, background). Each is validated on receipt: a message that
 * does not parse is ignored, whoever sent it.
 */
const findingCounts = z.object({ error: z.number().int().min(0), warning: z.number().int().min(0), suggestion: z.number().int().min(0) });

export const requestSchema = z.discriminatedUnion('type', [
  /** popup → content script of the active tab */
  z.object({ type: z.literal('envoy:tab-status') }),
  /** popup/options → background */
  z.object({ type: z.literal('envoy:open-studio') }),
  /** content script → background: badge with the active draft's finding count */
  z.object({ type: z.literal('envoy:report-findings'), counts: findingCounts }),
  /** any page → background */
  z.object({ type: z.literal('envoy:ping') }),
]);
export type EnvoyRequest = z.infer<typeof requestSchema>;

export const tabStatusSchema = z.object({
  platform: z.enum(PLATFORM_IDS).nullable(),
  hostname: z.string(),
  enabled: z.boolean(),
  composerFound: z.boolean(),
  counts: findingCounts,
});
export type TabStatus = z.infer<typeof tabStatusSchema>;

export interface ResponseMap {
  'envoy:tab-status': TabStatus;
  'envoy:open-studio': { ok: true };
  'envoy:report-findings': { ok: true };
  'envoy:ping': { ok: true; version: string };
}

export function parseRequest(message: unknown): EnvoyRequest | undefined {
  const parsed = requestSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

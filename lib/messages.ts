import * as z from 'zod/mini';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';
import { COUNTING_RULES } from '@/lib/platforms/types';
import { TRANSLATION_ERROR_KINDS } from '@/lib/translation/error-kinds';
import type { Finding } from '@/lib/engine/types';
import { UI_LANGUAGES, severitySchema, type Same, type Severity, type UiLanguage } from '@/lib/vocabulary';

/**
 * Every runtime message between Envoy's contexts (popup, options, studio,
 * content scripts, background). Each is validated on receipt: a message that
 * does not parse is ignored, whoever sent it. zod/mini keeps this small
 * enough for content scripts. Shared words (severity, UI
 * language) come from lib/vocabulary.ts; the finding schema is tied to the
 * engine's `Finding` type by a compile-time check below.
 */
const count = z.int().check(z.minimum(0));
const findingCounts = z.object({ error: count, warning: count, suggestion: count });
// One count per severity of lib/vocabulary.ts.
const countsTied: Same<keyof z.infer<typeof findingCounts>, Severity> = true;
void countsTied;
/** The counting rules of lib/platforms/types.ts. */
const countingRule = z.enum(COUNTING_RULES);

/**
 * The content script sends at most this much of a draft (three times the longest platform limit,
 * WhatsApp's 65,536) and marks the rest unchecked; the background refuses longer text. Check +
 * count at this size stay under ~100 ms (tests/bench/bad-input.bench.ts).
 */
export const MAX_DRAFT_CHARS = 200_000;

/** Posts are short; 65 000 UTF-16 units covers Facebook's 63 206-character limit. */
export const MAX_TRANSLATE_CHARS = 65_000;
/** BCP-47 language tag (`km`, `en-GB`, `zh-Hant`). */
const languageTag = z.string().check(z.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/));
/** UTF-16 offsets into a draft. */
const range = z.object({ start: count, end: count });

export const requestSchema = z.discriminatedUnion('type', [
  /** content script → background: the UI strings of a language the content script does not bundle */
  z.object({ type: z.literal('envoy:ui-strings'), lang: z.enum(UI_LANGUAGES.filter((l): l is Exclude<UiLanguage, 'en'> => l !== 'en') as [Exclude<UiLanguage, 'en'>, ...Exclude<UiLanguage, 'en'>[]]) }),
  /** popup → content script of the active tab */
  z.object({ type: z.literal('envoy:tab-status') }),
  /** popup/options → background */
  z.object({ type: z.literal('envoy:open-studio') }),
  /** content script → background: check a draft with the active guidelines and count it as the platform does */
  z.object({
    type: z.literal('envoy:check'),
    composerId: z.string().check(z.maxLength(64)),
    platform: z.enum(PLATFORM_IDS),
    counting: countingRule,
    text: z.string().check(z.maxLength(MAX_DRAFT_CHARS)),
  }),
  /**
   * content script / studio → background: where a translation would go (detects the source
   * language when `from` is omitted). Sends no text anywhere: the background only asks each
   * service which pairs it supports.
   */
  z.object({
    type: z.literal('envoy:translate-plan'),
    text: z.string().check(z.maxLength(MAX_TRANSLATE_CHARS)),
    from: z.optional(languageTag),
    to: languageTag,
  }),
  /**
   * content script / studio → background, from the user's press on "Send to <host>" (a trusted
   * event): a one-time token confirming that host (lib/translation/confirmations.ts).
   */
  z.object({ type: z.literal('envoy:confirm-cloud'), destination: z.string().check(z.minLength(1), z.maxLength(253)) }),
  /**
   * content script / studio → background: translate the draft (or `selection` of it).
   * A cloud service is used only when cloud translation is allowed AND `confirmation` is an
   * unused, unexpired token minted for that service's host and this sender. Strict: a request
   * with any other field (such as a self-declared destination) is refused whole.
   */
  z.strictObject({
    type: z.literal('envoy:translate'),
    text: z.string().check(z.maxLength(MAX_TRANSLATE_CHARS)),
    selection: z.optional(range),
    from: z.optional(languageTag),
    to: languageTag,
    confirmation: z.optional(z.string().check(z.regex(/^[0-9a-f]{32}$/))),
  }),
  /** content script → background: this tab's checklist ticks for one composer (storage.session, keyed by the sender's tab) */
  z.object({
    type: z.literal('envoy:checklist-draft'),
    op: z.enum(['get', 'set', 'clear']),
    composerKey: z.string().check(z.minLength(1), z.maxLength(300)),
    state: z.optional(z.unknown()),
  }),
  /** content script → background: the checklist templates in effect (built-in with the user's edits, validated) */
  z.object({ type: z.literal('envoy:checklist-templates') }),
  /**
   * content script / studio → background: ask the user, on an extension page, for the host
   * permission of a configured translation server (`https://host/*`); answers once decided.
   */
  z.object({ type: z.literal('envoy:request-host-access'), origin: z.string().check(z.maxLength(300)) }),
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

export const findingSchema = z.object({
  key: z.string(),
  ruleId: z.string(),
  packId: z.string(),
  severity: severitySchema,
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

// The engine's Finding (lib/engine/types.ts) is the one declaration of the shape; this schema
// validates it on the wire and must describe exactly that type.
const findingShapeAgrees: Same<z.infer<typeof findingSchema>, Finding> = true;
void findingShapeAgrees;

export const checkResponseSchema = z.object({
  findings: z.array(findingSchema),
  checklistPrompts: z.array(
    z.object({ ruleId: z.string(), packId: z.string(), prompt: localized, template: z.optional(z.string()), range }),
  ),
  truncated: z.boolean(),
  /** Characters the time budget left unread (absent or 0: every line was read). */
  uncheckedChars: z.optional(count),
  count: count,
});
export type CheckResponse = z.infer<typeof checkResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Translation (envoy:translate-plan, envoy:translate). Never contain draft text except the
// translation itself and the protected spans of the caller's own draft.

/** Where text goes: this device, a server of the organisation, or a third-party cloud service. */
export const privacySchema = z.enum(['on-device', 'self-hosted', 'cloud']);

export const planStepSchema = z.object({
  providerId: z.string(),
  label: z.string(),
  /** Host the text would be sent to (or "this device"). */
  destination: z.string(),
  privacy: privacySchema,
  isCloud: z.boolean(),
  /**
   * candidate: would be tried; unsupported: does not do this pair; cloud-not-allowed: cloud is
   * off; needs-permission: Envoy lacks the host permission; download-required: Chrome's language
   * pack must be downloaded first (from the studio or settings, with a click).
   */
  status: z.enum(['candidate', 'unsupported', 'cloud-not-allowed', 'needs-permission', 'download-required']),
  /** Origin pattern to grant, for needs-permission. */
  origin: z.optional(z.string()),
});
export type PlanStep = z.infer<typeof planStepSchema>;

const detectionSchema = z.object({
  lang: z.nullable(z.string()),
  confidence: z.number(),
  reliable: z.boolean(),
  source: z.string(),
});

export const translationErrorKinds = [
  ...TRANSLATION_ERROR_KINDS,
  /** A host permission is missing (the message names the host and where to grant it). */
  'permission',
  /** The next service is a cloud service and the user has not confirmed it (see `destination`). */
  'confirm-cloud',
  /** The request was refused (too long, invalid). */
  'invalid',
] as const;

export const translateErrorSchema = z.object({
  kind: z.enum(translationErrorKinds),
  /** User-facing, never contains draft text. */
  message: z.string(),
  origin: z.optional(z.string()),
  destination: z.optional(z.string()),
  label: z.optional(z.string()),
});
export type TranslateError = z.infer<typeof translateErrorSchema>;

const warningSchema = z.object({ code: z.string(), message: z.string(), providerId: z.optional(z.string()) });

export const translatePlanResponseSchema = z.union([
  z.object({
    ok: z.literal(true),
    /** Source language used (the request's, else detected); null when it could not be detected. */
    from: z.nullable(z.string()),
    detection: z.optional(detectionSchema),
    steps: z.array(planStepSchema),
    /** The first step that would be tried, if any. */
    next: z.optional(planStepSchema),
  }),
  z.object({ ok: z.literal(false), error: translateErrorSchema }),
]);
export type TranslatePlanResponse = z.infer<typeof translatePlanResponseSchema>;

export const translationResultSchema = z.object({
  text: z.string(),
  range,
  from: z.string(),
  to: z.string(),
  providerId: z.string(),
  providerLabel: z.string(),
  destination: z.string(),
  privacy: privacySchema,
  isCloud: z.boolean(),
  method: z.enum(['none', 'placeholder', 'markup', 'pieces']),
  glossaryIssues: z.array(
    z.object({
      termId: z.string(),
      sourceText: z.string(),
      expected: z.string(),
      sourceCount: z.number(),
      translationCount: z.number(),
      found: z.optional(z.string()),
      reviewed: z.boolean(),
    }),
  ),
  warnings: z.array(warningSchema),
  detection: z.optional(detectionSchema),
  /** Protected spans of the translated segment (offsets into the segment), with their output. */
  spans: z.array(z.object({ kind: z.string(), start: count, end: count, text: z.string(), output: z.string() })),
  elapsedMs: z.number(),
});
export type TranslationResult = z.infer<typeof translationResultSchema>;

export const translateResponseSchema = z.union([
  z.object({ ok: z.literal(true), result: translationResultSchema }),
  z.object({ ok: z.literal(false), error: translateErrorSchema, warnings: z.optional(z.array(warningSchema)) }),
]);
export type TranslateResponse = z.infer<typeof translateResponseSchema>;

export const confirmCloudResponseSchema = z.union([
  z.object({ ok: z.literal(true), token: z.string().check(z.regex(/^[0-9a-f]{32}$/)) }),
  z.object({ ok: z.literal(false) }),
]);
export type ConfirmCloudResponse = z.infer<typeof confirmCloudResponseSchema>;

const pluralForms = z.object({
  zero: z.optional(z.string()),
  one: z.optional(z.string()),
  few: z.optional(z.string()),
  many: z.optional(z.string()),
  other: z.string(),
});
export const uiStringsSchema = z.record(z.string(), z.union([z.string(), pluralForms]));

export interface ResponseMap {
  'envoy:ui-strings': { catalogue: Record<string, string | z.infer<typeof pluralForms>> };
  'envoy:tab-status': TabStatus;
  'envoy:open-studio': { ok: true };
  'envoy:check': CheckResponse;
  /** The stored ticks (StoredChecklistState) or null; draftKey is `tabId:composerKey`. */
  'envoy:checklist-draft': { state: unknown; draftKey: string | null };
  /** ChecklistTemplate[] (typed loosely here so this module stays free of the checklist schema). */
  'envoy:checklist-templates': { templates: unknown[] };
  'envoy:translate-plan': TranslatePlanResponse;
  'envoy:translate': TranslateResponse;
  'envoy:confirm-cloud': ConfirmCloudResponse;
  'envoy:request-host-access': { granted: boolean };
}

type RequestBody<T extends EnvoyRequest['type']> = Omit<Extract<EnvoyRequest, { type: T }>, 'type'>;

/**
 * What the translation UI (components/translation) needs from the background; the extension's
 * implementation sends the messages above (extension/translate-client.ts), tests pass fakes.
 */
export interface TranslateClient {
  plan(request: RequestBody<'envoy:translate-plan'>): Promise<TranslatePlanResponse>;
  /** `confirmation`: one-time token from `confirmCloud` (required for a cloud service). */
  translate(request: RequestBody<'envoy:translate'>): Promise<TranslateResponse>;
  /**
   * Asks the background for a one-time confirmation of sending to `destination`; called only from
   * the user's press on "Send to <host>". Undefined when the background refuses.
   */
  confirmCloud(destination: string): Promise<string | undefined>;
  /** Asks the user (on an extension page) for a server's host permission; true once granted. */
  requestAccess?(origin: string): Promise<boolean>;
}

export function parseRequest(message: unknown): EnvoyRequest | undefined {
  const parsed = requestSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** The answer to an Envoy message that does not validate (e.g. a content script from an older version). */
export interface InvalidRequestAnswer {
  ok: false;
  error: { kind: 'invalid'; message: string };
}

/**
 * A clear refusal for a message in Envoy's namespace (`type: "envoy:…"`) that does not validate:
 * names the type and the first failing field, never its value (which may be draft text).
 * Undefined for anything else (other listeners, such as the offscreen document, may answer it).
 */
export function invalidRequestAnswer(message: unknown): InvalidRequestAnswer | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !type.startsWith('envoy:')) return undefined;
  const parsed = requestSchema.safeParse(message);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'type';
  const why = (issue?.message ?? 'invalid').slice(0, 120);
  return { ok: false, error: { kind: 'invalid', message: `Envoy refused the message "${type.slice(0, 40)}": ${field}: ${why}` } };
}

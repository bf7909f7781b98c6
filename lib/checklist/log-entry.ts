/**
 * Local override log (without zod: the content script appends entries; log.ts adds parsing).
 *
 * Every time someone releases a held post by overriding the checklist, one
 * entry is appended. The log stays on the device: the user can read and export
 * it in options (CSV / JSON); nothing here sends it anywhere. The draft is not
 * recorded unless the caller explicitly passes an excerpt.
 */
export const OVERRIDE_LOG_VERSION = 1;
/** Entries kept; the oldest are dropped first. */
export const OVERRIDE_LOG_CAP = 500;
/** Minimum length of an override reason (in characters, after trimming). */
export const OVERRIDE_REASON_MIN_LENGTH = 5;
/** Longest excerpt of the draft kept when the caller opts in. */
export const DRAFT_EXCERPT_MAX_LENGTH = 140;
export const REASON_MAX_LENGTH = 1000;

export interface OverrideLogEntry {
  /** ISO 8601 time with offset. */
  at: string;
  platform: string;
  templateId: string;
  openItems: string[];
  reason: string;
  draftExcerpt?: string | undefined;
}

export type ReasonCheck =
  | { readonly ok: true; readonly reason: string }
  | { readonly ok: false; readonly error: 'missing' | 'too-short' };

/**
 * An override reason must be non-empty after trimming, at least
 * OVERRIDE_REASON_MIN_LENGTH characters (code points; runs of whitespace count
 * once) and contain at least one letter or digit ("....." is not a reason).
 * Returns the cleaned reason (trimmed, whitespace runs collapsed, capped).
 */
export function checkOverrideReason(reason: unknown, minLength = OVERRIDE_REASON_MIN_LENGTH): ReasonCheck {
  if (typeof reason !== 'string') return { ok: false, error: 'missing' };
  const cleaned = reason.replace(/[\u200B-\u200D\uFEFF]/gu, '').replace(/\s+/gu, ' ').trim();
  if (cleaned === '') return { ok: false, error: 'missing' };
  if ([...cleaned].length < minLength || !/[\p{L}\p{N}]/u.test(cleaned)) return { ok: false, error: 'too-short' };
  return { ok: true, reason: [...cleaned].slice(0, REASON_MAX_LENGTH).join('') };
}

export interface OverrideLogInput {
  /** When the override happened (Date or ISO string). */
  readonly at: Date | string;
  readonly platform: string;
  readonly templateId: string;
  /** Ids of the required items still open when the user overrode. */
  readonly openItems: readonly string[];
  readonly reason: string;
  /** Only when the user opted in: a short excerpt of the draft (truncated here). */
  readonly draftExcerpt?: string;
}

/** Builds a log entry; throws if the reason is not acceptable (check it first with checkOverrideReason). */
export function createOverrideLogEntry(input: OverrideLogInput): OverrideLogEntry {
  const reason = checkOverrideReason(input.reason);
  if (!reason.ok) throw new Error(`createOverrideLogEntry: reason ${reason.error}`);
  const at = input.at instanceof Date ? input.at : new Date(input.at);
  if (Number.isNaN(at.getTime())) throw new Error('createOverrideLogEntry: invalid time');
  const entry: OverrideLogEntry = {
    at: at.toISOString(),
    platform: input.platform,
    templateId: input.templateId,
    openItems: [...input.openItems],
    reason: reason.reason,
  };
  if (input.draftExcerpt !== undefined && input.draftExcerpt.trim() !== '') {
    const chars = [...input.draftExcerpt.trim()];
    entry.draftExcerpt =
      chars.length > DRAFT_EXCERPT_MAX_LENGTH ? `${chars.slice(0, DRAFT_EXCERPT_MAX_LENGTH).join('')}…` : chars.join('');
  }
  return entry;
}

/** Appends an entry (oldest first), dropping the oldest entries beyond `cap`. Does not mutate `log`. */
export function appendLogEntry(
  log: readonly OverrideLogEntry[],
  entry: OverrideLogEntry,
  cap: number = OVERRIDE_LOG_CAP,
): OverrideLogEntry[] {
  const next = [...log, entry];
  const keep = Math.max(0, Math.floor(cap));
  return next.length > keep ? next.slice(next.length - keep) : next;
}

/** JSON export: `{ format, version, entries }`, pretty-printed. */
export function logToJson(log: readonly OverrideLogEntry[]): string {
  return JSON.stringify({ format: 'envoy-override-log', version: OVERRIDE_LOG_VERSION, entries: log }, null, 2);
}

export const CSV_COLUMNS = ['at', 'platform', 'templateId', 'openItems', 'reason', 'draftExcerpt'] as const;

/**
 * Escapes one CSV field (RFC 4180): fields containing a comma, a double quote,
 * CR or LF are quoted and inner quotes doubled. Fields that a spreadsheet
 * would run as a formula (starting with = + - @, tab or CR) are prefixed with
 * an apostrophe first, so an exported reason can never execute.
 */
export function escapeCsvField(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

export interface CsvOptions {
  /** Prefix a UTF-8 byte-order mark so spreadsheet software reads Khmer correctly (default true). */
  readonly bom?: boolean;
}

/** CSV export with a header row and CRLF line endings; open items are joined with "; ". */
export function logToCsv(log: readonly OverrideLogEntry[], options: CsvOptions = {}): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const entry of log) {
    rows.push(
      [entry.at, entry.platform, entry.templateId, entry.openItems.join('; '), entry.reason, entry.draftExcerpt ?? '']
        .map(escapeCsvField)
        .join(','),
    );
  }
  return `${options.bom === false ? '' : '\uFEFF'}${rows.join('\r\n')}\r\n`;
}

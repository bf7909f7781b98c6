/**
 * Local override log: entry building and export live in log-entry.ts (no
 * zod, used by the content script); this module adds the schema that reads
 * stored logs back.
 */
import { z } from 'zod';
import { DRAFT_EXCERPT_MAX_LENGTH, REASON_MAX_LENGTH, type OverrideLogEntry } from './log-entry';

export * from './log-entry';

export const overrideLogEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  platform: z.string().min(1).max(100),
  templateId: z.string().min(1).max(100),
  openItems: z.array(z.string().max(100)).max(50),
  reason: z.string().min(1).max(REASON_MAX_LENGTH),
  draftExcerpt: z.string().max(DRAFT_EXCERPT_MAX_LENGTH + 1).optional(),
});


type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesAgree: Same<z.infer<typeof overrideLogEntrySchema>, OverrideLogEntry> = true;
void shapesAgree;

/** Reads a stored log, keeping valid entries only (older or corrupted data never breaks the options page). */
export function parseLog(stored: unknown): OverrideLogEntry[] {
  const entries = Array.isArray(stored)
    ? stored
    : stored !== null && typeof stored === 'object' && Array.isArray((stored as { entries?: unknown }).entries)
      ? (stored as { entries: unknown[] }).entries
      : [];
  const valid: OverrideLogEntry[] = [];
  for (const candidate of entries) {
    const parsed = overrideLogEntrySchema.safeParse(candidate);
    if (parsed.success) valid.push(parsed.data);
  }
  return valid;
}


import { writeFailure, type WriteResult } from '@/lib/state/persisted-store';

/** One write of a multi-part import, and how to undo it once it has succeeded. */
export interface ImportStep {
  write(): Promise<WriteResult>;
  undo(): Promise<unknown>;
}

/**
 * Writes the parts of an import in order, all or nothing: when one is refused (quota, per-item
 * limit), the parts already written are put back as they were, last first, and the refusal is
 * returned. The settings file format promises this (a file is imported whole or not at all).
 */
export async function commitAll(steps: readonly ImportStep[]): Promise<WriteResult> {
  const done: ImportStep[] = [];
  for (const step of steps) {
    const r = await step.write().catch(writeFailure);
    if (!r.ok) {
      for (const d of done.reverse()) await d.undo().catch(() => undefined);
      return r;
    }
    done.push(step);
  }
  return { ok: true };
}

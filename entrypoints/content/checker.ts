import { sendToBackground } from '@/extension/messaging';
import { checkResponseSchema, MAX_DRAFT_CHARS, type CheckResponse } from '@/lib/messages';
import type { CountingRule } from '@/lib/platforms/types';
import type { PlatformId } from '@/lib/platforms/hosts';

export interface DraftCheck {
  composerId: string;
  platform: PlatformId;
  counting: CountingRule;
  text: string;
}

/** Checks a draft with the active guidelines; the engine runs in the background. */
export interface DraftChecker {
  check(draft: DraftCheck): Promise<CheckResponse>;
}

const EMPTY: CheckResponse = { findings: [], checklistPrompts: [], truncated: false, count: 0 };

export function createDraftChecker(): DraftChecker {
  return {
    async check(draft) {
      const text = draft.text.length > MAX_DRAFT_CHARS ? draft.text.slice(0, MAX_DRAFT_CHARS) : draft.text;
      const response = await sendToBackground({ type: 'envoy:check', ...draft, text });
      const parsed = checkResponseSchema.safeParse(response);
      if (!parsed.success) return { ...EMPTY, truncated: true };
      // What was cut off before sending was not checked either.
      const cut = draft.text.length - text.length;
      return cut > 0 ? { ...parsed.data, truncated: true, uncheckedChars: (parsed.data.uncheckedChars ?? 0) + cut } : parsed.data;
    },
  };
}

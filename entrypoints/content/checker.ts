import type { PanelFinding } from '@/components/panel/types';
import type { PlatformId } from '@/lib/platforms/hosts';
import type { AccountType, Settings } from '@/lib/state/settings';

export interface DraftContext {
  platform: PlatformId;
  accountType: AccountType;
  modes: Settings['modes'];
}

/** Checks a draft against the active guideline packs. */
export interface DraftChecker {
  check(text: string, context: DraftContext): PanelFinding[];
}

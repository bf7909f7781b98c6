import type { Finding, FindingFix, Localized, ResolvedSource } from '@/lib/engine/types';

/**
 * What the in-page panel and the studio render: the engine's findings (lib/engine/types.ts), of
 * which the panel needs only a part.
 */
export type LocalizedText = Localized;

export type PanelSource = Pick<ResolvedSource, 'title' | 'publisher' | 'url' | 'section'>;

/** A fix as the panel offers it (the label is optional: the replacement can be shown instead). */
export type PanelFix = Omit<FindingFix, 'label'> & { label?: FindingFix['label'] };

export type PanelFinding = Omit<Finding, 'packId' | 'sources' | 'fixes'> & { sources: PanelSource[]; fixes: PanelFix[] };

export interface PanelCounter {
  count: number;
  limit: number;
}

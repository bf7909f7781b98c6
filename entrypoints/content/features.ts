import type { PanelFeature } from '@/entrypoints/content/session-api';
import { highlightsFeature } from '@/entrypoints/content/highlights';
import { checklistFeature } from '@/entrypoints/content/checklist-feature';
import { translateFeature } from '@/entrypoints/content/translate-feature';

/**
 * The panel's features, in display order. Each lives in its own file under
 * entrypoints/content/ and talks to the composer only through SessionApi.
 */
export const PANEL_FEATURES: readonly PanelFeature[] = [highlightsFeature, checklistFeature, translateFeature];

import type { ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PanelCounter, PanelFinding } from '@/components/panel/types';
import type { CheckResponse } from '@/lib/messages';
import type { ComposerSpec, PlatformAdapter } from '@/lib/platforms';
import type { SettingsStore } from '@/lib/state/settings-store';

export interface SessionState {
  text: string;
  findings: PanelFinding[];
  checklistPrompts: CheckResponse['checklistPrompts'];
  counter: PanelCounter;
  /** Minimised to a badge (remembered per site when the user toggles it). */
  collapsed: boolean;
  /** The first-run note is shown until dismissed. */
  showIntro: boolean;
  /** False when this editor cannot be written safely: findings are shown read-only. */
  canWrite: boolean;
  /** The last check stopped early; `uncheckedChars` of the draft were not read. */
  truncated: boolean;
  uncheckedChars: number;
}

/**
 * What a panel feature (findings, translation, checklist) may use of the
 * composer session. Features live in their own files and never touch the
 * editor's DOM directly: reads and writes go through here.
 */
export interface SessionApi {
  id: string;
  ctx: ContentScriptContext;
  adapter: PlatformAdapter;
  spec: ComposerSpec;
  /** The composer's editable root. */
  element: HTMLElement;
  /** The shadow host <diplomacy-assistant> of this session's UI. */
  host: HTMLElement;
  settings: SettingsStore;
  state: StoreApi<SessionState>;
  /** The draft as plain text with paragraph breaks, read now. */
  readText(): string;
  /**
   * Replaces [start, end) of the draft through the page's editor (model, undo and caret stay
   * right); false if the editor refused. With `original`, nothing is written when the draft no
   * longer has that text there (it changed since it was checked).
   */
  replaceRange(start: number, end: number, text: string, original?: string): Promise<boolean>;
  /** Re-reads and re-checks the draft now. */
  refresh(): void;
}

/** A feature of the in-page panel: renders a section and may attach behaviour to the session. */
export interface PanelFeature {
  id: string;
  /** Renders inside the panel, below the findings. */
  Section?: (props: { api: SessionApi }) => ReactNode;
  /** Called once when the session starts; returns a cleanup. */
  attach?(api: SessionApi): () => void;
}

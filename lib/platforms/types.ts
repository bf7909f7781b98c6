import type { PlatformId } from '@/lib/platforms/hosts';

/** How the platform's composer is built; picks the editor module that reads and writes it. */
export type EditorKind = 'draft' | 'lexical' | 'quill1' | 'prosemirror' | 'textarea' | 'contenteditable';

/** How the platform counts a post's length (see lib/counting); lib/messages.ts validates these. */
export const COUNTING_RULES = ['twitter', 'bluesky', 'mastodon', 'threads', 'utf16', 'graphemes'] as const;
export type CountingRule = (typeof COUNTING_RULES)[number];

export interface ComposerSpec {
  /** Matches the editable element itself (contenteditable root or textarea). */
  selector: string;
  editor: EditorKind;
  /** What is being written; comments and messages often submit with Enter. */
  kind: 'post' | 'comment' | 'reply' | 'message' | 'caption';
  /** Submit buttons, searched from the composer's nearest container outward (same document or shadow root). */
  submit: string[];
  /** Whether a plain Enter (no modifier) submits. */
  enterSubmits?: boolean;
  /** Whether Ctrl/Cmd+Enter submits. */
  modEnterSubmits?: boolean;
  limit: number;
  counting: CountingRule;
}

export interface PlatformAdapter {
  id: PlatformId;
  label: string;
  composers: ComposerSpec[];
  /** Elements matching these are never composers (e.g. Telegram's hidden height mirror). */
  exclude?: string[];
}

export interface ComposerMatch {
  element: HTMLElement;
  spec: ComposerSpec;
}

import type { BridgeRequest } from '@/lib/bridge/protocol';
import type { EditorKind } from '@/lib/platforms/types';

export type { EditorKind };

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;

/** A bridge request without its id (the client numbers requests). */
export type BridgeCall = DistributiveOmit<BridgeRequest, 'id'>;

/**
 * What editor modules need from the MAIN-world bridge. Structurally matches
 * `BridgeClient` in extension/bridge-client.ts (lib/ must not import extension/).
 */
export interface BridgeLike {
  request<T = unknown>(request: BridgeCall, timeoutMs?: number): Promise<T>;
}

export type WriteResult = { ok: true; method: string } | { ok: false; reason: string };

/** Textarea / input ranges are plain offsets into `.value`. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface ReplaceContext {
  /** The composer root: the contenteditable element, or the textarea/input. */
  root: HTMLElement;
  /** MAIN-world bridge (Chromium). Absent on Firefox: modules then use isolated-world methods only. */
  bridge?: BridgeLike;
  /** Value of the composer's data-envoy-composer attribute, which the bridge uses to find it. */
  targetId?: string;
  /**
   * The text the caller expects at [start, end) (what the check flagged). If the draft changed
   * meanwhile, nothing is written and the result is `{ ok: false, reason: 'stale…' }`.
   */
  original?: string;
  /**
   * Restricts and orders the write methods (names as reported in `WriteResult.method`, e.g.
   * `['paste']`, `['bridge']`). For tests and diagnostics; the default order is the module's.
   */
  methods?: readonly string[];
  /** How long to wait for the framework after each method (ms). Default 600. */
  settleMs?: number;
}

export interface EditorModule {
  kind: EditorKind;
  /** The draft as plain text: blocks joined by '\n', line breaks as '\n'. Never innerText. */
  read(root: HTMLElement): string;
  /** DOM Range (or textarea offsets) for [start, end) of the read() text; null if out of bounds. */
  toDomRange(root: HTMLElement, start: number, end: number): Range | OffsetRange | null;
  /** Offset into read() of the caret (selection focus), or null when it is not in the composer. */
  caret(root: HTMLElement): number | null;
  /**
   * Replaces [start, end) of the read() text with `text` through the framework, so its model,
   * undo history and caret stay right. Verified: the text is re-read after the write and must
   * equal the expected result. The caret ends right after the inserted text.
   */
  replace(ctx: ReplaceContext, start: number, end: number, text: string): Promise<WriteResult>;
}

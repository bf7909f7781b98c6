import * as z from 'zod/mini';

/**
 * Messages between Envoy's isolated-world content script and its MAIN-world
 * editor bridge. They travel only over a private MessageChannel whose port is
 * handed over once, at document_start, before any page script runs (see
 * entrypoints/editor-bridge.content.ts). Both ends validate every message;
 * nothing is ever evaluated as code.
 */
export const HANDSHAKE_TYPE = 'envoy:bridge-handshake';
/** Marker attribute the isolated world puts on a composer root so the bridge can find it. */
export const TARGET_ATTRIBUTE = 'data-envoy-composer';

export const targetId = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/));

/** Largest draft (and replacement) the bridge handles, in UTF-16 code units (Facebook allows 63,206). */
export const MAX_BRIDGE_TEXT = 100_000;
const offset = z.int().check(z.minimum(0), z.maximum(MAX_BRIDGE_TEXT));
const boundedText = z.string().check(z.maxLength(MAX_BRIDGE_TEXT));

export const bridgeRequestSchema = z.discriminatedUnion('op', [
  z.object({ id: z.int(), op: z.literal('ping') }),
  /** Which editor framework objects are reachable on the target. */
  z.object({ id: z.int(), op: z.literal('probe'), target: targetId }),
  /** The draft text from the framework's model (see lib/bridge/frameworks.ts). */
  z.object({ id: z.int(), op: z.literal('read'), target: targetId }),
  /**
   * Replace [start, end) of the draft with `text` through the framework API (undoable). `before`
   * is the text the caller's offsets refer to: the bridge refuses if the model differs.
   */
  z.object({
    id: z.int(),
    op: z.literal('replace'),
    target: targetId,
    start: offset,
    end: offset,
    text: boundedText,
    before: boundedText,
  }),
]);
export type BridgeRequest = z.infer<typeof bridgeRequestSchema>;

export const probeResultSchema = z.object({
  lexical: z.boolean(),
  draft: z.boolean(),
  quill1: z.boolean(),
  tiptap: z.boolean(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

/** Result of `read` and `replace`: the framework that answered and its model text (after the write). */
export const modelTextSchema = z.object({
  kind: z.enum(['lexical', 'quill1', 'tiptap', 'draft']),
  text: z.string(),
});
export type ModelTextResult = z.infer<typeof modelTextSchema>;

export const bridgeResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.int(), ok: z.literal(false), error: z.string().check(z.maxLength(500)) }),
]);
export type BridgeResponse = z.infer<typeof bridgeResponseSchema>;

export const handshakeSchema = z.object({ type: z.literal(HANDSHAKE_TYPE), version: z.literal(1) });

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

export const bridgeRequestSchema = z.discriminatedUnion('op', [
  z.object({ id: z.int(), op: z.literal('ping') }),
  /** Which editor framework objects are reachable on the target. */
  z.object({ id: z.int(), op: z.literal('probe'), target: targetId }),
]);
export type BridgeRequest = z.infer<typeof bridgeRequestSchema>;

export const probeResultSchema = z.object({
  lexical: z.boolean(),
  draft: z.boolean(),
  quill1: z.boolean(),
  tiptap: z.boolean(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

export const bridgeResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.int(), ok: z.literal(false), error: z.string().check(z.maxLength(500)) }),
]);
export type BridgeResponse = z.infer<typeof bridgeResponseSchema>;

export const handshakeSchema = z.object({ type: z.literal(HANDSHAKE_TYPE), version: z.literal(1) });

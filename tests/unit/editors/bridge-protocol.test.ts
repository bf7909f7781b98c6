/** Validation of bridge messages (lib/bridge/protocol.ts): every field checked, sizes capped. */
import { describe, expect, it } from 'vitest';
import { bridgeRequestSchema, MAX_BRIDGE_TEXT } from '@/lib/bridge/protocol';
import { handleMessage } from '@/lib/bridge/main-world';

const ok = { id: 3, op: 'replace', target: 'abc-1', start: 1, end: 4, text: 'Eswatini', before: 'The Swaziland' };

describe('bridge request validation', () => {
  it('accepts read and replace', () => {
    expect(bridgeRequestSchema.safeParse({ id: 1, op: 'read', target: 'abc-1' }).success).toBe(true);
    expect(bridgeRequestSchema.safeParse(ok).success).toBe(true);
  });

  it.each([
    ['unknown op', { id: 1, op: 'eval', code: '1+1' }],
    ['selector injection in target', { ...ok, target: 'x"], *' }],
    ['negative offset', { ...ok, start: -1 }],
    ['fractional offset', { ...ok, end: 2.5 }],
    ['string offset', { ...ok, start: '1' }],
    ['oversized text', { ...ok, text: 'x'.repeat(MAX_BRIDGE_TEXT + 1) }],
    ['oversized before', { ...ok, before: 'x'.repeat(MAX_BRIDGE_TEXT + 1) }],
    ['missing before', { id: 3, op: 'replace', target: 'abc-1', start: 1, end: 4, text: 'x' }],
    ['function text', { ...ok, text: { toString: (): string => 'x' } }],
  ])('rejects %s', (_label, message) => {
    expect(bridgeRequestSchema.safeParse(message).success).toBe(false);
    expect(handleMessage(document, message)).toBeNull();
  });

  it('answers errors instead of throwing', () => {
    document.body.innerHTML = '<div contenteditable="true" data-envoy-composer="abc-1">The Swaziland</div>';
    expect(handleMessage(document, { ...ok, target: 'nope' })).toEqual({ id: 3, ok: false, error: 'composer not found' });
    expect(handleMessage(document, { ...ok, start: 5, end: 2 })).toEqual({ id: 3, ok: false, error: 'invalid range' });
    expect(handleMessage(document, ok)).toMatchObject({ id: 3, ok: false, error: 'no framework editor on the composer' });
  });
});

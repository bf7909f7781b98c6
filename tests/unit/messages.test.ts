import { describe, expect, it } from 'vitest';
import { bridgeRequestSchema } from '@/lib/bridge/protocol';
import { parseRequest } from '@/lib/messages';

describe('message validation', () => {
  it('accepts well-formed requests and rejects everything else', () => {
    expect(parseRequest({ type: 'envoy:tab-status' })).toEqual({ type: 'envoy:tab-status' });
    expect(parseRequest({ type: 'envoy:check', composerId: 'c', platform: 'x', counting: 'utf16', text: 'hi' })).toBeDefined();
    expect(parseRequest({ type: 'envoy:check', composerId: 'c'.repeat(65), platform: 'x', counting: 'utf16', text: 'hi' })).toBeUndefined();
    // The badge message had no sender and was removed (issue 14).
    expect(parseRequest({ type: 'envoy:report-findings', counts: { error: 1, warning: 0, suggestion: 2 } })).toBeUndefined();
    expect(parseRequest({ type: 'envoy:eval', code: 'alert(1)' })).toBeUndefined();
    expect(parseRequest('envoy:tab-status')).toBeUndefined();
    expect(parseRequest(null)).toBeUndefined();
  });

  it('bridge requests need a safe target id', () => {
    expect(bridgeRequestSchema.safeParse({ id: 1, op: 'probe', target: 'abc123' }).success).toBe(true);
    expect(bridgeRequestSchema.safeParse({ id: 1, op: 'probe', target: '"] , *' }).success).toBe(false);
    expect(bridgeRequestSchema.safeParse({ id: 1, op: 'eval', target: 'abc' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { instanceMatchPattern, instanceScriptId, normaliseInstanceOrigin } from '@/lib/platforms/instances';

describe('Mastodon instances', () => {
  it('accepts hosts and https URLs, refuses the rest', () => {
    expect(normaliseInstanceOrigin('mastodon.gov.kh')).toBe('https://mastodon.gov.kh');
    expect(normaliseInstanceOrigin(' https://social.example.org/@embassy ')).toBe('https://social.example.org');
    expect(normaliseInstanceOrigin('http://insecure.example.org')).toBeNull();
    expect(normaliseInstanceOrigin('localhost')).toBeNull();
    expect(normaliseInstanceOrigin('https://user:pw@x.example')).toBeNull();
    expect(normaliseInstanceOrigin('')).toBeNull();
  });

  it('derives match patterns and stable script ids', () => {
    expect(instanceMatchPattern('https://social.example.org')).toBe('https://social.example.org/*');
    expect(instanceScriptId('https://social.example.org', 'isolated')).toBe('envoy-mastodon-isolated-https-social-example-org');
  });
});

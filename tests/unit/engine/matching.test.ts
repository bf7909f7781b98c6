import { describe, expect, it } from 'vitest';
import { CTX, matches, run } from './helpers';

const secret = { type: 'term', terms: ['secret', 'Hun Sen'] } as const;

describe('where rules match', () => {
  it('never inside URLs, e-mail addresses or @handles by default', () => {
    const text = 'see https://example.org/secret, secret@mfa.gov.kh, @secret_agent and www.secret.com; secret!';
    expect(matches(run(secret, text))).toEqual(['secret']);
    expect(run(secret, text).findings[0]!.range.start).toBe(text.lastIndexOf('secret'));
  });

  it('matchInside opts in per kind', () => {
    const text = 'https://x.org/secret secret@x.org @secret';
    expect(matches(run({ ...secret, matchInside: ['url'] }, text))).toEqual(['secret']);
    expect(matches(run({ ...secret, matchInside: ['url', 'email', 'handle'] }, text))).toEqual(['secret', 'secret', 'secret']);
  });

  it('exempts quoted mentions unless quotedExempt is false', () => {
    const text = 'The word “secret” and «secret» and "secret" and ‘the secret’s place’ but secret here.';
    expect(run(secret, text).findings).toHaveLength(1);
    expect(run({ ...secret, quotedExempt: false }, text).findings).toHaveLength(5);
  });

  it('exceptions suppress overlapping hits of the rule', () => {
    const r = run({ type: 'term', terms: ['top secret'], exceptions: ['top secret recipe'] }, 'My top secret recipe. Top secret cable.');
    expect(matches(r)).toEqual(['Top secret']);
  });

  it('accepted vocabulary suppresses overlapping hits of any rule (not the identical term)', () => {
    const vocab = { vocabulary: { accept: ['Secret Santa'] } };
    expect(run(secret, 'Our Secret Santa party', CTX, vocab).findings).toHaveLength(0);
    expect(matches(run({ type: 'term', terms: ['Secret Santa'] }, 'Our Secret Santa party', CTX, vocab))).toEqual(['Secret Santa']);
  });

  it('scope.parts limits where a rule looks', () => {
    const text = '#secret secret @secret';
    expect(matches(run({ ...secret, scope: { parts: ['hashtag'] } }, text))).toEqual(['secret']);
    expect(run({ ...secret, scope: { parts: ['hashtag'] } }, text).findings[0]!.range.start).toBe(1);
    expect(matches(run({ ...secret, scope: { parts: ['body', 'mention'] } }, text))).toEqual(['secret', 'secret']);
  });

  it('skips rules whose languages are not present in the draft', () => {
    const km = { type: 'term', terms: ['secret', 'សម្ងាត់'], languages: ['km'] } as const;
    expect(run(km, 'a secret').findings).toHaveLength(0);
    expect(matches(run(km, 'a secret សម្ងាត់'))).toEqual(['secret', 'សម្ងាត់']);
    expect(run({ ...secret, languages: ['ru'] }, 'secret').findings).toHaveLength(0);
    expect(run({ ...secret, languages: ['*'] }, 'secret').findings).toHaveLength(1);
  });

  it('scope: platforms, accounts and modes ("only while one of these modes is on")', () => {
    const scoped = { ...secret, scope: { platforms: ['x'], accounts: ['official'], modes: ['election', 'mourning'] } } as const;
    const on = { accountType: 'official', modes: ['mourning'], platform: 'x' } as const;
    expect(run(scoped, 'secret', on).findings).toHaveLength(1);
    expect(run(scoped, 'secret', { ...on, platform: 'facebook' }).findings).toHaveLength(0);
    expect(run(scoped, 'secret', { ...on, accountType: 'personal' }).findings).toHaveLength(0);
    expect(run(scoped, 'secret', { ...on, modes: [] }).findings).toHaveLength(0);
    expect(run(scoped, 'secret', { ...on, modes: ['crisis'] }).findings).toHaveLength(0);
    expect(run({ ...secret, scope: { platforms: ['*'] } }, 'secret', CTX).findings).toHaveLength(1);
  });

  it('maps ranges through zero-width spaces, NFD input and astral characters', () => {
    const text = '🇰🇭 Hun\u200B Sen, Cafe\u0301 secret';
    const r = run({ type: 'term', terms: ['Hun Sen', 'café', 'secret'] }, text);
    expect(r.findings.map((f) => text.slice(f.range.start, f.range.end))).toEqual(['Hun\u200B Sen', 'Cafe\u0301', 'secret']);
    for (const f of r.findings) expect(f.match).toBe(text.slice(f.range.start, f.range.end));
  });
});

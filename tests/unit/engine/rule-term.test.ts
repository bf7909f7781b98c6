import { describe, expect, it } from 'vitest';
import { applyFix } from '@/lib/engine';
import { matches, run } from './helpers';

describe('term rules', () => {
  const marking = { type: 'term', terms: ['TOP SECRET', 'SECRET', 'EYES ONLY'], caseSensitive: true } as const;

  it('flags case-sensitive markings and keeps the longest hit', () => {
    const r = run(marking, 'Cable marked TOP SECRET and EYES ONLY.');
    expect(matches(r)).toEqual(['TOP SECRET', 'EYES ONLY']);
    expect(r.findings[0]!.range).toEqual({ start: 13, end: 23 });
  });

  it('does not fire on lower case when case-sensitive', () => {
    expect(run(marking, 'our top secret recipe').findings).toHaveLength(0);
  });

  it('matches case-insensitively by default with Unicode word boundaries', () => {
    const r = run({ type: 'term', terms: ['café', 'война'] }, 'CAFÉ, cafés, Война! войнах');
    expect(matches(r)).toEqual(['CAFÉ', 'Война']);
  });

  it('wholeWord: false matches inside words', () => {
    expect(matches(run({ type: 'term', terms: ['secret'], wholeWord: false }, 'secretary'))).toEqual(['secret']);
  });

  it('matches Khmer ឲ and ឱ spellings alike, once even when a rule lists both', () => {
    expect(matches(run({ type: 'term', terms: ['ឱ្យ'] }, 'សុំឲ្យជួយ'))).toEqual(['ឲ្យ']);
    expect(matches(run({ type: 'term', terms: ['បោះឆ្នោតឱ្យ', 'បោះឆ្នោតឲ្យ'] }, 'សូមបោះឆ្នោតឲ្យគាត់'))).toEqual(['បោះឆ្នោតឲ្យ']);
  });

  it('matches Khmer as a substring, across spaces and zero-width spaces, with either coeng form', () => {
    const r = run({ type: 'term', terms: ['សម្តេច'] }, 'ក​សម្ដេចតេជោ និង សម្តេច');
    expect(matches(r)).toEqual(['សម្ដេច', 'សម្តេច']);
    const r2 = run({ type: 'term', terms: ['ហ៊ុន សែន'] }, 'ឯកឧត្តម​ហ៊ុន​សែន');
    expect(r2.findings[0]!.match).toBe('ហ៊ុន​សែន');
  });

  it('applies a remove fix and tidies the space', () => {
    const r = run({ type: 'term', terms: ['very'], fix: { action: 'remove' } }, 'A very good day.');
    expect(applyFix('A very good day.', r.findings[0]!.fixes[0]!)).toBe('A good day.');
  });

  it('applies replace fixes with case matching', () => {
    const r = run({ type: 'term', terms: ['kampuchea'], fix: { action: 'replace', with: ['Cambodia', 'Kingdom of Cambodia'] } }, 'KAMPUCHEA rocks');
    expect(r.findings[0]!.fixes.map((f) => f.replacement)).toEqual(['CAMBODIA', 'KINGDOM OF CAMBODIA']);
    const exact = run({ type: 'term', terms: ['kampuchea'], fix: { action: 'replace', with: ['Cambodia'], case: 'exact' } }, 'kampuchea');
    expect(exact.findings[0]!.fixes[0]!.replacement).toBe('Cambodia');
  });

  it('fills {match} in every language and resolves sources', () => {
    const f = run({ type: 'term', terms: ['secret'] }, 'A Secret.').findings[0]!;
    expect(f.message).toEqual({ en: 'Found “Secret”.', km: 'រកឃើញ “Secret”។' });
    expect(f.sources[0]).toMatchObject({ id: 'SRC', title: 'Test source', url: 'https://example.org/guide', section: '§1' });
  });
});

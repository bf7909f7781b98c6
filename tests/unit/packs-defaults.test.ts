/**
 * The built-in guideline packs (lib/packs/defaults/*.json): every file must
 * validate, every rule's embedded flag/allow/fix tests must pass, and the set
 * as a whole must meet the content bar (≥ 80 rules, unique ids, en + km text,
 * a resolvable source per rule).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicateRuleIds, formatPackError, runPackTests, validatePack } from '@/lib/packs/validate';
import type { Pack } from '@/lib/packs/schema';
import { DEFAULT_PACKS, DEFAULT_PACK_IDS } from '@/lib/packs/defaults';

const DIR = join(process.cwd(), 'lib/packs/defaults');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

const packs: Array<{ file: string; json: unknown }> = files.map((file) => ({
  file,
  json: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as unknown,
}));

function validated(file: string, json: unknown): Pack {
  const r = validatePack(json, file);
  if (!r.ok) throw new Error(r.errors.map(formatPackError).join('\n'));
  return r.pack;
}

type Localized = { en?: string; km?: string; fr?: string };
const KHMER = /[\u1780-\u17FF]/;

describe('default guideline packs', () => {
  it('has the expected pack files', () => {
    expect(files).toEqual(expect.arrayContaining([
      'core.security.json', 'core.neutrality.json', 'core.capacity.json', 'core.respect.json', 'core.names.json',
      'core.address.json', 'core.crisis.json', 'core.a11y.json', 'core.engagement.json',
    ]));
  });

  for (const { file, json } of packs) {
    describe(file, () => {
      it('validates against the pack schema', () => {
        const r = validatePack(json, file);
        expect(r.ok ? [] : r.errors.map(formatPackError)).toEqual([]);
      });

      it('is named after its pack id', () => {
        expect(`${validated(file, json).id}.json`).toBe(file);
      });

      // The larger packs run a few hundred checks: allow for a loaded machine.
      it('passes every rule\'s embedded tests', () => {
        const errors = runPackTests(validated(file, json), file);
        expect(errors.map(formatPackError)).toEqual([]);
      }, 20_000);

      it('gives every rule an en and km message and explanation', () => {
        const problems: string[] = [];
        for (const rule of validated(file, json).rules) {
          const texts: Array<[string, Localized]> = [['message', rule.message], ['explanation', rule.explanation]];
          if (rule.type === 'checklist') texts.push(['prompt', rule.prompt]);
          for (const [field, t] of texts) {
            if (!t.en?.trim()) problems.push(`${rule.id}: ${field}.en missing`);
            if (!t.km?.trim()) problems.push(`${rule.id}: ${field}.km missing`);
            else if (!KHMER.test(t.km)) problems.push(`${rule.id}: ${field}.km is not written in Khmer script`);
          }
        }
        expect(problems).toEqual([]);
      });

      it('cites at least one source with a URL or publisher for every rule', () => {
        const pack = validated(file, json);
        const byId = new Map(pack.sources.map((s) => [s.id, s]));
        const problems: string[] = [];
        for (const rule of pack.rules) {
          if (rule.sources.length === 0) problems.push(`${rule.id}: no sources`);
          const good = rule.sources.filter((s) => {
            const src = byId.get(s.ref);
            return !!src && (!!src.url || !!src.publisher);
          });
          if (good.length === 0) problems.push(`${rule.id}: no source resolves to a pack source with a URL or publisher`);
        }
        expect(problems).toEqual([]);
      });

      it('has flag and allow examples for every rule', () => {
        const missing = validated(file, json).rules
          .filter((r) => r.tests.flag.length === 0 || (r.tests.allow ?? []).length === 0)
          .map((r) => r.id);
        expect(missing).toEqual([]);
      });

      it('has a fix test for every rule that offers a fix', () => {
        const fixable = new Set(['substitute', 'consistency', 'address-form']);
        const missing = validated(file, json).rules
          .filter((r) => (r.fix || fixable.has(r.type) || (r.type === 'conditional' && r.acronyms) ||
            (r.type === 'hashtag' && r.check === 'camelcase')) && !(r.tests.fix ?? []).length)
          .map((r) => r.id);
        expect(missing).toEqual([]);
      });
    });
  }

  it('has at least 80 rules in all', () => {
    const total = packs.reduce((n, { file, json }) => n + validated(file, json).rules.length, 0);
    expect(total).toBeGreaterThanOrEqual(80);
  });

  it('uses each rule id and pack id only once across packs', () => {
    const all = packs.map(({ file, json }) => ({ pack: validated(file, json), fileName: file }));
    expect(findDuplicateRuleIds(all).map(formatPackError)).toEqual([]);
    const ids = all.flatMap(({ pack }) => pack.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('exports every JSON file from the defaults index', () => {
    expect([...DEFAULT_PACK_IDS].sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    expect(DEFAULT_PACKS).toHaveLength(files.length);
    const exported = DEFAULT_PACKS.map((p) => (p as { id: string }).id).sort();
    expect(exported).toEqual([...DEFAULT_PACK_IDS].sort());
  });
});

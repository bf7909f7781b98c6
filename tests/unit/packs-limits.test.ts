/**
 * Pack import limits (issue 13): hostile or careless packs are refused before the expensive work,
 * with a message of a few kilobytes, and a bad pack never takes the others out of force.
 * The under-two-seconds targets are in `npm run bench` (tests/bench/bad-input.bench.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildActiveGuidelines } from '@/lib/packs/active';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { PACK_LIMITS } from '@/lib/packs/limits';
import { formatPackError, loadPack, parsePackFile, validatePack, type PackError } from '@/lib/packs/validate';

const rule = (i: number, ref = 'SRC') => ({
  id: `t.r${i}`, type: 'term', severity: 'warning', category: 'style',
  message: { en: 'm' }, explanation: { en: 'e' }, sources: [{ ref }],
  terms: [`word${i}`], tests: { flag: [`a word${i} here`], allow: ['nothing'] },
});
const pack = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  schema: 'envoy-pack/1', id: 'test.limits', version: '1.0.0', title: { en: 'Limits' }, languages: ['en'],
  sources: [{ id: 'SRC', title: 'Source' }], rules, ...extra,
});
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const textOf = (errors: PackError[]) => errors.map(formatPackError).join('\n');

/** Parse + load, as the options page does. */
function importText(text: string, file = 'x.json') {
  const parsed = parsePackFile(text, file);
  return parsed.ok ? loadPack(parsed.json, file) : parsed;
}

describe('pack limits', () => {
  it('refuses 10,000-deep JSON before parsing, without a RangeError', () => {
    const r = importText(deep(10_000));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(textOf(r.errors)).toMatch(/nested more than 32 levels/);
    // The same value already parsed (a stored or policy pack) is refused too, not thrown on.
    const value = JSON.parse(deep(10_000)) as unknown;
    expect(() => validatePack({ ...pack([]), sources: value }, 'deep.json')).not.toThrow();
    expect(validatePack({ ...pack([]), sources: value }, 'deep.json').ok).toBe(false);
  });

  it('refuses a 200,000-rule pack by its rule count, with one short message', () => {
    const rules = Array.from({ length: 200_000 }, (_, i) => ({ id: `r${i}` }));
    const r = importText(JSON.stringify(pack(rules)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain(`the limit is ${PACK_LIMITS.maxRules} per pack`);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const r = parsePackFile(`{"x":"${'a'.repeat(PACK_LIMITS.maxFileBytes)}"}`, 'big.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/^"big\.json" is 4\.0 MB; the limit for a guideline pack is 4\.0 MB/);
  });

  it('keeps the refusal of a pack citing missing sources to a few kilobytes', () => {
    const sources = Array.from({ length: 3000 }, (_, i) => ({ id: `S${i}`, title: 'Source' }));
    const rules = Array.from({ length: 3000 }, (_, i) => rule(i, `MISSING${i}`));
    const r = importText(JSON.stringify(pack(rules, { sources })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = textOf(r.errors);
    expect(text.length).toBeLessThan(4096);
    expect(r.errors).toHaveLength(PACK_LIMITS.maxErrorsShown + 1);
    expect(r.errors.at(-1)!.message).toMatch(/and 2990 more problems/);
    expect(r.errors[0]!.message).toMatch(/known: S0, S1, .*S9 and 2990 more\)/);
  });

  it('runs each rule\'s tests against that rule only, and still finds a failing test', () => {
    const rules = Array.from({ length: 2000 }, (_, i) => rule(i));
    expect(loadPack(pack(rules), 'many.json').ok).toBe(true);
    const broken = [...rules.slice(0, 5), { ...rule(5), tests: { flag: ['no hit here'] } }];
    const r = loadPack(pack(broken), 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.ruleId, e.field])).toEqual([['t.r5', 'tests.flag[0]']]);
  });

  it('a bad organisation or stored pack never takes the built-in packs out of force', () => {
    const deepValue = JSON.parse(deep(10_000)) as unknown;
    const huge = pack(Array.from({ length: PACK_LIMITS.maxRules + 1 }, (_, i) => ({ id: `r${i}` })));
    const active = buildActiveGuidelines({
      builtIn: DEFAULT_PACKS,
      disabledBuiltin: [],
      policyPacks: [deepValue, huge],
      imported: [{ fileName: 'deep.json', json: { ...pack([]), rules: deepValue }, enabled: true, importedAt: '' }],
    });
    expect(active.packs.map((p) => p.id)).toEqual(DEFAULT_PACKS.map((p) => (p as { id: string }).id));
    expect(active.errors).toHaveLength(3);
    expect(textOf(active.errors).length).toBeLessThan(4096);
  });
});

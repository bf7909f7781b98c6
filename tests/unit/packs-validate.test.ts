import { describe, expect, it } from 'vitest';
import { findDuplicateRuleIds, loadPack, parsePackFile, runPackTests, validatePack, type PackError } from '@/lib/packs/validate';
import type { Pack } from '@/lib/packs/schema';

function goodPack(): Record<string, any> {
  return {
    schema: 'envoy-pack/1',
    id: 'example.names',
    version: '1.0.0',
    title: { en: 'Example', km: 'ឧទាហរណ៍' },
    languages: ['en'],
    sources: [{ id: 'UN-TERM', title: 'UNTERM country names', publisher: 'United Nations', url: 'https://unterm.un.org/' }],
    entities: [{ id: 'hun-sen', names: ['Hun Sen'], titles: ['Samdech Techo'] }],
    rules: [
      {
        $comment: 'comments starting with $ or _ are ignored',
        id: 'names.eswatini',
        type: 'substitute',
        severity: 'warning',
        category: 'names',
        swap: [{ from: ['Swaziland'], to: ['Eswatini'] }],
        message: { en: 'Use the official short name “{suggestion}”.' },
        explanation: { en: 'The Kingdom of Eswatini changed its name in 2018.' },
        sources: [{ ref: 'UN-TERM' }],
        tests: {
          flag: ['Meeting the ambassador of Swaziland today.'],
          allow: ['Meeting the ambassador of Eswatini today.'],
          fix: [{ input: 'Welcome to Swaziland!', output: 'Welcome to Eswatini!' }],
        },
      },
    ],
  };
}

/** Turn the substitute rule into another type (as a JSON file would have it: no leftover "swap"). */
function retype(p: Record<string, any>, fields: Record<string, unknown>): void {
  const { swap: _swap, ...rest } = p.rules[0];
  p.rules[0] = { ...rest, ...fields };
}

function errorsOf(mutate: (p: Record<string, any>) => void): PackError[] {
  const p = goodPack();
  mutate(p);
  const r = validatePack(p, 'names.json');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('validatePack', () => {
  it('accepts the spec example', () => {
    const r = loadPack(goodPack(), 'names.json');
    expect(r.ok).toBe(true);
  });

  it('names file, rule and field for a bad enum value, in plain words', () => {
    const [e] = errorsOf((p) => (p.rules[0].severity = 'high'));
    expect(e).toEqual({
      file: 'names.json', ruleId: 'names.eswatini', field: 'severity',
      message: 'Rule "names.eswatini": field "severity" must be one of error, warning, suggestion (found "high").',
    });
  });

  it.each([
    ['missing field', (p: any) => delete p.rules[0].message, 'message', /field "message" is missing/],
    ['missing English text', (p: any) => (p.rules[0].explanation = { km: 'x' }), 'explanation.en', /field "explanation.en" is missing/],
    ['wrong type', (p: any) => (p.rules[0].tests.flag = 'text'), 'tests.flag', /must be a list \(found "text"\)/],
    ['unknown rule type', (p: any) => (p.rules[0].type = 'regex'), 'type', /must be one of term, substitute, .* \(found "regex"\)/],
    ['unknown field (typo)', (p: any) => (p.rules[0].exeptions = ['x']), 'exeptions', /unknown field "exeptions"/],
    ['language typo in a message', (p: any) => (p.rules[0].message.kh = 'x'), 'message.kh', /unknown field "kh"/],
    ['empty list', (p: any) => (p.rules[0].swap = []), 'swap', /needs at least one entry/],
    ['bad platform', (p: any) => (p.rules[0].scope = { platforms: ['myspace'] }), 'scope.platforms[0]', /must be one of x, facebook/],
    ['bad mode', (p: any) => (p.rules[0].scope = { modes: ['holiday'] }), 'scope.modes[0]', /election, mourning, crisis/],
    ['bad fix action', (p: any) => (p.rules[0].fix = { action: 'rewrite' }), 'fix.action', /replace, remove/],
    ['bad id', (p: any) => (p.rules[0].id = 'Names Eswatini'), 'id', /lower-case letters/],
    ['unknown source ref', (p: any) => (p.rules[0].sources = [{ ref: 'NOPE' }]), 'sources[0].ref', /"NOPE", which is not in the pack's "sources"/],
    ['no flag test', (p: any) => (p.rules[0].tests.flag = []), 'tests.flag', /at least one example/],
    ['checklist not suggestion', (p: any) => retype(p, { type: 'checklist', topics: ['flood'], prompt: { en: 'p' } }), 'severity', /must be "suggestion"/],
    ['unknown entity', (p: any) => retype(p, { type: 'address-form', entities: ['nobody']  }), 'entities[0]', /entity "nobody"/],
    ['count without limits', (p: any) => retype(p, { type: 'count', measure: 'emoji' }), 'max', /needs "max", "min" or both/],
    ['caps ratio above 1', (p: any) => retype(p, { type: 'count', measure: 'caps-ratio', max: 60  }), 'max', /between 0 and 1/],
    ['conditional without requires/forbids', (p: any) => retype(p, { type: 'conditional', if: ['a']  }), 'requires', /exactly one of "requires" or "forbids"/],
    ['banned hashtags without tags', (p: any) => retype(p, { type: 'hashtag', check: 'banned'  }), 'tags', /needs the list of tags/],
    ['replace fix without text', (p: any) => retype(p, { type: 'term', terms: ['x'], fix: { action: 'replace' } }), 'fix.with', /needs at least one replacement/],
    ['look-ahead pattern', (p: any) => retype(p, { type: 'pattern', pattern: 'Hun(?! Sen)'  }), 'pattern', /look-ahead/],
    ['invalid pattern', (p: any) => retype(p, { type: 'pattern', pattern: '[a-'  }), 'pattern', /not a valid regular expression/],
    ['invisible-only term', (p: any) => (p.rules[0].swap[0].from = ['\u200B ']), 'swap[0].from[0]', /empty once spaces/],
    ['duplicate rule ids', (p: any) => p.rules.push({ ...p.rules[0] }), 'rules[1].id', /repeats the rule id "names.eswatini"/],
  ])('%s', (_name, mutate, field, message) => {
    const errors = errorsOf(mutate);
    const e = errors.find((x) => x.field === field);
    expect(e, JSON.stringify(errors)).toBeDefined();
    expect(e!.message).toMatch(message);
    expect(e!.file).toBe('names.json');
  });

  it('pack-level errors name the pack field', () => {
    expect(errorsOf((p) => (p.version = '1')).find((e) => e.field === 'version')!.message).toBe(
      'Pack: field "version" must be a version number such as 1.0.0 (found "1").',
    );
    expect(errorsOf((p) => (p.schema = 'envoy-pack/2'))[0]!.message).toMatch(/field "schema" must be "envoy-pack\/1"/);
    expect(errorsOf((p) => (p.sources[0].url = 'unterm')).find((e) => e.field === 'sources[0].url')!.message).toMatch(/^Source "UN-TERM": .*https:\/\//);
    const notObject = validatePack([1, 2], 'list.json');
    expect(!notObject.ok && notObject.errors[0]!.message).toMatch(/must contain one JSON object/);
  });
});

describe('runPackTests / loadPack', () => {
  it('refuses a pack whose flag test fails, naming rule and test text', () => {
    const p = goodPack();
    p.rules[0].tests.flag.push('Nothing to see here.');
    const r = loadPack(p, 'names.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ ruleId: 'names.eswatini', field: 'tests.flag[1]' });
      expect(r.errors[0]!.message).toBe('Rule "names.eswatini": test "tests.flag[1]" failed: the text "Nothing to see here." should be flagged but was not.');
    }
  });

  it('reports failing allow and fix tests', () => {
    const p = goodPack();
    p.rules[0].tests.allow.push('Swaziland again');
    p.rules[0].tests.fix[0].output = 'Welcome to eSwatini!';
    const v = validatePack(p, 'names.json');
    expect(v.ok).toBe(true);
    const errors = v.ok ? runPackTests(v.pack, 'names.json') : [];
    expect(errors.map((e) => e.message)).toEqual([
      'Rule "names.eswatini": test "tests.allow[1]" failed: the text "Swaziland again" should be allowed but was flagged.',
      'Rule "names.eswatini": test "tests.fix[0]" failed: fixing "Welcome to Swaziland!" gave "Welcome to Eswatini!", expected "Welcome to eSwatini!".',
    ]);
  });

  it('runs scoped rules in a context that activates them', () => {
    const p = goodPack();
    p.rules[0].scope = { platforms: ['x'], accounts: ['personal'], modes: ['election'] };
    expect(loadPack(p, 'names.json').ok).toBe(true);
  });
});

describe('parsePackFile and duplicates', () => {
  it('gives the file name, line and column for invalid JSON', () => {
    const r = parsePackFile('{\n  "id": "x",\n  "rules": [}\n', 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.file).toBe('broken.json');
      expect(r.errors[0]!.message).toMatch(/^File "broken.json" is not valid JSON at line 3, column 13/);
    }
    const empty = parsePackFile('', 'empty.json');
    expect(!empty.ok && empty.errors[0]!.message).toMatch(/empty\.json.*not valid JSON/);
    const ok = parsePackFile('\uFEFF{"a":1}', 'bom.json');
    expect(ok).toEqual({ ok: true, json: { a: 1 } });
  });

  it('reports rule ids and pack ids used by more than one pack', () => {
    const a = validatePack(goodPack(), 'a.json');
    const other = goodPack();
    other.id = 'other.pack';
    const b = validatePack(other, 'b.json');
    if (!a.ok || !b.ok) throw new Error('fixture invalid');
    const errors = findDuplicateRuleIds([{ pack: a.pack, fileName: 'a.json' }, { pack: b.pack, fileName: 'b.json' }, { pack: a.pack as Pack, fileName: 'c.json' }]);
    expect(errors.map((e) => e.message)).toEqual([
      'Rule "names.eswatini" in pack "other.pack" has the same id as a rule in pack "example.names" (a.json); rule ids must be unique across all packs.',
      'Pack id "example.names" is also used by a.json; each pack needs its own id.',
    ]);
  });
});

/** The rule-type registry is the one list of rule types: schema union, docs and lookups follow it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_TYPES, RULE_TYPE_NAMES, RuleSchema, ruleTypeOf } from '@/lib/engine/rules';

describe('rule-type registry', () => {
  it('registers each type once, and the pack schema accepts exactly those types', () => {
    expect(new Set(RULE_TYPE_NAMES).size).toBe(RULE_TYPES.length);
    expect(RuleSchema.options.map((o) => o.shape.type.value)).toEqual([...RULE_TYPE_NAMES]);
  });

  it('finds the registry entry of a rule by its type', () => {
    for (const name of RULE_TYPE_NAMES) expect(ruleTypeOf({ type: name }).type).toBe(name);
    expect(() => ruleTypeOf({ type: 'nonsense' as never })).toThrow('unknown rule type "nonsense"');
  });

  it('has a section for every type in docs/pack-format.md', () => {
    const doc = readFileSync('docs/pack-format.md', 'utf8');
    const documented = [...doc.matchAll(/^### `([a-z-]+)`/gm)].map((m) => m[1]);
    expect(documented).toEqual([...RULE_TYPE_NAMES]);
  });
});

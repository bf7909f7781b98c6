/** Small pack builders for engine tests: each test states only the fields it cares about. */
import type { Pack, Rule } from '@/lib/packs/schema';
import { compilePacks, checkText, type CheckContext, type CheckResult } from '@/lib/engine';

export const CTX: CheckContext = { accountType: 'official', modes: [] };

/** Loose on purpose: tests write rules as `as const` literals (readonly arrays). */
type RuleInput = { type: Rule['type'] } & Record<string, unknown>;

let counter = 0;
export function rule(r: RuleInput): Rule {
  return {
    id: `test.rule-${++counter}`,
    severity: 'warning',
    category: 'style',
    message: { en: 'Found “{match}”.', km: 'រកឃើញ “{match}”។' },
    explanation: { en: 'Because.' },
    sources: [{ ref: 'SRC' }],
    tests: { flag: ['x'] },
    ...r,
  } as Rule;
}

export function pack(rules: Rule[], extra: Partial<Pack> = {}): Pack {
  return {
    schema: 'envoy-pack/1',
    id: 'test.pack',
    version: '1.0.0',
    title: { en: 'Test pack' },
    languages: ['en', 'km', 'fr'],
    sources: [{ id: 'SRC', title: 'Test source', publisher: 'Tests', url: 'https://example.org/guide', section: '§1' }],
    rules,
    ...extra,
  };
}

/** Compile one rule (plus pack extras) and check `text`. */
export function run(r: RuleInput, text: string, ctx: CheckContext = CTX, extra: Partial<Pack> = {}): CheckResult {
  return checkText(compilePacks([pack([rule(r)], extra)]), text, ctx, { budgetMs: Infinity });
}

/** The matched substrings, in order. */
export function matches(res: CheckResult): string[] {
  return res.findings.map((f) => f.match);
}

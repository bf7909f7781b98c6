/** Small pack builders for engine tests: each test states only the fields it cares about. */
import { readFileSync } from 'node:fs';
import type { Pack, Rule } from '@/lib/packs/schema';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { loadPack } from '@/lib/packs/validate';
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

/** The default packs, loaded as the extension loads them. */
export function loadDefaultPacks(): Pack[] {
  return DEFAULT_PACKS.map((json, i) => {
    const r = loadPack(json, `default ${i}`);
    if (!r.ok) throw new Error(`default pack ${i} does not load`);
    return r.pack;
  });
}

/** Texts that exercise the default packs: every embedded rule test (flag and allow) and the eval corpus. */
export function corpusTexts(): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const x of node) walk(x);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'flag' || k === 'allow') && Array.isArray(v)) for (const t of v) if (typeof t === 'string') out.push(t);
        walk(v);
      }
    }
  };
  walk(DEFAULT_PACKS);
  for (const file of ['tests/eval/drafts.jsonl', 'tests/eval/real.jsonl']) {
    for (const line of readFileSync(file, 'utf8').trim().split('\n')) out.push((JSON.parse(line) as { text: string }).text);
  }
  return out;
}

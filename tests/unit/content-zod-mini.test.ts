/**
 * CONTRIBUTING ("Schemas"): every module a content script loads uses `zod/mini`; full `zod` costs
 * about 60 KB of the content script's 400 KB budget. This walks the static and dynamic imports of
 * each content-script entry point (type-only imports do not reach the bundle) and fails when one of
 * the modules it reaches imports full 'zod'.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const EXTENSIONS = ['.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/** Content-script entry points as WXT finds them: `*.content.ts(x)` and `content/index.ts(x)` under entrypoints/. */
function contentEntries(): string[] {
  const dir = join(ROOT, 'entrypoints');
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (/\.content\.tsx?$/.test(name)) out.push(join(dir, name));
    for (const index of ['index.ts', 'index.tsx']) if (/^(.+\.)?content$/.test(name) && existsSync(join(dir, name, index))) out.push(join(dir, name, index));
  }
  return out;
}

/** Module specifiers a file imports at run time (value imports, re-exports, dynamic imports). */
export function runtimeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  const fromRe = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(fromRe)) {
    const [, , typeOnly, clause = '', spec = ''] = m;
    if (typeOnly) continue;
    // `import { type A, type B } from …` is type-only too.
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    if (braces && braces[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))) continue;
    specs.push(spec);
  }
  for (const m of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : undefined;
  if (!base) return undefined;
  if (/\.(json|css|svg|png|woff2?)$/.test(base) || /\?/.test(spec)) return undefined;
  for (const ext of ['', ...EXTENSIONS]) {
    const file = base + ext;
    if (existsSync(file) && /\.(m?ts|tsx)$/.test(file)) return file;
  }
  return undefined;
}

/** Every local module reached from `entry`, with the chain that reaches it. */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      const next = resolveLocal(file, spec);
      if (next && !seen.has(next)) {
        seen.set(next, [...seen.get(file)!, next]);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('content scripts load zod/mini only', () => {
  it('finds the content-script entry points', () => {
    const entries = contentEntries().map((f) => relative(ROOT, f));
    expect(entries).toContain('entrypoints/content/index.tsx');
    expect(entries).toContain('entrypoints/editor-bridge.content.ts');
  });

  it('the import reader tells value imports from type-only ones', () => {
    expect(runtimeImports("import { z } from 'zod';")).toEqual(['zod']);
    expect(runtimeImports("import * as z from 'zod/mini';")).toEqual(['zod/mini']);
    expect(runtimeImports("import type { z } from 'zod';\nimport { type ZodType } from 'zod';")).toEqual([]);
    expect(runtimeImports("export { x } from './a';\nconst m = await import('@/lib/b');")).toEqual(['./a', '@/lib/b']);
    expect(runtimeImports("// import { z } from 'zod';\n/* import { z } from 'zod'; */")).toEqual([]);
  });

  it('no module reachable from a content script imports full zod', () => {
    const offenders: string[] = [];
    let modules = 0;
    for (const entry of contentEntries()) {
      const reached = reach(entry);
      modules += reached.size;
      for (const [file, chain] of reached) {
        if (runtimeImports(readFileSync(file, 'utf8')).includes('zod')) offenders.push(chain.map((f) => relative(ROOT, f)).join(' → '));
      }
    }
    expect(modules).toBeGreaterThan(20); // the walk really follows the imports
    expect(offenders).toEqual([]);
  });
});

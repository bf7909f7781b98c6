/**
 * Content-script size: what every platform page downloads and parses.
 * Budget: content-scripts/content.js ≤ 400 KB as shipped (minified by Vite),
 * i.e. the JavaScript the page's main thread must parse when Envoy starts.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_BYTES = 400 * 1024;

export interface SizeRow {
  file: string;
  bytes: number;
  gzip: number;
}

export function measureContentScripts(outDir = '.output/chrome-mv3'): SizeRow[] {
  const dir = join(outDir, 'content-scripts');
  if (!existsSync(dir)) throw new Error(`No build in ${outDir}: run \`npm run build\` first.`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const data = readFileSync(join(dir, f));
      return { file: `content-scripts/${f}`, bytes: statSync(join(dir, f)).size, gzip: gzipSync(data).length };
    });
}

export function runSizeBench(): boolean {
  const rows = measureContentScripts();
  console.log('\nContent-script size (Chromium build)');
  for (const r of rows) {
    console.log(`  ${r.file.padEnd(36)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KB  (gzip ${(r.gzip / 1024).toFixed(1)} KB)`);
  }
  const main = rows.find((r) => r.file === 'content-scripts/content.js');
  const ok = main !== undefined && main.bytes <= CONTENT_SCRIPT_BUDGET_BYTES;
  console.log(
    `  budget: content.js ≤ ${CONTENT_SCRIPT_BUDGET_BYTES / 1024} KB → ${main ? (main.bytes / 1024).toFixed(1) : '?'} KB ${ok ? 'PASS' : 'FAIL'}`,
  );
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) runSizeBench();

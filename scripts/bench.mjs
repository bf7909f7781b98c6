// `npm run bench`: builds what the benchmarks need (the extension for the size figures and the
// browser bench, the editor fixtures for the browser bench) when missing or with --build, then
// runs tests/bench/index.ts with tsx. Works on a fresh clone after `npm ci`.
import { existsSync, readFileSync } from 'node:fs';
import { run, npx } from './run.mjs';

const rebuild = process.argv.includes('--build');

async function must(command, args) {
  const code = await run(command, args);
  if (code !== 0) process.exit(code);
}

if (rebuild || !existsSync('.output/chrome-mv3/manifest.json')) await must(npx, ['wxt', 'build']);

const fixtures = Object.keys(JSON.parse(readFileSync('tests/fixtures/fixtures.json', 'utf8')));
if (rebuild || fixtures.some((name) => !existsSync(`tests/fixtures/dist/${name}.html`))) {
  await must(process.execPath, ['scripts/build-fixtures.mjs']);
}
process.exit(await run(npx, ['tsx', 'tests/bench/index.ts']));

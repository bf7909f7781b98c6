// `npm run bench`: builds (for the size figures), then runs tests/bench/index.ts with tsx.
import { existsSync } from 'node:fs';
import { run, npx } from './run.mjs';

if (!existsSync('.output/chrome-mv3/manifest.json') || process.argv.includes('--build')) {
  const code = await run(npx, ['wxt', 'build']);
  if (code !== 0) process.exit(code);
}
process.exit(await run(npx, ['tsx', 'tests/bench/index.ts']));

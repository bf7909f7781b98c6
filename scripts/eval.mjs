// `npm run eval [-- --heldout | --check]`: guideline-quality evaluation (tests/eval/cli.ts).
import { run, npx } from './run.mjs';

process.exit(await run(npx, ['tsx', 'tests/eval/cli.ts', ...process.argv.slice(2)]));

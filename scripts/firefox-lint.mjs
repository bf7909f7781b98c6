// Builds the Firefox (MV2) package and runs Mozilla's web-ext lint on it; fails on any lint error.
import { run, npx } from './run.mjs';

const build = await run(npx, ['wxt', 'build', '-b', 'firefox']);
if (build !== 0) process.exit(build);
const lint = await run(npx, ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-config-discovery']);
process.exit(lint);

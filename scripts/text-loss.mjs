// `npm run test:text-loss [-- --runs N --steps N --seed S --path P --editor NAME]`: the text-loss property test
// (tests/e2e/text-loss.spec.ts) with many more random action sequences than `npm test` runs
// (nightly-style). Builds the extension and the fixtures first; prints the seed of a failure.
import { spawnSync } from 'node:child_process';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const env = {
  ...process.env,
  ENVOY_TEXT_LOSS_RUNS: arg('runs', '40'),
  ENVOY_TEXT_LOSS_STEPS: arg('steps', '14'),
  ENVOY_TEXT_LOSS_SEED: arg('seed', 'random'),
  ENVOY_TEXT_LOSS_PATH: arg('path', ''),
};
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['wxt', 'build']);
run(process.execPath, ['scripts/build-fixtures.mjs']);
const only = arg('editor');
run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', 'tests/e2e/text-loss.spec.ts', ...(only ? ['-t', only] : [])]);

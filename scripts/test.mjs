// `npm test`: type-check, lint, unit tests, the eval smoke (detection / false-alarm floors), Chrome +
// Firefox builds (with web-ext lint), then the real-browser suites against the built extensions
// (Chromium via Playwright, Firefox ESR via WebDriver BiDi). Prints one closing line
// "N passed, N failed" summed over every vitest run.
import { readFileSync, rmSync } from 'node:fs';
import { run, npx } from './run.mjs';

const steps = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function tally(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch {
    // the runner crashed before writing a report: the step's exit code tells
  }
}

async function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const code = await run(command, args);
  steps.push({ name, ok: code === 0 });
  return code === 0;
}

const only = process.argv[2]; // optional: "unit" or "e2e"

if (only !== 'e2e') {
  await step('Type-check (tsc --noEmit)', npx, ['tsc', '--noEmit', '-p', '.']);
  await step('Lint (eslint)', npx, ['eslint', '.']);
  rmSync('.output/unit-report.json', { force: true });
  await step('Unit tests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.output/unit-report.json']);
  tally('.output/unit-report.json');
  // Guideline quality: the labelled eval corpus must keep the floors in tests/eval/floors.json.
  await step('Eval smoke (npm run eval -- --check)', npx, ['tsx', 'tests/eval/cli.ts', '--check']);
}
if (only !== 'unit') {
  const built = await step('Build for Chrome (wxt build)', npx, ['wxt', 'build']);
  const builtFirefox = await step('Build for Firefox and lint (web-ext lint)', process.execPath, ['scripts/firefox-lint.mjs']);
  await step('Build editor fixtures', process.execPath, ['scripts/build-fixtures.mjs']);
  if (built) {
    rmSync('.output/e2e-report.json', { force: true });
    await step('Real-browser tests (Chromium + built extension)', npx, [
      'vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=.output/e2e-report.json',
    ]);
    tally('.output/e2e-report.json');
  }
  if (builtFirefox) {
    rmSync('.output/e2e-firefox-report.json', { force: true });
    await step('Real-browser tests (Firefox ESR over WebDriver BiDi + Firefox build)', npx, [
      'vitest', 'run', '-c', 'vitest.firefox.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=.output/e2e-firefox-report.json',
    ]);
    tally('.output/e2e-firefox-report.json');
  }
}

console.log('\nSummary:');
for (const s of steps) console.log(`  ${s.ok ? '✔' : '✘'} ${s.name}`);
const stepFailures = steps.filter((s) => !s.ok).length;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(stepFailures > 0 || failed > 0 ? 1 : 0);

import { defineConfig } from 'vitest/config';

/**
 * Browser (Playwright) suite: real Chromium, one file at a time (2-core machine, each file launches
 * one persistent context). Build the fixtures first:
 *   node scripts/build-fixtures.mjs && npx vitest run -c vitest.e2e.config.ts
 * See tests/e2e/harness.ts.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.spec.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // The WXT plugin / happy-dom setup of vitest.config.ts must not leak in here.
    setupFiles: [],
  },
});

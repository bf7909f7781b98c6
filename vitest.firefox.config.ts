import { defineConfig } from 'vitest/config';

/**
 * Firefox suite: Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core), with the
 * Firefox build of the extension. Build first:
 *   npx wxt build -b firefox && node scripts/build-fixtures.mjs && npx vitest run -c vitest.firefox.config.ts
 * See tests/e2e-firefox/harness.ts.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.spec.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    setupFiles: [],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/use-shared-model.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: keep the worker count at two so suites that start servers do not starve each other.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'node_modules/.cache/vitest-report.json' },
  },
});

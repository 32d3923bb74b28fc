import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    // PDFs, zips and hashes are real work: coverage instrumentation on a busy machine can take several times 5 s.
    testTimeout: 60_000,
    reporters: process.env.CI ? ['default', './tests/reporters/vitest-no-skips.ts'] : ['default'],
    coverage: {
      provider: 'v8',
      include: ['src/core/**/*.ts'],
      reporter: ['text-summary'],
      // The bar for the pure core; `npm run test:unit -- --coverage` fails below it.
      thresholds: { statements: 90 },
    },
  },
});

import { defineConfig } from 'vitest/config';

// LibreOffice converting the Word editions is heavy: it runs after the other unit tests, not beside them, so
// that it never slows their timed work on a busy machine.
const LIBREOFFICE = 'tests/unit/word-libreoffice.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
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
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [LIBREOFFICE], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'libreoffice', include: [LIBREOFFICE], sequence: { groupOrder: 1 } } },
    ],
  },
});

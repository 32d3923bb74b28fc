import { defineConfig } from 'vitest/config';

// LibreOffice converting the Word editions is heavy: it runs after the other unit tests, not beside them, so
// that it never slows their timed work on a busy machine.
const LIBREOFFICE = 'tests/unit/word-libreoffice.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [LIBREOFFICE], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'libreoffice', include: [LIBREOFFICE], sequence: { groupOrder: 1 } } },
    ],
  },
});

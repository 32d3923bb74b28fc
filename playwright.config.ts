import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

// The built site is served by `astro preview` on fixed ports; scripts/serve.mjs refuses a taken port,
// and reuseExistingServer: false makes Playwright fail loudly rather than test someone else's server.
// E2E_PORT moves both, so that two checkouts can run their suites side by side.
export const ROOT_PORT = Number(process.env.E2E_PORT || 4410);
export const SUB_PORT = ROOT_PORT + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  // No retries: a test that fails once is a bug to find (the two-tab takeover race was one).
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['./tests/reporters/playwright-no-skips.ts']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${ROOT_PORT}`,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'node scripts/serve.mjs',
      env: { PORT: String(ROOT_PORT), OUT_DIR: 'dist' },
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'node scripts/serve.mjs',
      env: { PORT: String(SUB_PORT), OUT_DIR: 'dist-sub', BASE_PATH: '/some/sub/' },
      url: `http://127.0.0.1:${SUB_PORT}/some/sub/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});

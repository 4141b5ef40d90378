import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e-tests/chromium';

/*
 * End-to-end tests of the demo portal in real Chromium (Debian's /usr/bin/chromium: Playwright's
 * own browser download does not work on these machines). `yarn e2e` (from the repository root)
 * starts the portal with `yarn start` (SQLite in memory, the examples loaded) unless one is
 * already running locally. Screenshots go to the git-ignored e2e-screenshots/.
 */
export default defineConfig({
  testDir: 'e2e-tests',
  outputDir: 'node_modules/.cache/e2e-test-results',
  // The portal builds the frontend in development mode on first request; tests wait for data.
  timeout: 180_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  globalSetup: './e2e-tests/globalSetup.ts',
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'yarn start',
    url: 'http://localhost:7007/.backstage/health/v1/readiness',
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

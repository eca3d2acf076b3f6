import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';
import { DESKTOP } from './e2e/support/demo-page';

/**
 * `npm run e2e`: the global setup builds the library and the demo, then the browser scenarios
 * (`e2e/*.e2e.ts`) drive the built demo in Debian's Chromium, and the token endpoint's specs
 * (`demo-server/*.spec.ts`) run too. Each scenario file starts its own emulator, token endpoint
 * and static server on free ports of 127.0.0.1 (`startDemoStack()`), and stops them.
 *
 * One worker: the machines have two cores, and each file runs a whole stack. A failed test is
 * retried once with a trace (`npx playwright show-trace <zip>`); the HTML report is in
 * `e2e/artifacts/report/`.
 */
export default defineConfig({
  globalSetup: './e2e/support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'e2e/artifacts/test-results',
  reporter: [['list'], ['html', { outputFolder: 'e2e/artifacts/report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: DESKTOP,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'token-endpoint', testDir: 'demo-server', testMatch: '*.spec.ts' },
    { name: 'demo', testDir: 'e2e', testMatch: '*.e2e.ts' },
  ],
});

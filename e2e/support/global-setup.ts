import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runNg } from '../../demo-server/child-processes';
import { CHROMIUM_PATH } from './chromium';
import { DEMO_DIST } from './demo-stack';

function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

/**
 * Playwright's global setup: checks that Chromium is installed, then builds the library and the
 * demo (production) that every scenario serves. `E2E_SKIP_BUILD=1` reuses the last build.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y ` +
        'chromium (or set CHROMIUM_PATH).',
    );
  }
  if (process.env['E2E_SKIP_BUILD'] === '1') {
    log('E2E_SKIP_BUILD=1: using the demo built before');
  } else {
    log('building the library and the demo');
    await runNg(['build', 'ngx-stream-chat']);
    await runNg(['build', 'demo', '--configuration', 'production']);
  }
  if (!existsSync(join(DEMO_DIST, 'index.html'))) {
    throw new Error(`No built demo in ${DEMO_DIST}: run "npm run e2e" without E2E_SKIP_BUILD.`);
  }
}

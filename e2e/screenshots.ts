/**
 * `npm run screenshots`: builds the demo (unless `--no-build`), runs it against an emulator
 * seeded with the demo's seed, and saves PNG screenshots of the main screens, at 1280×800 and
 * 390×844, in the light and the dark theme, to `docs/screenshots/`:
 *
 *   connect-<viewport>-<theme>.png    the connect panel
 *   chat-<viewport>-<theme>.png       General as Alice: unread mark, presence, Bob typing
 *   channels-phone-<theme>.png        the channel list at 390 px
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, expect as baseExpect } from '@playwright/test';
import { WORKSPACE_ROOT, runNg } from '../demo-server/child-processes';
import { demoSeed } from '../demo-server/demo-seed';
import { DESKTOP, DemoPage, PHONE } from './support/demo-page';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { startDemoStack } from './support/demo-stack';

/** The e2e scenarios' expect timeout (playwright.config.ts), for a script outside the runner. */
const expect = baseExpect.configure({ timeout: 10_000 });

/** Where the screenshots go (committed, shown in the README). */
const OUTPUT = join(WORKSPACE_ROOT, 'docs', 'screenshots');

type Theme = 'light' | 'dark';

function log(message: string): void {
  process.stdout.write(`[screenshots] ${message}\n`);
}

async function save(demo: DemoPage, name: string): Promise<void> {
  const path = join(OUTPUT, `${name}.png`);
  // Stopped animations (the typing dots) and a hidden caret keep the pictures stable.
  await demo.page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  log(`saved ${path}`);
}

/** Waits until the open channel's list has settled at its first unread message or its end. */
async function settle(demo: DemoPage): Promise<void> {
  await expect(demo.messages.first()).toBeVisible();
  await demo.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

async function shootTheme(browser: Browser, theme: Theme): Promise<void> {
  const stack = await startDemoStack({ seed: demoSeed() });
  const opened: DemoPage[] = [];
  const open = async (viewport: typeof DESKTOP) => {
    const demo = await DemoPage.open(browser, stack.appUrl, viewport, theme);
    opened.push(demo);
    return demo;
  };
  try {
    const phone = await open(PHONE);
    const alice = await open(DESKTOP);
    const bob = await open(DESKTOP);

    await save(alice, `connect-desktop-${theme}`);
    await save(phone, `connect-phone-${theme}`);

    await phone.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
    await expect(phone.channelUnread('General')).toHaveText('4 unread');
    await save(phone, `channels-phone-${theme}`);

    await alice.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await alice.openChannel('General');
    await expect(alice.page.getByTestId('channel-presence')).toHaveText('3 members, 2 online');
    await bob.openChannel('General');
    await bob.composer.pressSequentially('On it', { delay: 20 });
    await expect(alice.typingIndicator).toHaveText('Bob Nguyen is typing…');
    await settle(alice);
    await save(alice, `chat-desktop-${theme}`);

    await phone.openChannel('General');
    await settle(phone);
    await save(phone, `chat-phone-${theme}`);
  } finally {
    await Promise.all(opened.map((demo) => demo.close()));
    await stack.close();
  }
}

async function main(argv: string[]): Promise<void> {
  if (!argv.includes('--no-build')) {
    log('building the library and the demo');
    await runNg(['build', 'ngx-stream-chat']);
    await runNg(['build', 'demo', '--configuration', 'production']);
  }
  mkdirSync(OUTPUT, { recursive: true });
  // The same Chromium and flags as the e2e scenarios (playwright.config.ts).
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const theme of ['light', 'dark'] as const) {
      await shootTheme(browser, theme);
    }
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

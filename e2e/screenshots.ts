/**
 * `npm run screenshots`: builds the demo (unless `--no-build`), runs it against an emulator
 * seeded with the demo's seed, and saves PNG screenshots of the main screens, at 1280×800 and
 * 390×844, in the light and the dark theme, to `docs/screenshots/`:
 *
 *   connect-<viewport>-<theme>.png       the connect panel
 *   chat-<viewport>-<theme>.png          General as Alice: unread mark, presence, Bob typing
 *   channels-phone-<theme>.png           the channel list at 390 px
 *   conversation-<viewport>-<theme>.png  Alice and Bob: an image and a file, reactions, replies;
 *                                        on the desktop with the thread open beside
 *   thread-phone-<theme>.png             that thread at 390 px
 *   channel-menu-<viewport>-<theme>.png  the channel's menu (members, mute, pin, archive, slow mode)
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

/** A picture to attach: a small poster drawn in a scratch page of the browser. */
async function poster(browser: Browser, theme: Theme): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 480, height: 270 } });
  try {
    await page.setContent(`
      <body style="margin:0;display:grid;place-items:center;height:100vh;font:700 44px system-ui;
        color:#fff;background:linear-gradient(135deg,${theme === 'light' ? '#4f46e5,#0ea5e9' : '#312e81,#0f766e'})">
        <div style="text-align:center">Launch day<div style="font:400 22px system-ui">Friday, 10:00</div></div>
      </body>`);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

/**
 * Bob sends a poster and an agenda to Alice and Bob; both react, and both reply in its thread.
 * Leaves Alice (desktop) with the thread open.
 */
async function converse(browser: Browser, theme: Theme, alice: DemoPage, bob: DemoPage) {
  const text = 'Poster and agenda for Friday';
  await alice.openChannel('Alice and Bob');
  await bob.openChannel('Alice and Bob');
  await bob.page.getByTestId('composer-file-input').setInputFiles([
    { name: 'launch-poster.png', mimeType: 'image/png', buffer: await poster(browser, theme) },
    { name: 'agenda.txt', mimeType: 'text/plain', buffer: Buffer.from('10:00 doors, 10:30 demo') },
  ]);
  await expect(
    bob.page.locator('[data-testid="attachment-preview"][data-state="success"]'),
  ).toHaveCount(2);
  await bob.send(text);

  const react = async (demo: DemoPage, label: string) => {
    const message = demo.message(text);
    await message.hover();
    await message.getByRole('button', { name: /^Add a reaction/ }).click();
    await demo.page.getByRole('menuitemcheckbox', { name: label }).click();
  };
  await react(alice, 'Heart');
  await react(bob, 'Thumbs up');
  await react(alice, 'Thumbs up');
  await expect(alice.message(text).getByTestId('reaction-like')).toHaveText(/👍\s*2/);

  const message = alice.message(text);
  await message.hover();
  await message.getByRole('button', { name: /^Actions for the message/ }).click();
  await alice.page.getByRole('menuitem', { name: 'Reply in thread', exact: true }).click();
  const thread = alice.page.getByTestId('thread-panel');
  await thread.locator('textarea').fill('Looks great. Can we print ten?');
  await thread.locator('textarea').press('Enter');
  await bob.message(text).getByTestId('reply-count').click();
  const bobsThread = bob.page.getByTestId('thread-panel');
  await bobsThread.locator('textarea').fill('Ordered: ready Thursday.');
  await bobsThread.locator('textarea').press('Enter');
  await expect(thread.getByText('Ordered: ready Thursday.')).toBeVisible();
  await expect(
    alice.message(text).first().getByTestId('message-image').locator('img'),
  ).toHaveJSProperty('complete', true);
  await expect(alice.page.getByTestId('thread-reply-count')).toHaveText('2 replies');
  await toBottom(alice);
}

/** Moves the pointer off the messages and scrolls the channel's list to its latest message. */
async function toBottom(demo: DemoPage): Promise<void> {
  await demo.page.mouse.move(1, 1);
  await demo.page
    .getByRole('log', { name: /^Messages in / })
    .evaluate((log) => (log.scrollTop = log.scrollHeight));
  await demo.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/** Opens the open channel's menu. */
async function openChannelMenu(demo: DemoPage): Promise<void> {
  await demo.page.getByRole('button', { name: 'Channel options' }).click();
  await expect(demo.page.getByRole('menu', { name: 'Channel options' })).toBeVisible();
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

    await openChannelMenu(alice);
    await save(alice, `channel-menu-desktop-${theme}`);
    await alice.page.keyboard.press('Escape');
    await openChannelMenu(phone);
    await save(phone, `channel-menu-phone-${theme}`);
    await phone.page.keyboard.press('Escape');

    await converse(browser, theme, alice, bob);
    await save(alice, `conversation-desktop-${theme}`);
    await phone.backToChannels();
    await phone.openChannel('Alice and Bob');
    await expect(
      phone.message('Poster and agenda for Friday').getByTestId('reply-count'),
    ).toHaveText('2 replies');
    await toBottom(phone);
    await save(phone, `conversation-phone-${theme}`);
    await phone.message('Poster and agenda for Friday').getByTestId('reply-count').click();
    await expect(
      phone.page.getByTestId('thread-panel').getByText('Ordered: ready Thursday.'),
    ).toBeVisible();
    await save(phone, `thread-phone-${theme}`);
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

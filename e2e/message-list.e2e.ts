import { expect, test } from '@playwright/test';
import { demoSeed } from '../demo-server/demo-seed';
import { DemoPage, PHONE } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';
import { FocusTarget, blurAll, pressUntilFocused } from './support/keyboard';

/**
 * The message list and presence, with the demo's seed (General has more than one page of
 * history over several days; Alice has 4 unread messages there) and an empty channel.
 */
test.describe('message list and presence', () => {
  // One session, step by step: each test goes on from where the one before stopped.
  test.describe.configure({ mode: 'serial', timeout: 90_000 });

  let stack: DemoStack;
  let alice: DemoPage;
  let bob: DemoPage;

  test.beforeAll(async ({ browser }) => {
    const seed = demoSeed();
    seed.channels.push({
      type: 'messaging',
      id: 'quiet',
      name: 'Quiet room',
      created_by_id: 'alice',
      members: ['alice', 'bob'],
      messages: [],
    });
    stack = await startDemoStack({ seed });
    alice = await DemoPage.open(browser, stack.appUrl);
    bob = await DemoPage.open(browser, stack.appUrl, PHONE);
    await alice.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
  });

  test.afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.close();
  });

  const presence = (demo: DemoPage) => demo.page.getByTestId('channel-presence');
  const pill = (demo: DemoPage) => demo.page.getByTestId('new-messages-pill');
  const separator = (demo: DemoPage, label: string) =>
    demo.page.getByRole('separator', { name: label });

  test('shows alice who is online, and bob coming online and going offline', async () => {
    await expect(
      alice.channel('Alice and Bob').getByTestId('channel-counterpart-presence'),
    ).toHaveText('Bob Nguyen is offline');
    await alice.openChannel('General');
    await expect(presence(alice)).toHaveText('3 members, 1 online');

    await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
    await expect(presence(alice)).toHaveText('3 members, 2 online');
    await expect(
      alice.channel('Alice and Bob').getByTestId('channel-counterpart-presence'),
    ).toHaveText('Bob Nguyen is online');
    await expect(
      alice.page.getByRole('list', { name: 'Members' }).getByText('Bob Nguyen, online'),
    ).toHaveCount(1);

    await bob.page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(presence(alice)).toHaveText('3 members, 1 online');
    await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
    await expect(presence(alice)).toHaveText('3 members, 2 online');
  });

  test('opens General at the first unread message, under a "New messages" mark, grouped by author', async () => {
    await expect(separator(alice, 'New messages')).toBeVisible();
    await expect(separator(alice, 'Today')).toHaveCount(1);
    const firstUnread = alice.message('All green on CI.');
    await expect(firstUnread).toBeVisible();
    // The mark sits right before the first unread message.
    await expect
      .poll(() =>
        alice.page.evaluate(() => {
          const items = [...document.querySelectorAll('[role="log"] li')];
          const mark = items.findIndex((li) => li.querySelector('[aria-label="New messages"]'));
          const next = items[mark + 1]?.querySelector('[data-testid="message-text"]');
          return next?.textContent?.trim();
        }),
      )
      .toBe('All green on CI.');

    // Alice's two messages in a row share one header; the latest shows a relative time.
    await expect(alice.message('Morning! Release day.').getByTestId('message-sender')).toHaveText(
      'You',
    );
    await expect(
      alice.message('Tagging in an hour unless someone shouts.').getByTestId('message-sender'),
    ).toHaveCount(0);
    const latest = alice.message('Thanks! Tag it whenever you are ready.').locator('time');
    await expect(latest).toHaveText(/^\d+ minutes ago$/);
    await expect(latest).toHaveAttribute('title', /\d{4}/);

    // Opening it marked it read: the badge is gone, the mark stays while the channel is open.
    await expect(alice.channelUnread('General')).toHaveCount(0);
    await expect(separator(alice, 'New messages')).toBeVisible();
  });

  test('loads older messages as alice scrolls up, back to the start of the channel', async () => {
    const log = alice.page.getByRole('log', { name: 'Messages in General' });
    const start = alice.page.getByTestId('channel-start');
    // Where a message sits in the log, in px from the log's top; scrolls first if asked to.
    const offsetOf = (id: string, scrollTop?: number) =>
      log.evaluate(
        (element, [id, scrollTop]) => {
          if (scrollTop !== undefined) {
            element.scrollTop = scrollTop as number;
          }
          const message = element.querySelector(`[data-message-id="${id}"]`)!;
          return message.getBoundingClientRect().top - element.getBoundingClientRect().top;
        },
        [id, scrollTop] as const,
      );
    while (!(await start.isVisible())) {
      const shown = await alice.messages.count();
      const oldest = (await alice.messages.first().getAttribute('data-message-id'))!;
      // Near the top (not at 0, where browsers do not anchor the scroll position themselves).
      const before = await offsetOf(oldest, 100);
      await expect
        .poll(async () => (await alice.messages.count()) > shown || (await start.isVisible()), {
          message: 'older messages to load',
        })
        .toBe(true);
      // The page grew above it, and the message alice was reading stayed where it was.
      await expect
        .poll(async () => Math.abs((await offsetOf(oldest)) - before), {
          message: `message ${oldest} to stay at ${before}px`,
        })
        .toBeLessThanOrEqual(2);
    }
    await expect(alice.page.getByTestId('channel-start')).toHaveText(
      'This is the start of General.',
    );
    await expect(alice.message('Morning all! Release 2.4 planning starts today.')).toBeVisible();
    await expect(separator(alice, 'Yesterday')).toHaveCount(1);
    await expect(alice.messages).toHaveCount(37);
  });

  test('tells alice, scrolled up, that bob wrote, and takes her down to it', async () => {
    await expect(pill(alice)).toHaveText('Jump to latest');
    await bob.openChannel('General');
    await bob.send('Tag is out!');
    await expect(pill(alice)).toHaveText('1 new message');
    await expect(alice.message('Tag is out!')).toHaveCount(1);
    await expect(alice.message('Tag is out!')).toBeVisible();
    const inView = () =>
      alice.message('Tag is out!').evaluate((element) => {
        const log = element.closest('[role="log"]')!.getBoundingClientRect();
        const box = element.getBoundingClientRect();
        return box.top >= log.top && box.bottom <= log.bottom;
      });
    expect(await inView()).toBe(false);

    await pill(alice).click();
    await expect(pill(alice)).toHaveCount(0);
    await expect.poll(inView).toBe(true);
  });

  test('follows new messages while alice is at the bottom', async () => {
    await bob.send('And the release notes are published.');
    await expect(alice.message('And the release notes are published.')).toBeVisible();
    await expect(pill(alice)).toHaveCount(0);
  });

  test('keeps a short channel at the bottom, next to the composer', async () => {
    await alice.openChannel('Alice and Bob');
    // The last message sits at the bottom of the log, not under a large empty area.
    await expect
      .poll(() =>
        alice.page.evaluate(() => {
          const log = document.querySelector('[role="log"]')!.getBoundingClientRect();
          const items = document.querySelectorAll('[role="log"] demo-message-item');
          return log.bottom - items[items.length - 1].getBoundingClientRect().bottom;
        }),
      )
      .toBeLessThan(40);
  });

  test('shows an empty channel to both, until the first message reaches bob', async () => {
    await alice.openChannel('Quiet room');
    await bob.backToChannels();
    await bob.openChannel('Quiet room');
    await expect(alice.page.getByTestId('empty-channel')).toHaveText(/No messages yet/);
    await expect(bob.page.getByTestId('empty-channel')).toHaveText(/No messages yet/);

    await alice.send('First!');
    await expect(bob.message('First!')).toBeVisible();
    await expect(bob.page.getByTestId('empty-channel')).toHaveCount(0);
    await expect(bob.page.getByTestId('channel-start')).toHaveText(
      'This is the start of Quiet room.',
    );
  });

  test('remembers the dark theme across a reload', async () => {
    const background = () =>
      alice.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await alice.page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(alice.page.locator('html[data-theme="dark"]')).toHaveCount(1);
    await expect.poll(background).not.toBe(light);
    await alice.page.reload();
    await expect(alice.page.locator('html[data-theme="dark"]')).toHaveCount(1);
    await expect(
      alice.page.getByRole('button', { name: 'Dark theme', pressed: true }),
    ).toBeVisible();
  });

  test('works with the keyboard alone, the focus always visible: pick a channel, write', async () => {
    await alice.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await bob.backToChannels();
    await bob.openChannel('Alice and Bob');
    const tabUntil = (what: string, target: FocusTarget) =>
      pressUntilFocused(alice.page, 'Tab', what, target);
    await blurAll(alice.page);
    await tabUntil('the Alice and Bob channel', { text: 'Alice and Bob' });
    await alice.page.keyboard.press('Enter');
    await expect(alice.page.getByTestId('channel-title')).toHaveText('Alice and Bob');
    await tabUntil('the message log', { selector: '[role="log"]' });
    await tabUntil('the composer', { selector: '#composer-input' });
    await alice.page.keyboard.type('Typed without a mouse');
    await alice.page.keyboard.press('Enter');
    await expect(bob.message('Typed without a mouse')).toBeVisible();
  });

  test('labels every control (no unnamed button, field or link in the accessibility tree)', async () => {
    await alice.openChannel('General');
    for (const demo of [alice, bob]) {
      const tree = await demo.page.locator('body').ariaSnapshot();
      const unnamed = tree
        .split('\n')
        .filter((line) =>
          /^\s*- (button|textbox|checkbox|radio|link|combobox|menuitem)(\s*\[[^\]]*\])*:?$/.test(
            line,
          ),
        );
      expect(unnamed, `unnamed controls:\n${tree}`).toEqual([]);
    }
  });
});

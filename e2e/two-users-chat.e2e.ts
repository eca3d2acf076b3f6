import { expect, test } from '@playwright/test';
import { DemoPage, PHONE } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';

test.describe('two users chat', () => {
  // One conversation, step by step: each test goes on from where the one before stopped.
  test.describe.configure({ mode: 'serial' });

  let stack: DemoStack;
  let alice: DemoPage;
  let bob: DemoPage;

  test.beforeAll(async ({ browser }) => {
    stack = await startDemoStack();
    alice = await DemoPage.open(browser, stack.appUrl);
    bob = await DemoPage.open(browser, stack.appUrl, PHONE);
    await alice.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
  });

  test.afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.close();
  });

  test('shows bob the seeded unread message in the list and the header', async () => {
    await expect(bob.channelUnread('Alice and Bob')).toHaveText('1 unread');
    await expect(bob.totalUnread).toHaveText('1 unread');
    await bob.screenshot('chat-bob-390px-channel-list');
  });

  test("raises bob's badges when alice writes, and clears them when he opens the channel", async () => {
    await alice.openChannel('Alice and Bob');
    await alice.send('Are you coming to lunch?');

    await expect(bob.channelUnread('Alice and Bob')).toHaveText('2 unread');
    await expect(bob.totalUnread).toHaveText('2 unread');
    await expect(bob.channel('Alice and Bob').getByTestId('channel-preview')).toHaveText(
      'Alice Martin: Are you coming to lunch?',
    );

    await bob.openChannel('Alice and Bob');
    await expect(bob.message('Are you coming to lunch?')).toBeVisible();
    await expect(bob.totalUnread).toHaveCount(0);
    await bob.backToChannels();
    await expect(bob.channelUnread('Alice and Bob')).toHaveCount(0);
    await bob.openChannel('Alice and Bob');
  });

  test('shows alice that bob is typing, until he sends', async () => {
    await bob.composer.pressSequentially('Yes', { delay: 30 });
    await expect(alice.typingIndicator).toHaveText('Bob Nguyen is typing…');
    await alice.screenshot('chat-alice-sees-typing');

    await bob.composer.pressSequentially(', see you at 12:30!', { delay: 10 });
    await bob.composer.press('Enter');
    await expect(alice.message('Yes, see you at 12:30!')).toBeVisible();
    await expect(alice.typingIndicator).toHaveText('');
  });

  test("sets each person's own messages apart, with sender and time on every message", async () => {
    await expect(
      alice.message('Are you coming to lunch?').and(alice.page.locator('.own')),
    ).toBeVisible();
    await expect(alice.message('Yes, see you at 12:30!').getByTestId('message-sender')).toHaveText(
      'Bob Nguyen',
    );
    await expect(bob.message('Yes, see you at 12:30!').getByTestId('message-sender')).toHaveText(
      'You',
    );
    await expect(alice.message('Yes, see you at 12:30!').locator('time')).toBeVisible();
    await alice.screenshot('chat-alice-desktop');
    await bob.screenshot('chat-bob-390px-channel');
  });

  test('shows a failed send with a retry that sends it', async () => {
    // The server fails alice's next message (only that request: typing events go through).
    let failures = 0;
    await alice.page.route('**/channels/messaging/alice-bob/message?**', (route) => {
      if (route.request().method() !== 'POST' || failures > 0) {
        return route.continue();
      }
      failures++;
      return route.fulfill({
        status: 500,
        headers: { 'Access-Control-Allow-Origin': '*' },
        contentType: 'application/json',
        body: JSON.stringify({
          code: -1,
          message: 'SendMessage failed: internal error',
          StatusCode: 500,
        }),
      });
    });
    await alice.composer.fill('This one fails the first time.');
    await alice.composer.press('Enter');
    const failed = alice.message('This one fails the first time.');
    await expect(failed.and(alice.page.locator('[data-status="failed"]'))).toBeVisible();
    await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible();
    await alice.screenshot('chat-alice-failed-send');

    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(failed.and(alice.page.locator('[data-status="received"]'))).toBeVisible();
    await expect(bob.message('This one fails the first time.')).toBeVisible();
    await expect(bob.message('This one fails the first time.')).toHaveCount(1);
  });
});

import { expect, test } from '@playwright/test';
import { demoSeed } from '../demo-server/demo-seed';
import { DemoPage } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';
import { blurAll, expectFocusVisibleOn, pressUntilFocused } from './support/keyboard';

/**
 * The whole path with the keyboard alone, the focus visible at every stop: Alice connects on the
 * connect panel, opens a channel, writes, reacts, opens the thread and replies; Bob, in another
 * browser context, sees each step.
 */
test.describe('keyboard only', () => {
  test.describe.configure({ timeout: 90_000 });

  let stack: DemoStack;

  test.beforeAll(async () => {
    stack = await startDemoStack({ seed: demoSeed() });
  });

  test.afterAll(async () => {
    await stack?.close();
  });

  test('connects, opens a channel, sends, reacts, opens a thread and replies', async ({
    browser,
  }) => {
    const alice = await DemoPage.open(browser, stack.appUrl);
    const bob = await DemoPage.open(browser, stack.appUrl);
    try {
      await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
      await bob.openChannel('Alice and Bob');

      const page = alice.page;
      const tab = (what: string, selector: string, text?: string) =>
        pressUntilFocused(page, 'Tab', what, { selector, ...(text ? { text } : {}) });
      /** Moves within a radio group with the arrows until `value` is checked (and focused). */
      const pickRadio = async (name: string, value: string) => {
        await tab(`the ${name} choices`, `input[name="${name}"]`);
        await pressUntilFocused(page, 'ArrowDown', `the ${value} ${name}`, {
          selector: `input[name="${name}"][value="${value}"]:checked`,
        });
      };

      // Connect panel: the mode, the user, then Connect.
      await blurAll(page);
      await pickRadio('mode', 'token-provider');
      await pickRadio('user', 'alice');
      await tab('the Connect button', 'button[type="submit"]', 'Connect');
      await page.keyboard.press('Enter');
      await expect(alice.connectionState).toHaveText('Online');

      // The channel, then the composer.
      await blurAll(page);
      await tab('the Alice and Bob channel', 'button', 'Alice and Bob');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('channel-title')).toHaveText('Alice and Bob');
      await tab('the composer', '#composer-input');
      await page.keyboard.type('Sent with the keyboard alone');
      await page.keyboard.press('Enter');
      const bobsView = bob.message('Sent with the keyboard alone');
      await expect(bobsView).toBeVisible();

      // Back from the composer to the new message's reaction button: the picker opens on 👍.
      const ownMessageTool = (label: string) =>
        `button[aria-label^="${label} the message from Alice Martin"]`;
      await pressUntilFocused(page, 'Shift+Tab', 'the reaction button of the new message', {
        selector: ownMessageTool('Add a reaction to'),
      });
      await page.keyboard.press('Enter');
      await expectFocusVisibleOn(page, 'the first reaction', {
        selector: '[role="menuitemcheckbox"][aria-label="Thumbs up"]',
      });
      await page.keyboard.press('Enter');
      await expect(bobsView.getByTestId('reaction-like')).toHaveText(/👍\s*1/);
      // Bob reads at the bottom: the list grows with the reaction, and stays there.
      await expect(bobsView.getByTestId('reaction-like')).toBeInViewport({ ratio: 1 });

      // The message's actions: "Reply in thread" opens the thread with its composer focused.
      await tab('the actions button of the new message', ownMessageTool('Actions for'));
      await page.keyboard.press('Enter');
      await pressUntilFocused(page, 'ArrowDown', 'Reply in thread', {
        selector: '[role="menuitem"]',
        text: 'Reply in thread',
      });
      await page.keyboard.press('Enter');
      const thread = page.getByTestId('thread-panel');
      await expect(thread).toBeVisible();
      await expectFocusVisibleOn(page, 'the thread composer', {
        selector: '[data-testid="thread-panel"] textarea',
      });
      await page.keyboard.type('A reply, still without a mouse');
      await page.keyboard.press('Enter');
      await expect(thread.getByText('A reply, still without a mouse')).toBeVisible();

      await expect(bobsView.getByTestId('reply-count')).toHaveText('1 reply');
      await expect(bobsView.getByTestId('reply-count')).toBeInViewport({ ratio: 1 });
      await bobsView.getByTestId('reply-count').click();
      await expect(
        bob.page.getByTestId('thread-panel').getByText('A reply, still without a mouse'),
      ).toBeVisible();
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });
});

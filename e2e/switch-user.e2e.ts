import { expect, test } from '@playwright/test';
import { DemoPage } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';

test.describe('switching user', () => {
  // One window, step by step: each test goes on from where the one before stopped.
  test.describe.configure({ mode: 'serial' });

  let stack: DemoStack;
  let demo: DemoPage;

  test.beforeAll(async ({ browser }) => {
    stack = await startDemoStack();
    demo = await DemoPage.open(browser, stack.appUrl);
  });

  test.afterAll(async () => {
    await demo?.close();
    await stack?.close();
  });

  test('disconnects alice, resets her channels and connects bob, keeping the mode', async () => {
    await demo.connectAndWait({ mode: 'Development token', user: 'Alice Martin' });
    await demo.openChannel('General');
    await expect(demo.channel('Design reviews')).toHaveCount(0);

    await demo.page.getByRole('button', { name: 'Switch user' }).click();
    const menu = demo.page.getByRole('menu', { name: 'Switch to another user' });
    await expect(menu.getByRole('menuitem', { name: 'Alice Martin' })).toHaveCount(0);
    await menu.getByRole('menuitem', { name: 'Bob Nguyen' }).click();

    await expect(demo.currentUserName).toHaveText('Bob Nguyen');
    await expect(demo.connectionState).toHaveText('Online');
    await expect(demo.channel('Design reviews')).toBeVisible();
    await expect(demo.page.getByText('Pick a channel')).toBeVisible();
    await stack.emulator.faults.waitForConnectionCount(0, { userId: 'alice' });
    await stack.emulator.faults.waitForConnectionCount(1, { userId: 'bob' });

    await demo.openChannel('Design reviews');
    await demo.send('Bob here, after a switch.');
    expect(stack.storedMessages('messaging:design').at(-1)).toMatchObject({
      userId: 'bob',
      text: 'Bob here, after a switch.',
    });
  });

  test('works the menu with the keyboard alone: arrows, Home, End, Escape, Space', async () => {
    const toggle = demo.page.getByRole('button', { name: 'Switch user' });
    const menu = demo.page.getByRole('menu', { name: 'Switch to another user' });
    await demo.tabTo('Switch user');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await demo.page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('menuitem')).toHaveCount(2);
    await demo.expectFocus('Alice Martin');
    for (const [key, focused] of [
      ['ArrowDown', 'Carol Diaz'],
      ['ArrowDown', 'Alice Martin'],
      ['ArrowUp', 'Carol Diaz'],
      ['Home', 'Alice Martin'],
      ['End', 'Carol Diaz'],
    ] as const) {
      await demo.page.keyboard.press(key);
      await demo.expectFocus(focused);
    }

    await demo.page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await demo.expectFocus('Switch user');

    await demo.page.keyboard.press('ArrowDown');
    await demo.expectFocus('Alice Martin');
    await demo.page.keyboard.press('Space');
    await expect(demo.currentUserName).toHaveText('Alice Martin');
    await expect(demo.connectionState).toHaveText('Online');
    await stack.emulator.faults.waitForConnectionCount(0, { userId: 'bob' });
  });

  test('disconnects and returns to the connect panel, which preselects the last choice', async () => {
    await demo.page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(demo.page.getByRole('heading', { name: 'Connect to chat' })).toBeVisible();
    await stack.emulator.faults.waitForConnectionCount(0);
    await expectChecked('Development token', 'Alice Martin');

    // The last choice survives a reload too (localStorage), token lifetime included.
    await demo.page.getByRole('radio', { name: 'Token provider' }).check();
    await demo.page.getByRole('radio', { name: 'Carol Diaz' }).check();
    await demo.page.getByLabel('Token lifetime (seconds)').fill('90');
    await demo.page.getByRole('button', { name: 'Connect' }).click();
    await expect(demo.connectionState).toHaveText('Online');
    await demo.page.getByRole('button', { name: 'Disconnect' }).click();
    await demo.page.reload();
    await expectChecked('Token provider', 'Carol Diaz');
    await expect(demo.page.getByLabel('Token lifetime (seconds)')).toHaveValue('90');
  });

  /** Fails unless these radio buttons of the connect panel are checked. */
  async function expectChecked(...labels: string[]): Promise<void> {
    for (const label of labels) {
      await expect(demo.page.getByRole('radio', { name: label })).toBeChecked();
    }
  }
});

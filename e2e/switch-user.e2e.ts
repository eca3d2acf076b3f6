import { after, before, describe, it } from 'node:test';
import { DemoPage } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';
import { expect } from './support/expect';

describe('switching user', { timeout: 60_000 }, () => {
  let stack: DemoStack;
  let demo: DemoPage;

  before(async () => {
    stack = await startDemoStack();
    demo = await DemoPage.open(stack.browser, stack.appUrl);
  });

  after(() => stack?.close());

  it('disconnects alice, resets her channels and connects bob, keeping the mode', async () => {
    await demo.connectAndWait({ mode: 'Development token', user: 'Alice Martin' });
    await demo.openChannel('General');
    await expect(demo.channel('Design reviews')).toHaveCount(0);

    await demo.page.getByRole('button', { name: 'Switch user' }).click();
    const menu = demo.page.getByRole('group', { name: 'Switch to another user' });
    await expect(menu.getByRole('button', { name: 'Alice Martin' })).toHaveCount(0);
    await menu.getByRole('button', { name: 'Bob Nguyen' }).click();

    await expect(demo.currentUserName).toHaveText('Bob Nguyen');
    await expect(demo.connectionState).toHaveText('Online');
    await expect(demo.channel('Design reviews')).toBeVisible();
    await expect(demo.page.getByText('Pick a channel')).toBeVisible();
    await stack.emulator.faults.waitForConnectionCount(0, { userId: 'alice' });
    await stack.emulator.faults.waitForConnectionCount(1, { userId: 'bob' });

    await demo.openChannel('Design reviews');
    await demo.send('Bob here, after a switch.');
    const last = stack.storedMessages('messaging:design').at(-1);
    if (last?.userId !== 'bob' || last.text !== 'Bob here, after a switch.') {
      throw new Error(`expected bob's message last in the channel, got ${JSON.stringify(last)}`);
    }
  });

  it('closes the menu with Escape and gives focus back to its button', async () => {
    const toggle = demo.page.getByRole('button', { name: 'Switch user' });
    await toggle.click();
    await expect(demo.page.getByRole('group', { name: 'Switch to another user' })).toBeVisible();
    await demo.page.keyboard.press('Escape');
    await expect(demo.page.getByRole('group', { name: 'Switch to another user' })).toHaveCount(0);
    const focused = await toggle.evaluate((element) => element === document.activeElement);
    if (!focused) {
      throw new Error('the "Switch user" button should have the focus back');
    }
  });

  it('disconnects and returns to the connect panel', async () => {
    await demo.page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(demo.page.getByRole('heading', { name: 'Connect to chat' })).toBeVisible();
    await stack.emulator.faults.waitForConnectionCount(0);
  });
});

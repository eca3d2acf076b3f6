import { expect, test } from '@playwright/test';
import { DemoPage } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';

test.describe('connection loss', () => {
  let stack: DemoStack;
  let alice: DemoPage;
  let bob: DemoPage;

  test.beforeAll(async ({ browser }) => {
    stack = await startDemoStack();
    alice = await DemoPage.open(browser, stack.appUrl);
    bob = await DemoPage.open(browser, stack.appUrl);
    await alice.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
    await alice.openChannel('General');
    await bob.openChannel('General');
  });

  test.afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.close();
  });

  test('shows offline when the emulator drops the sockets, then online, with the messages sent meanwhile', async () => {
    // A WebSocket outage for alice: her socket is dropped and new ones are refused for a while,
    // long enough for the client to report "offline" (it waits 5 s).
    stack.emulator.faults.refuseConnections(60_000, 'alice');
    expect(stack.emulator.faults.dropSockets({ userId: 'alice' }), "alice's one socket").toBe(1);
    await expect(alice.connectionState).toHaveText('Offline, reconnecting…', { timeout: 12_000 });
    await expect(alice.page.getByTestId('offline-notice')).toBeVisible();

    await bob.send('Did the connection drop?');
    await bob.send('Messages sent while you were away should show up.');
    await expect(alice.message('Did the connection drop?')).toHaveCount(0);
    await alice.screenshot('offline-alice');

    stack.emulator.faults.clearRequestFaults();
    await expect(alice.connectionState).toHaveText('Online', { timeout: 15_000 });
    await expect(alice.message('Did the connection drop?')).toBeVisible();
    await expect(alice.message('Messages sent while you were away should show up.')).toBeVisible();
    await expect(alice.page.getByTestId('offline-notice')).toHaveCount(0);

    await alice.send('Back online.');
    await expect(bob.message('Back online.')).toBeVisible();
  });
});

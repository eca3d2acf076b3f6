import { expect, test } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from 'stream-chat-emulator';
import { RunningTokenEndpoint, startTokenEndpoint } from '../demo-server/token-endpoint';
import { DemoPage } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';

test.describe('an outage of the chat server and the token endpoint', () => {
  test.describe.configure({ timeout: 90_000 });

  let stack: DemoStack;
  let alice: DemoPage;
  /** The servers started again after the outage (the stack closes only the first ones). */
  let emulator: RunningEmulator | undefined;
  let tokenEndpoint: RunningTokenEndpoint | undefined;

  test.beforeAll(async ({ browser }) => {
    stack = await startDemoStack();
    alice = await DemoPage.open(browser, stack.appUrl);
  });

  test.afterAll(async () => {
    await alice?.close();
    await stack?.close();
    await Promise.all([emulator?.close(), tokenEndpoint?.close()]);
  });

  test('shows online again soon after both come back, with the message sent after the return', async () => {
    await alice.connectAndWait({
      mode: 'Token provider',
      user: 'Alice Martin',
      tokenLifetimeSeconds: 10,
    });
    await alice.openChannel('General');
    const { port, apiKey, apiSecret } = stack.emulator;
    const endpointPort = Number(new URL(stack.tokenEndpoint.url).port);

    // Both servers go down for 15 s: alice's token expires meanwhile, so coming back needs the
    // token endpoint too. The chat server comes back with its state (as from its database).
    const state = stack.emulator.snapshot();
    await Promise.all([stack.emulator.close(), stack.tokenEndpoint.close()]);
    await expect(alice.connectionState).toHaveText('Offline, reconnecting…', { timeout: 12_000 });
    await sleep(15_000 - 5_000);
    emulator = await startEmulator({
      port,
      host: '127.0.0.1',
      quiet: true,
      apiKey,
      apiSecret,
      seed: state,
    });
    tokenEndpoint = await startTokenEndpoint({
      apiKey,
      apiSecret,
      port: endpointPort,
      allowedOrigins: [stack.appUrl],
    });
    const backAt = Date.now();

    await expect(alice.connectionState).toHaveText('Online', { timeout: 10_000 });
    process.stdout.write(
      `[e2e] alice online ${Date.now() - backAt} ms after the servers returned\n`,
    );
    const server = new StreamChat(apiKey, apiSecret, { baseURL: emulator.url });
    await server
      .channel('messaging', 'general')
      .sendMessage({ text: 'Welcome back, Alice.', user_id: 'bob' });
    await expect(alice.message('Welcome back, Alice.')).toBeVisible();
    await alice.send('Glad to be back.');
    await alice.screenshot('back-after-outage');
  });
});

/**
 * @jest-environment node
 */
import {
  EnvironmentInjector,
  Injector,
  PLATFORM_ID,
  createEnvironmentInjector,
  ɵINJECTOR_SCOPE as INJECTOR_SCOPE,
} from '@angular/core';
import { ChatClientService, provideStreamChat } from 'ngx-stream-chat';

describe('ChatClientService on the server platform (no DOM, no browser globals)', () => {
  it('provides and initialises without a window, a socket or a client', async () => {
    expect(typeof window).toBe('undefined');
    const root = Injector.create({ providers: [] }) as unknown as EnvironmentInjector;
    const injector = createEnvironmentInjector(
      [
        // A root-scoped injector, as a server app's, without a platform or a DOM.
        { provide: INJECTOR_SCOPE, useValue: 'root' },
        provideStreamChat({ apiKey: 'key' }),
        { provide: PLATFORM_ID, useValue: 'server' },
      ],
      root,
    );
    const chat = injector.get(ChatClientService);

    await expect(chat.init('key', 'alice', async () => 'token')).resolves.toBeUndefined();
    expect(chat.chatClient).toBeUndefined();
    expect(chat.user()).toBeUndefined();
    expect(chat.connectionState()).toBe('disconnected');
    await chat.disconnectUser();
    injector.destroy();
  });
});

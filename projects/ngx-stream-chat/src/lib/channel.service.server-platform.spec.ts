import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Channel } from 'stream-chat';
import {
  ChannelService,
  ChatClientService,
  StreamChatError,
  provideStreamChat,
} from 'ngx-stream-chat';

describe('ChannelService on the server platform', () => {
  const clientFactory = jest.fn();
  let chat: ChatClientService;
  let service: ChannelService;
  let xhrOpen: jest.SpyInstance;
  let fetchCalls: jest.Mock;

  beforeEach(() => {
    clientFactory.mockReset();
    xhrOpen = jest.spyOn(XMLHttpRequest.prototype, 'open');
    fetchCalls = jest.fn();
    globalThis.fetch = fetchCalls;
    TestBed.configureTestingModule({
      providers: [
        provideStreamChat({ apiKey: 'key', clientFactory }),
        { provide: PLATFORM_ID, useValue: 'server' },
      ],
    });
    chat = TestBed.inject(ChatClientService);
    service = TestBed.inject(ChannelService);
  });

  afterEach(() => {
    xhrOpen.mockRestore();
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('resolves init() after an awaited ChatClientService.init(), doing nothing', async () => {
    await expect(chat.init('key', 'alice', async () => 'token')).resolves.toBeUndefined();

    await expect(service.init({ members: { $in: ['alice'] } })).resolves.toEqual([]);

    expect(service.channels()).toBeUndefined();
    expect(service.channelQueryState()).toBeUndefined();
    expect(service.activeChannel()).toBeUndefined();
    expect(service.activeChannelMessages()).toEqual([]);
    expect(service.hasMoreChannels()).toBe(false);
    expect(clientFactory).not.toHaveBeenCalled();
    expect(xhrOpen).not.toHaveBeenCalled();
    expect(fetchCalls).not.toHaveBeenCalled();
  });

  it('resolves the other commands a page may call while rendering, doing nothing', async () => {
    await service.init({});

    await expect(service.setAsActiveChannel({ cid: 'messaging:x' } as Channel)).resolves.toBe(
      undefined,
    );
    await expect(service.loadMoreChannels()).resolves.toBeUndefined();
    await expect(service.loadMoreMessages()).resolves.toBeUndefined();
    await expect(service.typingStarted()).resolves.toBeUndefined();
    await expect(service.typingStopped()).resolves.toBeUndefined();
    service.deselectActiveChannel();
    service.reset();

    expect(service.activeChannel()).toBeUndefined();
    expect(service.channels()).toBeUndefined();
    expect(xhrOpen).not.toHaveBeenCalled();
  });

  it('refuses to send, saying to send from the browser', async () => {
    const error = await service.sendMessage('hello').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamChatError);
    expect((error as Error).message).toMatch(/cannot run on the server platform.*in the browser/);
    expect(xhrOpen).not.toHaveBeenCalled();
  });
});

import { TestBed } from '@angular/core/testing';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import { StreamChat } from 'stream-chat';
import { fakeChannel, fakeMessage } from './fake-data';
import { FakeChannelService } from './fake-channel.service';
import { FakeChatClientService } from './fake-chat-client.service';
import { StreamChatFakes, provideStreamChatFakes } from './stream-chat-fakes';

describe('provideStreamChatFakes', () => {
  it('puts the fakes in place of both services, sharing one state', () => {
    TestBed.configureTestingModule({ providers: [provideStreamChatFakes()] });
    const fakes = TestBed.inject(StreamChatFakes);

    expect(TestBed.inject(ChatClientService)).toBe(TestBed.inject(FakeChatClientService));
    expect(TestBed.inject(ChannelService)).toBe(TestBed.inject(FakeChannelService));
    expect(fakes.channelService).toBe(TestBed.inject(ChannelService));
    expect(fakes.chatClientService.user()).toBeUndefined();
  });

  it('starts with the user and channels of the options', () => {
    const general = fakeChannel('general');
    TestBed.configureTestingModule({
      providers: [
        provideStreamChatFakes({ user: { id: 'alice', name: 'Alice' }, channels: [general] }),
      ],
    });

    expect(TestBed.inject(ChatClientService).user()).toMatchObject({ id: 'alice', name: 'Alice' });
    expect(TestBed.inject(ChannelService).channels()).toEqual([general]);
  });

  it('lists the calls of both services in order, and forgets them on clearCalls()', async () => {
    TestBed.configureTestingModule({ providers: [provideStreamChatFakes()] });
    const fakes = TestBed.inject(StreamChatFakes);

    await TestBed.inject(ChatClientService).init('alice', 'token');
    TestBed.inject(ChannelService).deselectActiveChannel();

    expect(fakes.calls.map((call) => [call.service, call.method])).toEqual([
      ['ChatClientService', 'init'],
      ['ChannelService', 'deselectActiveChannel'],
    ]);
    fakes.clearCalls();
    expect(fakes.calls).toEqual([]);
  });

  it('receives messages: in the active channel without counting them unread', async () => {
    const general = fakeChannel('general');
    TestBed.configureTestingModule({
      providers: [provideStreamChatFakes({ user: 'alice', channels: [general] })],
    });
    const fakes = TestBed.inject(StreamChatFakes);
    expect(() => fakes.messages.of()).toThrow(/needs a channel/);
    await fakes.channelService.setAsActiveChannel(general);

    fakes.messages.receive(fakeMessage({ id: 'm', user: { id: 'bob' } }));

    expect(fakes.channelService.activeChannelMessages().map((m) => m.id)).toEqual(['m']);
    expect(fakes.channelService.unreadCount(general)()).toBe(0);
  });

  it('keeps the real ChannelService with fakeChannelService: false, over the given client', () => {
    TestBed.configureTestingModule({
      providers: [provideStreamChatFakes({ fakeChannelService: false })],
    });
    const fakes = TestBed.inject(StreamChatFakes);
    const client = new StreamChat('key');

    fakes.client.connectAs('alice', { client });

    expect(TestBed.inject(ChannelService)).not.toBeInstanceOf(FakeChannelService);
    expect(TestBed.inject(ChatClientService).chatClient).toBe(client);
    fakes.client.disconnect();
    expect(TestBed.inject(ChatClientService).chatClient).toBeUndefined();
  });
});

import { TestBed } from '@angular/core/testing';
import { ChatClientService, ClientEvent, StreamChatError } from 'ngx-stream-chat';
import type { Event as StreamEvent } from 'stream-chat';
import { fakeChannel } from './fake-data';
import { StreamChatFakes, provideStreamChatFakes } from './stream-chat-fakes';

describe('FakeChatClientService', () => {
  let fakes: StreamChatFakes;
  let service: ChatClientService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideStreamChatFakes()] });
    fakes = TestBed.inject(StreamChatFakes);
    service = TestBed.inject(ChatClientService);
  });

  it('connects the user init() names, in both forms, and records the calls', async () => {
    const users: (string | undefined)[] = [];
    service.user$.subscribe((user) => users.push(user?.id));

    await service.init('key', { id: 'alice', name: 'Alice' }, 'token');
    await service.init('bob', 'token');

    expect(service.user()).toMatchObject({ id: 'bob', online: true });
    expect(service.connectionState()).toBe('online');
    expect(users).toEqual([undefined, 'alice', undefined, 'bob']);
    expect(fakes.client.calls('init')).toEqual([
      ['key', { id: 'alice', name: 'Alice' }, 'token'],
      ['bob', 'token'],
    ]);
    expect(service.chatClient?.user?.id).toBe('bob');
    expect(service.chatClient?.userID).toBe('bob');
  });

  it('fails init() as asked, leaving nobody connected', async () => {
    fakes.client.connectAs('alice');
    const error = new StreamChatError('invalid-token', 'bad token');
    fakes.client.failNext('init', error);

    await expect(service.init('bob', 'token')).rejects.toBe(error);
    expect(service.user()).toBeUndefined();
    expect(service.connectionState()).toBe('disconnected');
  });

  it('publishes the connection state and events the test drives', () => {
    fakes.client.connectAs({ id: 'alice', name: 'Alice' });
    const events: ClientEvent[] = [];
    service.events$.subscribe((event) => events.push(event));

    fakes.client.setConnectionState('offline');
    fakes.client.emit({ type: 'user.watching.start' } as StreamEvent);
    fakes.client.updateUser({ total_unread_count: 3 });

    expect(service.connectionState()).toBe('offline');
    expect(events.map((event) => event.eventType)).toEqual(['user.watching.start']);
    expect(service.user()?.total_unread_count).toBe(3);
  });

  it('disconnects', async () => {
    fakes.client.connectAs('alice');

    await service.disconnectUser();

    expect(service.user()).toBeUndefined();
    expect(service.chatClient).toBeUndefined();
    expect(fakes.calls.map((call) => call.method)).toEqual(['disconnectUser']);
  });

  it('loads app settings only when the test gave some', async () => {
    await expect(service.getAppSettings()).rejects.toMatchObject({ kind: 'invalid-input' });
    fakes.client.connectAs('alice');
    await expect(service.getAppSettings()).rejects.toMatchObject({ kind: 'unknown' });

    fakes.client.setAppSettings({ file_upload_config: {} } as never);
    await service.getAppSettings();

    expect(service.appSettings()).toEqual({ file_upload_config: {} });
  });

  it('searches the users the test set, without the connected one', async () => {
    fakes.client.connectAs('alice');
    fakes.client.setUsers([{ id: 'alice' }, { id: 'bob', name: 'Bobby' }, { id: 'carol' }]);

    expect((await service.autocompleteUsers('bo')).map((user) => user.id)).toEqual(['bob']);
    expect(await service.autocompleteUsers('')).toEqual([]);
  });

  it('answers invitations: accepting lists the channel', async () => {
    fakes.client.connectAs('alice');
    const invited = fakeChannel('invited');
    const other = fakeChannel('other');
    fakes.channels.set([]);
    fakes.client.setPendingInvites([invited, other]);

    await service.acceptInvite(invited);
    await service.rejectInvite(other);

    expect(service.pendingInvites()).toEqual([]);
    expect(fakes.channelService.channels()).toEqual([invited]);
    await expect(service.acceptInvite(other)).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('flags messages, refusing an empty id', async () => {
    fakes.client.connectAs('alice');

    await service.flagMessage('m1');

    await expect(service.flagMessage('')).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(fakes.client.calls('flagMessage')).toEqual([['m1'], ['']]);
  });

  it('shows a held init() as connecting', async () => {
    const release = fakes.client.holdNext('init');

    const connecting = service.init('alice', 'token');
    await Promise.resolve();
    expect(service.connectionState()).toBe('connecting');
    release();
    await connecting;

    expect(service.connectionState()).toBe('online');
  });
});

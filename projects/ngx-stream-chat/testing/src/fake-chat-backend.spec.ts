import { fakeChannel, fakeMessage, fakeUser } from './fake-data';
import { FakeChatBackend } from './fake-chat-backend';

describe('FakeChatBackend', () => {
  const general = fakeChannel('general');

  it('derives the active channel lists from the messages it holds, keeping them when unchanged', () => {
    const backend = new FakeChatBackend();
    backend.setMessages(general.cid, [
      fakeMessage({ id: 'p', pinned: true }),
      fakeMessage({ id: 'r', parent_id: 'p' }),
      fakeMessage({ id: 's', parent_id: 'p', show_in_channel: true }),
    ]);
    expect(backend.channels.value.activeChannelMessages).toEqual([]);

    backend.updateChannels({ activeChannel: general, activeParentMessageId: 'p' });
    const state = backend.channels.value;
    backend.updateChannels({ hasMoreMessages: true });

    expect(state.activeChannelMessages.map((m) => m.id)).toEqual(['p', 's']);
    expect(state.activeChannelPinnedMessages.map((m) => m.id)).toEqual(['p']);
    expect(state.activeParentMessage?.id).toBe('p');
    expect(state.activeThreadMessages.map((m) => m.id)).toEqual(['r', 's']);
    expect(backend.channels.value.activeChannelMessages).toBe(state.activeChannelMessages);
  });

  it('resets the channel state on disconnect, keeping the messages and the server list', () => {
    const backend = new FakeChatBackend();
    backend.connect(fakeUser({ id: 'alice' }));
    backend.updateChannels({
      channels: [general],
      serverChannels: [general],
      activeChannel: general,
    });
    backend.setMessages(general.cid, [fakeMessage({ id: 'm' })]);

    backend.disconnect();

    expect(backend.client.value).toMatchObject({
      user: undefined,
      connectionState: 'disconnected',
    });
    expect(backend.channels.value).toMatchObject({
      channels: undefined,
      activeChannel: undefined,
      activeChannelMessages: [],
      serverChannels: [general],
    });
    expect(backend.messagesOf(general.cid).map((m) => m.id)).toEqual(['m']);
  });
});

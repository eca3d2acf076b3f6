import { Channel } from 'stream-chat';
import {
  channelState,
  loadChannels,
  newMessage,
  offlineClient,
} from '../../../../jest/offline-stream-chat';
import { SessionContextStub, sessionContextStub } from '../../../../jest/session-context-stub';
import { ActiveChannel } from './active-channel';
import { StreamChatError } from './stream-chat-errors';

describe('ActiveChannel', () => {
  let client: ReturnType<typeof offlineClient>;
  let context: SessionContextStub;
  let active: ActiveChannel;
  let markRead: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    client = offlineClient('me');
    context = sessionContextStub(client);
    active = new ActiveChannel(context);
    markRead = jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
  });

  afterEach(() => {
    active.dispose();
    markRead.mockRestore();
    jest.useRealTimers();
  });

  const loaded = (id: string, options: Parameters<typeof channelState>[2] = {}) =>
    loadChannels(client, [channelState(client, id, options)])[0];

  it('publishes the selection and marks a channel with unread messages read', async () => {
    const channel = loaded('unread', { unread: 2 });
    await active.select(channel);
    expect(active.channel).toBe(channel);
    expect(context.updates).toBe(1);
    expect(markRead).toHaveBeenCalledTimes(1);
    expect(markRead.mock.contexts[0]).toBe(channel);
  });

  it('does not mark a read channel read', async () => {
    await active.select(loaded('read'));
    expect(markRead).not.toHaveBeenCalled();
  });

  it.each([
    ['without read events', { readEvents: false }],
    ['without the read-events capability', { capabilities: ['send-message'] }],
  ])('never marks a channel %s read', async (_, options) => {
    const channel = loaded('c', { ...options, unread: 3 });
    await active.select(channel);
    newMessage(client, channel, 'alice', 'hello');
    active.handle({ type: 'message.new', cid: channel.cid, user: { id: 'alice' } });
    jest.advanceTimersByTime(5000);
    expect(markRead).not.toHaveBeenCalled();
  });

  it("marks it read as others' messages arrive, at most once a second", async () => {
    const channel = loaded('busy');
    await active.select(channel);
    for (let i = 0; i < 5; i++) {
      active.handle({ type: 'message.new', cid: channel.cid, user: { id: 'alice' } });
    }
    expect(markRead).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1000);
    expect(markRead).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(5000);
    expect(markRead).toHaveBeenCalledTimes(2);
  });

  it('ignores its own messages and other channels', async () => {
    const channel = loaded('mine');
    await active.select(channel);
    active.handle({ type: 'message.new', cid: channel.cid, user: { id: 'me' } });
    active.handle({ type: 'message.new', cid: 'messaging:other', user: { id: 'alice' } });
    expect(markRead).not.toHaveBeenCalled();
  });

  it('drops a pending mark-read when deselected or disposed', async () => {
    const channel = loaded('c');
    await active.select(channel);
    active.handle({ type: 'message.new', cid: channel.cid, user: { id: 'alice' } });
    active.handle({ type: 'message.new', cid: channel.cid, user: { id: 'alice' } });
    active.deselect();
    jest.advanceTimersByTime(5000);
    expect(markRead).toHaveBeenCalledTimes(1);
    expect(active.channel).toBeUndefined();
  });

  it('reports a failed mark-read without failing the selection', async () => {
    markRead.mockRejectedValue(new Error('offline'));
    await active.select(loaded('c', { unread: 1 }));
    await Promise.resolve();
    await Promise.resolve();
    expect(context.errors).toEqual([expect.any(StreamChatError)]);
  });

  it('watches a channel the client has not loaded yet, then publishes again', async () => {
    const watch = jest.spyOn(Channel.prototype, 'watch').mockResolvedValue({} as never);
    const channel = client.channel('messaging', 'fresh');
    await active.select(channel);
    expect(watch).toHaveBeenCalledWith({ presence: true, messages: { limit: 25 } });
    expect(context.updates).toBe(2);
    watch.mockRestore();
  });

  it('rejects with a typed error when the channel cannot be watched', async () => {
    const watch = jest.spyOn(Channel.prototype, 'watch').mockRejectedValue(new Error('nope'));
    await expect(active.select(client.channel('messaging', 'x'))).rejects.toBeInstanceOf(
      StreamChatError,
    );
    watch.mockRestore();
  });

  it('refuses a channel of a disconnected client', async () => {
    const channel = loaded('old');
    channel._disconnect();
    await expect(active.select(channel)).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(active.channel).toBeUndefined();
  });
});

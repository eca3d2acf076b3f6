import { Channel, MessageResponse } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  newMessage,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe } from '../../../../../jest/session-store-probe';
import { MARK_READ_INTERVAL_MS } from '../mark-read-throttle';
import { StreamChatError } from '../stream-chat-errors';
import { ActiveChannelCommands, activeChannelSlice } from './active-channel.slice';

/** Runs the promise callbacks queued so far (the timers are fake). */
async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/**
 * The active channel's commands and effects (selecting, watching, marking read with a throttle,
 * marking unread), in a real session store. Which state a batch of events gives is
 * `reduceActiveChannel`'s spec.
 */
describe('activeChannelSlice commands', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let active: ActiveChannelCommands;
  let markRead: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    client = offlineClient('me');
    probe = new StoreProbe(client);
    active = probe.commands(activeChannelSlice);
    markRead = jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
  });

  afterEach(() => {
    probe.dispose();
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  const loaded = (id: string, options: Parameters<typeof channelState>[2] = {}) =>
    loadChannels(client, [channelState(client, id, options)])[0];
  const fromAlice = (channel: Channel, text = 'hello') =>
    newMessage(client, channel, 'alice', text);

  describe('select', () => {
    it('publishes the selection and marks a channel with unread messages read', async () => {
      const channel = loaded('unread', { unread: 2 });
      const mark = probe.mark();
      await active.select(channel);

      expect([...new Set(probe.values('activeChannel', mark))]).toEqual([channel]);
      expect(probe.values('channelSwitchState', mark)).toEqual(['start', 'end']);
      expect(probe.state.activeChannelUnreadCount).toBe(2);
      expect(markRead).toHaveBeenCalledTimes(1);
      expect(markRead.mock.contexts[0]).toBe(channel);
    });

    it('does not mark a read channel read', async () => {
      await active.select(loaded('read'));
      expect(markRead).not.toHaveBeenCalled();
    });

    it('watches a channel the client has not loaded yet, then publishes again', async () => {
      const channel = client.channel('messaging', 'fresh');
      const watch = jest.spyOn(channel, 'watch').mockImplementation(async () => {
        loadChannels(client, [
          channelState(client, 'fresh', { messages: [messageFrom('alice', 'first')] }),
        ]);
        return {} as never;
      });
      const mark = probe.mark();

      await active.select(channel);

      expect(watch).toHaveBeenCalledWith({ presence: true, messages: { limit: 25 } });
      expect(probe.values('channelSwitchState', mark)).toEqual(['start', 'end']);
      expect(probe.values('activeChannelMessages', mark).map((list) => list.length)).toEqual([
        0, 1,
      ]);
    });

    it('rejects with a typed error when the channel cannot be watched, ending the switch', async () => {
      const channel = client.channel('messaging', 'x');
      jest.spyOn(channel, 'watch').mockRejectedValue(new Error('nope'));

      await expect(active.select(channel)).rejects.toBeInstanceOf(StreamChatError);

      expect(probe.state.activeChannel).toBe(channel);
      expect(probe.state.channelSwitchState).toBe('end');
    });

    it('lets a later selection win over a slow watch', async () => {
      const slow = client.channel('messaging', 'slow');
      let watched: () => void = () => undefined;
      jest.spyOn(slow, 'watch').mockImplementation(
        () =>
          new Promise((resolve) => {
            watched = () => {
              loadChannels(client, [channelState(client, 'slow', { unread: 1 })]);
              resolve({} as never);
            };
          }),
      );
      const selecting = active.select(slow);
      const other = loaded('other', { unread: 1 });
      await active.select(other);
      fromAlice(other);
      watched();
      await selecting;
      jest.advanceTimersByTime(MARK_READ_INTERVAL_MS);

      expect(probe.state.activeChannel).toBe(other);
      expect(probe.state.channelSwitchState).toBe('end');
      // Opened, then the pending mark-read for alice's message: the slow channel takes no turn.
      expect(markRead.mock.contexts).toEqual([other, other]);
    });

    it('refuses a channel of a disconnected client', async () => {
      const channel = loaded('old');
      channel._disconnect();
      await expect(active.select(channel)).rejects.toMatchObject({ kind: 'invalid-input' });
      expect(probe.state.activeChannel).toBeUndefined();
    });
  });

  describe('marking read', () => {
    it.each([
      ['without read events', { readEvents: false }],
      ['without the read-events capability', { capabilities: ['send-message'] }],
    ])('never marks a channel %s read', async (_, options) => {
      const channel = loaded('c', { ...options, unread: 3 });
      await active.select(channel);
      fromAlice(channel);
      jest.advanceTimersByTime(5000);
      expect(markRead).not.toHaveBeenCalled();
    });

    it("marks it read as others' messages arrive, at most once a second", async () => {
      const channel = loaded('busy');
      await active.select(channel);
      for (let i = 0; i < 5; i++) fromAlice(channel, `m${i}`);
      expect(markRead).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(MARK_READ_INTERVAL_MS);
      expect(markRead).toHaveBeenCalledTimes(2);
      jest.advanceTimersByTime(5000);
      expect(markRead).toHaveBeenCalledTimes(2);
      expect(markRead.mock.contexts).toEqual([channel, channel]);
    });

    it('ignores its own messages and other channels', async () => {
      const channel = loaded('mine');
      await active.select(channel);
      newMessage(client, channel, 'me', 'mine');
      fromAlice(loaded('other'));
      jest.advanceTimersByTime(5000);
      expect(markRead).not.toHaveBeenCalled();
    });

    it('ignores replies shown only in their thread, which leave the channel read', async () => {
      const parent = messageFrom('alice', 'parent');
      const channel = loaded('threads', { messages: [parent] });
      await active.select(channel);
      const reply = {
        ...messageFrom('alice', 'reply'),
        parent_id: parent.id,
        type: 'reply' as const,
      };
      deliver(client, {
        type: 'message.new',
        cid: channel.cid,
        channel_id: channel.id,
        channel_type: channel.type,
        user: { id: 'alice' },
        message: reply,
      });
      jest.advanceTimersByTime(5000);
      expect(markRead).not.toHaveBeenCalled();
    });

    it('drops a pending mark-read when deselected', async () => {
      const channel = loaded('c');
      await active.select(channel);
      fromAlice(channel, 'one');
      fromAlice(channel, 'two');
      active.deselect();
      jest.advanceTimersByTime(5000);
      expect(markRead).toHaveBeenCalledTimes(1);
      expect(probe.state.activeChannel).toBeUndefined();
    });

    it('drops a pending mark-read when another channel is selected', async () => {
      const first = loaded('first');
      await active.select(first);
      fromAlice(first, 'one');
      fromAlice(first, 'two');
      await active.select(loaded('second'));
      jest.advanceTimersByTime(5000);
      expect(markRead.mock.contexts).toEqual([first]);
    });

    it('drops a pending mark-read when the session ends', async () => {
      const channel = loaded('c');
      await active.select(channel);
      fromAlice(channel, 'one');
      fromAlice(channel, 'two');
      probe.dispose();
      jest.advanceTimersByTime(5000);
      expect(markRead).toHaveBeenCalledTimes(1);
    });

    it('reports a failed mark-read without failing the selection', async () => {
      markRead.mockRejectedValue(new Error('offline'));
      await active.select(loaded('c', { unread: 1 }));
      await flushPromises();
      expect(probe.errors).toEqual([expect.any(StreamChatError)]);
    });
  });

  describe('markUnread', () => {
    let markUnread: jest.SpyInstance;
    let channel: Channel;
    let message: MessageResponse;

    beforeEach(async () => {
      markUnread = jest.spyOn(Channel.prototype, 'markUnread').mockResolvedValue(null as never);
      message = messageFrom('alice', 'read me');
      channel = loaded('c', { messages: [message] });
      await active.select(channel);
    });

    it('marks the channel unread, and stops marking it read until the user writes', async () => {
      await active.markUnread(message.id);
      expect(markUnread).toHaveBeenCalledWith({ message_id: message.id });
      expect(markUnread.mock.contexts[0]).toBe(channel);

      fromAlice(channel, 'after');
      jest.advanceTimersByTime(5000);
      expect(markRead).not.toHaveBeenCalled();

      newMessage(client, channel, 'me', 'my reply');
      fromAlice(channel, 'answer');
      expect(markRead).toHaveBeenCalledTimes(1);
    });

    it('stops marking it read until another channel is opened', async () => {
      await active.markUnread(message.id);
      const other = loaded('other');
      await active.select(other);
      fromAlice(other);
      expect(markRead.mock.contexts).toEqual([other]);
    });

    it('publishes the read state the server sends back', async () => {
      await active.markUnread(message.id);
      deliver(client, {
        type: 'notification.mark_unread',
        cid: channel.cid,
        user: { id: 'me' },
        last_read_message_id: 'before',
        unread_messages: 1,
      });
      jest.advanceTimersToNextFrame();
      expect(probe.state.activeChannelLastReadMessageId).toBe('before');
      expect(probe.state.activeChannelUnreadCount).toBe(1);
    });

    it('rejects with a typed error, and marks read again, when the server refuses', async () => {
      markUnread.mockRejectedValue(new Error('nope'));
      await expect(active.markUnread(message.id)).rejects.toBeInstanceOf(StreamChatError);
      fromAlice(channel);
      expect(markRead).toHaveBeenCalledTimes(1);
    });

    it('refuses without an active channel, an unknown message, or the capability', async () => {
      await expect(active.markUnread('nowhere')).rejects.toMatchObject({ kind: 'invalid-input' });

      active.deselect();
      await expect(active.markUnread(message.id)).rejects.toMatchObject({
        kind: 'invalid-input',
      });

      const other = loaded('locked', {
        messages: [messageFrom('alice', 'locked')],
        capabilities: ['send-message'],
      });
      await active.select(other);
      await expect(active.markUnread(other.state.messages[0].id)).rejects.toMatchObject({
        kind: 'not-allowed',
      });
      expect(markUnread).not.toHaveBeenCalled();
    });
  });
});

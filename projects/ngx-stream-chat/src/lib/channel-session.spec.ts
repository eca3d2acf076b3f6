import { NgZone } from '@angular/core';
import { Channel } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  newMessage,
  offlineClient,
} from '../../../../jest/offline-stream-chat';
import { toChannelQuery } from './channel-query';
import { ChannelServiceState, EMPTY_CHANNEL_SERVICE_STATE } from './channel-service-state';
import { ChannelSession, ChannelSessionHost } from './channel-session';
import { StreamChatError } from './stream-chat-errors';

describe('ChannelSession', () => {
  let client: ReturnType<typeof offlineClient>;
  let host: jest.Mocked<ChannelSessionHost>;
  let session: ChannelSession;
  let channels: Channel[];

  /** The published counts of the two listed channels and of one that is not listed. */
  const countsOf = (state: ChannelServiceState) =>
    Object.fromEntries(
      ['messaging:a', 'messaging:b', 'messaging:z'].map((cid) => [
        cid,
        state.unreadCounts.get(cid),
      ]),
    );
  const listenerCount = () =>
    Object.values(client.listeners).reduce((sum, list) => sum + list.length, 0);

  beforeEach(() => {
    client = offlineClient('me');
    host = {
      zone: { runOutsideAngular: <T>(work: () => T) => work() } as NgZone,
      scheduleUpdate: jest.fn(),
      updateNow: jest.fn(),
      setQueryState: jest.fn(),
      reportError: jest.fn(),
    };
    channels = loadChannels(client, [
      channelState(client, 'a'),
      channelState(client, 'b', { unread: 2 }),
    ]);
    jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
    session = new ChannelSession(client, 'me', toChannelQuery({}, {}), channels, host);
  });

  afterEach(() => {
    session.dispose();
    jest.restoreAllMocks();
  });

  it('publishes the list, the active channel, its messages and the unread counts', async () => {
    await session.active.select(channels[0]);
    newMessage(client, channels[0], 'alice', 'hello');

    const state = session.snapshot(EMPTY_CHANNEL_SERVICE_STATE);

    expect(state.channels).toBe(session.list.channels);
    expect(state.activeChannel).toBe(channels[0]);
    expect(state.activeChannelMessages.map((m) => m.text)).toEqual(['hello']);
    expect(countsOf(state)).toEqual({ 'messaging:a': 1, 'messaging:b': 2, 'messaging:z': 0 });
    const again = session.snapshot(state);
    expect(again.activeChannelMessages).toBe(state.activeChannelMessages);
    expect(again.unreadCounts).toBe(state.unreadCounts);
    expect(again.usersTypingInChannel).toBe(state.usersTypingInChannel);
  });

  it('keeps frame updates in step with events: moved channels and their unread counts', () => {
    const before = session.snapshot(EMPTY_CHANNEL_SERVICE_STATE);
    newMessage(client, channels[1], 'alice', 'one');
    newMessage(client, channels[0], 'alice', 'two');
    newMessage(client, channels[1], 'alice', 'three');

    const frame = session.snapshot(before, true);

    expect(frame.channels?.map((channel) => channel.id)).toEqual(['b', 'a']);
    expect(countsOf(frame)).toEqual({ 'messaging:a': 1, 'messaging:b': 4, 'messaging:z': 0 });
    deliver(client, { type: 'notification.mark_read', unread_channels: 0, total_unread_count: 0 });
    const read = session.snapshot(frame, true);
    expect(read.unreadCounts).not.toBe(frame.unreadCounts);
    expect(countsOf(read)).toEqual({ 'messaging:a': 0, 'messaging:b': 0, 'messaging:z': 0 });
  });

  it('follows the client with a single listener', () => {
    expect(listenerCount()).toBe(1);
  });

  it('asks for an update on every event, leaving the coalescing to the host', () => {
    for (let i = 0; i < 10; i++) newMessage(client, channels[1], 'alice', `m${i}`);
    expect(host.scheduleUpdate).toHaveBeenCalledTimes(10);
    expect(host.updateNow).not.toHaveBeenCalled();
  });

  it('deselects the active channel when it is deleted or the user is removed from it', async () => {
    await session.active.select(channels[1]);
    deliver(client, { type: 'notification.removed_from_channel', cid: channels[1].cid });
    expect(session.active.channel).toBeUndefined();
    expect(session.list.channels).toEqual([channels[0]]);

    const unlisted = loadChannels(client, [channelState(client, 'unlisted')])[0];
    await session.active.select(unlisted);
    deliver(client, { type: 'channel.deleted', cid: unlisted.cid });
    expect(session.active.channel).toBeUndefined();
  });

  it('catches up the list and the active channel after connection.recovered', async () => {
    await session.active.select(channels[0]);
    const recover = jest.spyOn(session.list, 'recover').mockResolvedValue();
    const remember = jest.spyOn(session.messages, 'rememberNewest');
    const catchUp = jest.spyOn(session.messages, 'catchUp').mockResolvedValue();

    deliver(client, { type: 'connection.changed', online: true });
    deliver(client, { type: 'connection.recovered' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(remember).toHaveBeenCalledWith(channels[0]);
    expect(recover).toHaveBeenCalledWith(channels[0]);
    expect(catchUp).toHaveBeenCalledWith(channels[0]);
    expect(host.updateNow).toHaveBeenCalled();
  });

  it('deselects an active channel that is no longer listed after the catch-up', async () => {
    await session.active.select(channels[0]);
    jest.spyOn(session.messages, 'catchUp').mockRejectedValue(new Error('nope'));
    jest
      .spyOn(client, 'queryChannels')
      .mockImplementation(async () => loadChannels(client, [channelState(client, 'b')]));

    deliver(client, { type: 'connection.recovered' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(session.list.channels.map((c) => c.id)).toEqual(['b']);
    expect(session.active.channel).toBeUndefined();
    expect(host.reportError).toHaveBeenCalledWith(expect.any(StreamChatError));
  });

  it('sends typing events for the active channel only, with typed errors', async () => {
    const keystroke = jest.spyOn(Channel.prototype, 'keystroke').mockResolvedValue();
    const stopTyping = jest
      .spyOn(Channel.prototype, 'stopTyping')
      .mockRejectedValue(new Error('x'));
    await session.typingStarted();
    expect(keystroke).not.toHaveBeenCalled();

    await session.active.select(channels[0]);
    await session.typingStarted();
    expect(keystroke).toHaveBeenCalledTimes(1);
    await expect(session.typingStopped()).rejects.toBeInstanceOf(StreamChatError);
    expect(stopTyping).toHaveBeenCalledTimes(1);
  });

  it('removes every listener on dispose, and then stays quiet', () => {
    expect(listenerCount()).toBeGreaterThan(0);
    session.dispose();
    session.dispose();
    expect(listenerCount()).toBe(0);
    expect(session.disposed).toBe(true);

    newMessage(client, channels[0], 'alice', 'after');
    session.updateNow();
    session.setQueryState({ state: 'success' });
    session.reportError(new StreamChatError('unknown', 'x'));
    expect(host.scheduleUpdate).not.toHaveBeenCalled();
    expect(host.updateNow).not.toHaveBeenCalled();
    expect(host.setQueryState).not.toHaveBeenCalled();
    expect(host.reportError).not.toHaveBeenCalled();
  });
});

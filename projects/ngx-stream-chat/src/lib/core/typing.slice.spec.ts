import type { Channel, EventTypes, UserResponse } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe, nextFrame } from '../../../../../jest/session-store-probe';
import { StreamChatError } from '../stream-chat-errors';
import { activeChannelSlice } from './active-channel.slice';
import { typingSlice, typingUsersOf } from './typing.slice';

const typingIn = (typing: Record<string, { user?: UserResponse; parent_id?: string }>) =>
  ({ state: { typing } }) as unknown as Channel;

describe('typingUsersOf', () => {
  const channel = typingIn({
    me: { user: { id: 'me' } },
    ann: { user: { id: 'ann' } },
    bob: { user: { id: 'bob' }, parent_id: 'p1' },
    cat: { user: { id: 'cat' } },
  });

  it('lists the others typing in the main list, in order, never the user', () => {
    expect(typingUsersOf(channel, 'me', []).map((user) => user.id)).toEqual(['ann', 'cat']);
  });

  it('lists those typing in a thread when given its parent', () => {
    expect(typingUsersOf(channel, 'me', [], 'p1').map((user) => user.id)).toEqual(['bob']);
  });

  it('keeps the previous array when the same users type, and is empty without a channel', () => {
    const previous = typingUsersOf(channel, 'me', []);
    expect(typingUsersOf(channel, 'me', previous)).toBe(previous);
    expect(typingUsersOf(undefined, 'me', previous)).toEqual([]);
  });
});

describe('typingSlice in a session', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let channel: Channel;

  beforeEach(() => {
    client = offlineClient('me');
    channel = loadChannels(client, [channelState(client, 'c')])[0];
    probe = new StoreProbe(client, { firstPage: [channel] });
  });

  afterEach(() => {
    probe.dispose();
    jest.restoreAllMocks();
  });

  const typing = (id: string, type: EventTypes = 'typing.start', extra = {}) =>
    deliver(client, { type, cid: channel.cid, user: { id }, ...extra });

  it('publishes the others typing in the active channel, the same array for the same users', async () => {
    await probe.commands(activeChannelSlice).select(channel);
    typing('alice');
    typing('me');
    typing('carol', 'typing.start', { parent_id: 'thread' });
    await nextFrame();
    const first = probe.state.usersTypingInChannel;
    expect(first.map((user) => user.id)).toEqual(['alice']);

    typing('alice');
    await nextFrame();
    expect(probe.state.usersTypingInChannel).toBe(first);

    typing('alice', 'typing.stop');
    await nextFrame();
    expect(probe.state.usersTypingInChannel).toEqual([]);
  });

  it('sends typing events for the active channel only, with typed errors', async () => {
    const keystroke = jest.spyOn(channel, 'keystroke').mockResolvedValue();
    const stopTyping = jest.spyOn(channel, 'stopTyping').mockRejectedValue(new Error('x'));
    const commands = probe.commands(typingSlice);
    await commands.started();
    expect(keystroke).not.toHaveBeenCalled();

    await probe.commands(activeChannelSlice).select(channel);
    await commands.started();
    await commands.started('parent');
    expect(keystroke.mock.calls).toEqual([[undefined], ['parent']]);
    await expect(commands.stopped()).rejects.toBeInstanceOf(StreamChatError);
    expect(stopTyping).toHaveBeenCalledTimes(1);
  });
});

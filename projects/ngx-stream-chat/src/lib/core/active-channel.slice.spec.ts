import type { Channel, ChannelState } from 'stream-chat';
import type { ChatEvent } from '../store/chat-slice';
import { ActiveChannelState, reduceActiveChannel } from './active-channel.slice';

/** A channel whose client holds `me`'s read state as given. */
function channelWithRead(id: string, lastRead?: string, unread?: number): Channel {
  const read =
    lastRead === undefined
      ? {}
      : { me: { last_read_message_id: lastRead, unread_messages: unread } };
  return { cid: `messaging:${id}`, state: { read } as unknown as ChannelState } as Channel;
}

const view = { userId: 'me' };
const none: ActiveChannelState = {
  channel: undefined,
  switching: false,
  lastReadMessageId: undefined,
  unreadCount: undefined,
};
const reduce = (state: ActiveChannelState, ...events: ChatEvent[]) =>
  reduceActiveChannel(state, events, view);
const set = (channel: Channel | undefined): ChatEvent => ({
  type: 'ngx.active.set',
  cid: channel?.cid,
  channel,
});

describe('reduceActiveChannel', () => {
  const a = channelWithRead('a', 'm1', 3);
  const b = channelWithRead('b');

  it('selects a channel as switching, with the read state taken before marking read', () => {
    expect(reduce(none, set(a))).toEqual({
      channel: a,
      switching: true,
      lastReadMessageId: 'm1',
      unreadCount: 3,
    });
    expect(reduce(none, set(b))).toEqual({ ...none, channel: b, switching: true });
  });

  it('ends the switch when the channel is loaded (re-reading its read state) or settled', () => {
    const switching = reduce(none, set(b));
    (b.state.read as Record<string, unknown>)['me'] = {
      last_read_message_id: 'm9',
      unread_messages: 2,
    };
    const loaded = reduce(switching, { type: 'ngx.active.loaded', cid: b.cid });
    expect(loaded).toEqual({
      channel: b,
      switching: false,
      lastReadMessageId: 'm9',
      unreadCount: 2,
    });
    const settled = reduce(reduce(none, set(a)), { type: 'ngx.active.settled', cid: a.cid });
    expect(settled.switching).toBe(false);
    expect(settled.lastReadMessageId).toBe('m1');
    // Settling again changes nothing.
    expect(reduce(settled, { type: 'ngx.active.settled', cid: a.cid })).toBe(settled);
  });

  it('ignores loads, settles and removals of another channel, keeping the same state', () => {
    const active = reduce(none, set(a));
    expect(
      reduce(
        active,
        { type: 'ngx.active.loaded', cid: b.cid },
        { type: 'ngx.active.settled', cid: b.cid },
        { type: 'channel.deleted', cid: b.cid } as ChatEvent,
        { type: 'ngx.list.remove', cid: b.cid },
      ),
    ).toBe(active);
  });

  it("takes the user's own mark_unread of the active channel, never another user's", () => {
    const active = reduce(none, set(a), { type: 'ngx.active.settled', cid: a.cid });
    const unread = (userId: string, cid = a.cid) =>
      ({
        type: 'notification.mark_unread',
        cid,
        user: { id: userId },
        last_read_message_id: 'm5',
        unread_messages: 4,
      }) as ChatEvent;
    expect(reduce(active, unread('me'))).toEqual({
      channel: a,
      switching: false,
      lastReadMessageId: 'm5',
      unreadCount: 4,
    });
    expect(reduce(active, unread('someone else'))).toBe(active);
    expect(reduce(active, unread('me', b.cid))).toBe(active);
  });

  it('clears everything when the active channel is removed, hidden, or deselected', () => {
    const active = reduce(none, set(a));
    for (const type of [
      'channel.deleted',
      'channel.hidden',
      'notification.removed_from_channel',
      'notification.channel_deleted',
      'ngx.list.remove',
    ]) {
      expect(reduce(active, { type, cid: a.cid } as ChatEvent)).toEqual(none);
    }
    expect(reduce(active, set(undefined))).toEqual(none);
  });

  it('applies a batch in order: the last selection wins', () => {
    expect(reduce(none, set(a), set(b), { type: 'ngx.active.loaded', cid: b.cid }).channel).toBe(b);
    expect(reduce(none, set(a), { type: 'channel.hidden', cid: a.cid } as ChatEvent)).toEqual(none);
  });
});

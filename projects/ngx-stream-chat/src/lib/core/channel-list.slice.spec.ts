import type { Channel } from 'stream-chat';
import type { ChannelServiceExtensions } from '../channel-service-extensions';
import type { ChatEvent } from '../store/chat-slice';
import { ChannelListState, reduceChannelList } from './channel-list.slice';

const channel = (id: string) => ({ cid: `messaging:${id}`, id }) as Channel;
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(channel);

function listOf(...channels: Channel[]): ChannelListState {
  return {
    channels,
    byCid: new Map(channels.map((item) => [item.cid, item])),
    hasMore: true,
    queryState: { state: 'success' },
  };
}

const ids = (state: ChannelListState) => state.channels.map((item) => item.id);
const event = (type: string, target?: Channel, extra: object = {}) =>
  ({ type, cid: target?.cid, ...extra }) as ChatEvent;
const reduce = (
  state: ChannelListState,
  events: ChatEvent[],
  extensions: ChannelServiceExtensions = {},
) => reduceChannelList(state, events, { extensions });

describe('reduceChannelList', () => {
  it('moves channels with new messages to the top, the latest first, in one new array', () => {
    const state = listOf(a, b, c, d);
    const next = reduce(state, [
      event('message.new', c),
      event('message.new', d),
      event('message.new', c),
    ]);
    expect(ids(next)).toEqual(['c', 'd', 'a', 'b']);
    expect(next.byCid).toBe(state.byCid);
  });

  it('ignores messages of channels it does not list, keeping the same state', () => {
    const state = listOf(a, b);
    expect(reduce(state, [event('message.new', c), event('user.updated')])).toBe(state);
  });

  it('removes channels on removal events (hidden included) and re-indexes', () => {
    const state = listOf(a, b, c);
    const next = reduce(state, [
      event('channel.deleted', a),
      event('channel.hidden', c),
      event('notification.removed_from_channel', d),
    ]);
    expect(ids(next)).toEqual(['b']);
    expect([...next.byCid.keys()]).toEqual(['messaging:b']);
  });

  it('adds a watched channel on top once, and a removal after it wins', () => {
    const state = listOf(a);
    const added = reduce(state, [
      event('ngx.list.add', b, { channel: b }),
      event('ngx.list.add', b, { channel: b }),
    ]);
    expect(ids(added)).toEqual(['b', 'a']);
    expect(
      ids(reduce(state, [event('ngx.list.add', b, { channel: b }), event('ngx.list.remove', b)])),
    ).toEqual(['a']);
  });

  it('gives a new array, same order, when a listed channel changes', () => {
    const state = listOf(a, b);
    const next = reduce(state, [event('channel.updated', b)]);
    expect(next.channels).not.toBe(state.channels);
    expect(ids(next)).toEqual(['a', 'b']);
    expect(reduce(state, [event('channel.updated', c)])).toBe(state);
  });

  it('gives a new array for a truncated channel, and leaves a visible one to the watch that adds it', () => {
    const state = listOf(a, b);
    const truncated = reduce(state, [event('channel.truncated', a)]);
    expect(truncated.channels).not.toBe(state.channels);
    expect(ids(truncated)).toEqual(['a', 'b']);
    // `channel.visible` joins the list through `ngx.list.add`, once the channel is watched.
    expect(reduce(state, [event('channel.visible', c)])).toBe(state);
    expect(
      ids(reduce(state, [event('channel.visible', c), event('ngx.list.add', c, { channel: c })])),
    ).toEqual(['c', 'a', 'b']);
  });

  it('replaces the list and paging, and records the query state', () => {
    const state = listOf(a);
    const next = reduce(state, [
      event('ngx.list.query', undefined, { state: { state: 'in-progress' } }),
      event('ngx.list.replace', undefined, { channels: [c, b], hasMore: false }),
    ]);
    expect(ids(next)).toEqual(['c', 'b']);
    expect(next.hasMore).toBe(false);
    expect(next.queryState).toEqual({ state: 'in-progress' });
    // A replace without paging keeps it.
    expect(reduce(next, [event('ngx.list.replace', undefined, { channels: [a] })]).hasMore).toBe(
      false,
    );
  });

  it('leaves events with an app handler to the app', () => {
    const state = listOf(a, b);
    const extensions: ChannelServiceExtensions = {
      customNewMessageHandler: () => undefined,
      customChannelDeletedHandler: () => undefined,
    };
    expect(reduce(state, [event('message.new', b), event('channel.deleted', a)], extensions)).toBe(
      state,
    );
  });
});

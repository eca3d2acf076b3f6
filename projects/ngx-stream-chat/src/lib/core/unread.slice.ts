import { ChatEvent, StoreView, defineSlice, isLibraryAction } from '../store/chat-slice';
import { UnreadCounts, UnreadCountsView } from '../unread-counts';
import { activeChannelSlice } from './active-channel.slice';
import { channelListSlice } from './channel-list.slice';

/** Unread counts of the listed channels and the active one. */
export interface UnreadState {
  /** The published counts; a new view whenever a count changed. */
  readonly view: UnreadCountsView;
  /**
   * The counter behind the view. It keeps the counts in one map updated in place, so a frame does
   * not copy every channel's count; only `view`'s identity tells that counts changed.
   */
  readonly counter: UnreadCounts;
}

/** The counts after a batch: channels the events name are recounted, or all after an action. */
export function reduceUnread(
  state: UnreadState,
  events: readonly ChatEvent[],
  view: StoreView,
): UnreadState {
  const { counter } = state;
  for (const event of events) {
    if (isLibraryAction(event)) counter.recountAll();
    else counter.noteEvent(event.cid);
  }
  const list = view.get(channelListSlice);
  const active = view.get(activeChannelSlice).channel;
  const counts = counter.current({
    channels: list.channels,
    membership: list.byCid,
    active,
    find: (cid) => (cid === active?.cid ? active : list.byCid.get(cid)),
  });
  return counts === state.view ? state : { view: counts, counter };
}

/** Unread message counts per channel, live. */
export const unreadSlice = defineSlice<UnreadState>({
  name: 'unread',
  initial: ({ firstPage }) => {
    const counter = new UnreadCounts();
    const channels = firstPage;
    const view = counter.current({
      channels,
      membership: undefined,
      active: undefined,
      find: (cid) => channels.find((channel) => channel.cid === cid),
    });
    return { view, counter };
  },
  reduce: reduceUnread,
  publish: (state) => ({ unreadCounts: state.view }),
});

import type { Event as StreamEvent } from 'stream-chat';
import { ChatEvent, StoreView, defineSlice } from '../store/chat-slice';

/** When the user last sent a message, per channel. */
export interface OwnMessageDatesState {
  /** The date of the user's latest message, by cid. */
  readonly dates: Record<string, Date>;
}

/** The dates after a batch: each `message.new` of the user's own moves its channel's date. */
export function reduceOwnMessageDates(
  state: OwnMessageDatesState,
  events: readonly ChatEvent[],
  view: Pick<StoreView, 'userId'>,
): OwnMessageDatesState {
  let dates = state.dates;
  for (const event of events) {
    const message = (event as StreamEvent).message;
    if (event.type !== 'message.new' || !event.cid || message?.user?.id !== view.userId) continue;
    const at = new Date(message.created_at ?? Date.now());
    if (!(dates[event.cid] >= at)) dates = { ...dates, [event.cid]: at };
  }
  return dates === state.dates ? state : { dates };
}

/**
 * The date of the user's latest message per channel, the vendor's
 * `latestMessageDateByUserByChannels$`: with the channel's `cooldown` it tells how long slow mode
 * keeps the composer closed.
 */
export const ownMessageDatesSlice = defineSlice<OwnMessageDatesState>({
  name: 'ownMessageDates',
  initial: () => ({ dates: {} }),
  reduce: reduceOwnMessageDates,
  publish: (state) => ({ latestMessageDateByUserByChannels: state.dates }),
});

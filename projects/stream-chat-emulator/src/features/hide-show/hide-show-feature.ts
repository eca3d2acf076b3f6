import { Caller, callerUserId } from '../../auth/caller';
import { ChatServices } from '../../services/emulator-services';
import { ChannelRecord } from '../../store/model';
import { isShownInChannel } from '../../store/read-states';
import { activeChannelMute, channelMutesSlice } from '../channel-mutes/channel-mutes-slice';
import { EmulatorFeature } from '../emulator-feature';
import { sendVisibilityEvent, hideShowRoutes } from './hide-show-routes';
import { HiddenChannelState, hiddenChannelsSlice } from './hidden-channels-slice';

/** The caller's hidden state of the channel, if the caller is a user who hid or cleared it. */
function callerState(
  services: Pick<ChatServices, 'store'>,
  caller: Caller | undefined,
  channel: ChannelRecord,
): HiddenChannelState | undefined {
  const userId = caller ? callerUserId(caller) : undefined;
  return userId === undefined
    ? undefined
    : services.store.slice(hiddenChannelsSlice).get(channel.cid, userId);
}

/** Whether a channel filter names `hidden` anywhere (top level or inside `$and`/`$or`/`$nor`). */
export function filterNamesField(filter: unknown, field: string): boolean {
  if (Array.isArray(filter)) {
    return filter.some((item) => filterNamesField(item, field));
  }
  if (typeof filter !== 'object' || filter === null) {
    return false;
  }
  return Object.entries(filter).some(
    ([key, value]) => key === field || (key.startsWith('$') && filterNamesField(value, field)),
  );
}

/**
 * A new message shown in the channel makes it visible again for every member who hid it,
 * except those who muted the channel; they receive `channel.visible`.
 */
function unhideOnMessage(services: ChatServices, channel: ChannelRecord, shown: boolean): void {
  if (!shown) {
    return;
  }
  const mutes = services.store.slice(channelMutesSlice);
  for (const [userId, entry] of services.store.slice(hiddenChannelsSlice).ofChannel(channel.cid)) {
    if (entry.hidden && !activeChannelMute(mutes, userId, channel.cid)) {
      entry.hidden = false;
      services.store.changed();
      sendVisibilityEvent(services, channel, userId, 'channel.visible');
    }
  }
}

/**
 * Hiding channels per member: `channel.hide()` / `show()`, `hidden` in the member's channel
 * responses, hidden channels out of `queryChannels` unless the filter names `hidden`,
 * cleared history out of the member's message lists.
 */
export const hideShowFeature: EmulatorFeature = {
  name: 'hide-show',
  slices: [hiddenChannelsSlice],
  routes: hideShowRoutes,
  channelFields: (context, channel, caller) => {
    if (!caller) {
      // Events serialised for everyone: leave `hidden` out, the client keeps its own value.
      return { hidden: undefined };
    }
    const entry = callerState(context, caller, channel);
    return {
      hidden: entry?.hidden ?? false,
      ...(entry?.messagesBefore ? { hide_messages_before: entry.messagesBefore } : {}),
    };
  },
  channelStateFields: (context, channel, caller) => ({
    hidden: callerState(context, caller, channel)?.hidden ?? false,
  }),
  channelQueryFields: (services, caller, channel) => ({
    hidden: callerState(services, caller, channel)?.hidden ?? false,
  }),
  channelQueryFilter: (services, caller, filter) =>
    filterNamesField(filter, 'hidden')
      ? undefined
      : (channel) => callerState(services, caller, channel)?.hidden !== true,
  messageQueryFilter: (services, caller, channel) => {
    const before = callerState(services, caller, channel)?.messagesBefore;
    return before === undefined
      ? undefined
      : (message) => Date.parse(message.createdAt) > Date.parse(before);
  },
  afterMessageStored: (services, channel, message) =>
    unhideOnMessage(services, channel, isShownInChannel(message)),
};

import { callerUserId } from '../../auth/caller';
import { canWriteChannel } from '../../auth/channel-permissions';
import { requireWritable } from '../../http/routes/channel-access';
import { messageResponse } from '../../responses/message-responses';
import { userResponse } from '../../responses/user-responses';
import { EmulatorFeature } from '../emulator-feature';
import { planPinChange } from './pin-changes';
import { pinRoutes } from './pin-routes';
import { activePin, pinnedMessagesOf, pinsSlice } from './pins-slice';

/** How many pins a channel state lists in `pinned_messages` (Stream's documented 10). */
export const CHANNEL_STATE_PINNED_MESSAGES = 10;

/**
 * Pinned messages: `client.pinMessage` / `unpinMessage` (partial updates of `pinned`,
 * `pin_expires`, `pinned_at`), pins through full and partial updates by the author,
 * the pin fields of messages, `pinned_messages` in channel states,
 * `GET /channels/{type}/{id}/pinned_messages`, capability `pin-message`.
 */
export const pinsFeature: EmulatorFeature = {
  name: 'pins',
  slices: [pinsSlice],
  routes: pinRoutes,
  prepareMessageUpdate(services, update) {
    const { store } = services;
    const change = planPinChange({
      kind: update.kind,
      set: update.set,
      unset: update.unset,
      current: activePin(store, update.message.id),
      actorId: update.actor?.userId,
      now: store.clock.next(),
    });
    if (!change) {
      return undefined;
    }
    if (update.actor) {
      requireWritable(update.actor, update.channel, 'PinMessage');
    }
    return () => {
      const pins = store.slice(pinsSlice);
      if (change.pin) {
        pins.set(update.message.id, change.pin);
      } else {
        pins.delete(update.message.id);
      }
      store.changed();
    };
  },
  messageFields(context, message) {
    const pin = activePin(context.store, message.id);
    return pin
      ? {
          pinned: true,
          pinned_at: pin.pinnedAt,
          pinned_by: userResponse(context, pin.pinnedById),
          pin_expires: pin.pinExpires,
        }
      : {};
  },
  channelStateFields(context, channel, caller) {
    const viewerId = callerUserId(caller);
    return {
      pinned_messages: pinnedMessagesOf(context.store, channel.cid)
        .slice(-CHANNEL_STATE_PINNED_MESSAGES)
        .map(({ message }) => messageResponse(context, message, viewerId)),
    };
  },
  capabilities: (_context, caller, channel) =>
    canWriteChannel(caller, channel) ? ['pin-message'] : [],
};

import { z } from 'zod';
import { ChatStore } from '../../store/chat-store';
import { MessageRecord } from '../../store/model';
import { defineSlice } from '../../store/slices';

/** A pin of one message. */
export interface PinRecord {
  /** When it was pinned (orders `pinned_messages`). */
  pinnedAt: string;
  /** Who pinned it. */
  pinnedById: string;
  /** When the pin ends; `null` for never. */
  pinExpires: string | null;
}

/** The pins, by message id (expired pins stay until the message is unpinned or re-pinned). */
export type Pins = Map<string, PinRecord>;

const persistedPins = z.array(
  z.object({
    message_id: z.string(),
    pinned_at: z.iso.datetime(),
    pinned_by_id: z.string(),
    pin_expires: z.iso.datetime().nullable(),
  }),
);

/** Pinned messages, persisted under `pins`. */
export const pinsSlice = defineSlice<Pins, z.infer<typeof persistedPins>>({
  name: 'pins',
  create: () => new Map(),
  persistence: {
    key: 'pins',
    schema: persistedPins,
    snapshot: (state) =>
      [...state].map(([messageId, pin]) => ({
        message_id: messageId,
        pinned_at: pin.pinnedAt,
        pinned_by_id: pin.pinnedById,
        pin_expires: pin.pinExpires,
      })),
    load: (state, data, store) => {
      for (const entry of data) {
        if (!store.getMessage(entry.message_id)) {
          throw new Error(`message ${entry.message_id} does not exist`);
        }
        if (!store.users.get(entry.pinned_by_id)) {
          throw new Error(`user ${entry.pinned_by_id} (pinned_by_id) does not exist`);
        }
        state.set(entry.message_id, {
          pinnedAt: entry.pinned_at,
          pinnedById: entry.pinned_by_id,
          pinExpires: entry.pin_expires,
        });
      }
    },
  },
  onRemoved: (state, removed) => {
    for (const id of removed.messageIds) {
      state.delete(id);
    }
  },
});

/**
 * The message's pin if it is in force: not expired (expiry is evaluated when read; no event
 * is sent when a pin runs out).
 */
export function activePin(store: ChatStore, messageId: string): PinRecord | undefined {
  const pin = store.slice(pinsSlice).get(messageId);
  if (!pin || (pin.pinExpires !== null && Date.parse(pin.pinExpires) <= Date.now())) {
    return undefined;
  }
  return pin;
}

/**
 * The channel's pinned messages in force (soft-deleted ones left out), by `pinned_at`,
 * oldest pin first.
 */
export function pinnedMessagesOf(
  store: ChatStore,
  cid: string,
): { message: MessageRecord; pin: PinRecord }[] {
  const pinned: { message: MessageRecord; pin: PinRecord }[] = [];
  for (const messageId of store.slice(pinsSlice).keys()) {
    const message = store.getMessage(messageId);
    const pin = activePin(store, messageId);
    if (message && pin && message.cid === cid && !message.deletedAt) {
      pinned.push({ message, pin });
    }
  }
  return pinned.sort(
    (left, right) =>
      Date.parse(left.pin.pinnedAt) - Date.parse(right.pin.pinnedAt) ||
      left.message.id.localeCompare(right.message.id),
  );
}

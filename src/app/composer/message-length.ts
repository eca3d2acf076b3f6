import type { Channel } from 'stream-chat';

/** The limit when the channel's config names none. */
export const DEFAULT_MAX_MESSAGE_LENGTH = 5000;

/** The longest message the channel takes: its config's `max_message_length`, else 5000. */
export function maxMessageLength(channel: Channel | undefined): number {
  const configured = channel?.getConfig?.()?.max_message_length;
  return typeof configured === 'number' && configured > 0 ? configured : DEFAULT_MAX_MESSAGE_LENGTH;
}

/** Whether to show the counter: from 80 % of the limit on. */
export function showsLengthCounter(length: number, limit: number): boolean {
  return length >= limit * 0.8;
}

import type { Channel } from 'stream-chat';
import { isMuted, isPinned } from './channel-membership';
import { MemberPresence, channelPresence, counterpartOf } from './channel-presence';

/** What the channel list shows for a channel. */
export interface ChannelSummary {
  /** The channel itself, to select it. */
  channel: Channel;
  cid: string;
  /** The channel's name, or its id when it has none. */
  name: string;
  /** "Bob: See you there", "You: Hi", or `undefined` when the channel has no messages. */
  preview: string | undefined;
  /** When the last message was sent. */
  lastMessageAt: Date | undefined;
  /** The other person of a one-to-one channel, with their presence. */
  counterpart: MemberPresence | undefined;
  /** Whether the user muted the channel: it shows no unread badge. */
  muted: boolean;
  /** Whether the user pinned the channel. */
  pinned: boolean;
}

/** The channel's name as Stream apps show it: its `name`, else its id. */
export function channelName(channel: Channel): string {
  const name = (channel.data as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() ? name : (channel.id ?? channel.cid);
}

/** A summary of the channel as it is now, for the user `ownUserId`. */
export function summarizeChannel(channel: Channel, ownUserId: string | undefined): ChannelSummary {
  const messages = channel.state.messages;
  const last = [...messages].reverse().find((message) => message.type !== 'deleted');
  let preview: string | undefined;
  if (last) {
    const sender =
      last.user?.id && last.user.id === ownUserId ? 'You' : last.user?.name || last.user?.id;
    const text = last.text?.trim() || (last.attachments?.length ? 'Attachment' : '');
    preview = sender ? `${sender}: ${text}` : text;
  }
  return {
    channel,
    cid: channel.cid,
    name: channelName(channel),
    preview,
    lastMessageAt: last?.created_at ? new Date(last.created_at) : undefined,
    counterpart: counterpartOf(channelPresence(channel, ownUserId), ownUserId),
    muted: isMuted(channel),
    pinned: isPinned(channel),
  };
}

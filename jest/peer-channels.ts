import type { Channel, ChannelData, StreamChat } from 'stream-chat';

/** Custom channel fields, such as `name` or a field to filter on. */
export type CustomChannelFields = Record<string, unknown>;
import { uniqueId } from './chat-peer';

/** Runs `task(0) ... task(count - 1)`, `batchSize` at a time, and resolves with their results in order. */
export async function inBatches<T>(
  count: number,
  batchSize: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, count - start) }, (_, i) =>
      task(start + i),
    );
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

/**
 * Creates and watches a `messaging` channel of `peer` with `members` (the peer included), with a
 * unique id starting with `prefix`.
 */
export async function createChannel(
  peer: StreamChat,
  members: string[],
  prefix = 'chat',
  data: CustomChannelFields = {},
): Promise<Channel> {
  const ownId = peer.userID as string;
  const channel = peer.channel('messaging', uniqueId(prefix), {
    ...data,
    members: [...new Set([ownId, ...members])],
  } as ChannelData);
  await channel.watch();
  return channel;
}

/** Creates `count` channels as `createChannel` does, 10 at a time; they are created in index order per batch. */
export function createChannels(
  peer: StreamChat,
  count: number,
  members: string[],
  prefix = 'chat',
): Promise<Channel[]> {
  return inBatches(count, 10, (index) =>
    createChannel(peer, members, `${prefix}${index}`, { name: `${prefix} ${index}` }),
  );
}

/** Sends `count` messages `"<prefix> <index>"` to the channel, 20 at a time; resolves with their ids. */
export async function sendMessages(
  channel: Channel,
  count: number,
  prefix = 'message',
): Promise<string[]> {
  const sent = await inBatches(count, 20, (index) =>
    channel.sendMessage({ text: `${prefix} ${index}` }),
  );
  return sent.map((response) => response.message.id);
}

/** The channel's messages as the server stores them (oldest first): asks the server, not the cache. */
export async function serverMessageIds(channel: Channel, limit = 300): Promise<string[]> {
  const state = await channel.query({ messages: { limit } });
  return state.messages.map((message) => message.id);
}

import type {
  Channel,
  ChannelQueryOptions,
  MessageResponse,
  MessageSetType,
  QueryChannelAPIResponse,
  StreamChat,
} from 'stream-chat';
import { channelState } from './offline-stream-chat';

/** `channel.query` as the spec stubs it, with its calls recorded. */
export type MessageQuery = jest.SpyInstance<
  Promise<QueryChannelAPIResponse>,
  [options?: ChannelQueryOptions, messageSetToAddToIfDoesNotExist?: MessageSetType]
>;

/**
 * Stubs `channel.query` with a server holding `stored` (oldest first): each call answers with the
 * page its `messages` options ask for (`id_lt`, `id_gt`, `id_around`, or the latest), loads it into
 * the message set the call names, as the client does, and sets that set's paging as the client
 * reads an answer (a full page says more may follow in its direction; a window around a message
 * knows whether it reaches either end). The stub waits a microtask, so concurrent calls overlap. Read `stored` at
 * each call: a spec may add messages to the array later.
 */
export function serveMessages(
  client: StreamChat,
  channel: Channel,
  stored: MessageResponse[],
): MessageQuery {
  return jest
    .spyOn(channel, 'query')
    .mockImplementation(async (options: ChannelQueryOptions = {}, set = 'current') => {
      await Promise.resolve();
      const { limit = 100, id_lt, id_gt, id_around } = options.messages ?? {};
      const index = (id: string) => stored.findIndex((message) => message.id === id);
      let page: MessageResponse[];
      if (id_lt) {
        page = stored.slice(Math.max(0, index(id_lt) - limit), index(id_lt));
      } else if (id_gt) {
        page = stored.slice(index(id_gt) + 1, index(id_gt) + 1 + limit);
      } else if (id_around) {
        const start = Math.max(0, index(id_around) - Math.floor(limit / 2));
        page = stored.slice(start, start + limit);
      } else {
        page = stored.slice(-limit);
      }
      const state = { ...channelState(client, channel.id as string), messages: page };
      const { messageSet } = channel._initializeState(state, set);
      // As the client reads an answer: a full page says more may follow in its direction.
      const full = page.length >= limit;
      if (id_around) {
        messageSet.pagination.hasPrev = stored[0]?.id !== page[0]?.id;
        messageSet.pagination.hasNext = stored.at(-1)?.id !== page.at(-1)?.id;
      } else if (id_gt) {
        messageSet.pagination.hasNext = full;
      } else {
        messageSet.pagination.hasPrev = full;
      }
      return state as QueryChannelAPIResponse;
    });
}

import type { Channel } from 'stream-chat';
import type { ChannelListOptions, ChannelService, ChatMessage } from 'ngx-stream-chat';
import { poll } from '../projects/stream-chat-emulator/test/poll';
import type { ChannelServiceFixture, OtherSide } from './channel-service-fixture';
import { createChannel } from './peer-channels';

/** Two users, each with their own services, with one channel between them active on both sides. */
export interface TwoUserChannel {
  /** The fixture's user (`fixture.service`). */
  bob: string;
  /** The other user, with services of their own. */
  alice: OtherSide;
  /** The channel as Alice's client holds it (she created it). */
  channel: Channel;
}

/**
 * Connects Bob (the fixture's services) and Alice (services of her own), has Alice create a
 * channel with both as members, and makes it the active channel on both sides (both `init()`
 * with `options`).
 */
export async function openTwoUserChannel(
  fixture: ChannelServiceFixture,
  prefix = 'chat',
  options?: ChannelListOptions,
): Promise<TwoUserChannel> {
  const bob = await fixture.connect('bob');
  const alice = await fixture.otherSide('alice');
  const client = alice.chat.chatClient;
  if (!client) throw new Error('alice is not connected');
  const channel = await createChannel(client, [bob], prefix);
  await alice.service.init({ cid: channel.cid }, undefined, options);
  await fixture.service.init({ cid: channel.cid }, undefined, options);
  return { bob, alice, channel };
}

/** The message with this id as the service lists it (main list, or the open thread). */
export function listed(service: ChannelService, id: string): ChatMessage | undefined {
  return (
    service.activeChannelMessages().find((message) => message.id === id) ??
    service.activeThreadMessages().find((message) => message.id === id)
  );
}

/** Waits until the service lists the message with this id and `check` holds for it. */
export function waitForMessage(
  service: ChannelService,
  id: string,
  check: (message: ChatMessage) => boolean,
  description: string,
): Promise<ChatMessage> {
  return poll(
    () => {
      const message = listed(service, id);
      return message && check(message) ? message : undefined;
    },
    {
      description: () => `${description} (message now: ${JSON.stringify(listed(service, id))})`,
    },
  );
}

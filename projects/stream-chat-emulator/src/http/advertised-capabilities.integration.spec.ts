import { Channel, StreamChat } from 'stream-chat';
import { RunningEmulator } from '..';
import { customFields, emulatorForSpecFile, nextEvent } from '../../test/client-harness';

/** What one capability lets a user do, tried with the unmodified client. */
type Exercise = (world: {
  alice: StreamChat;
  bob: StreamChat;
  channel: Channel;
  bobChannel: Channel;
  fresh: (id: string, createdBy: string) => Promise<Channel>;
}) => Promise<unknown>;

/**
 * One call per capability the emulator may advertise. UI kits show an action exactly when its
 * capability is advertised, so each one here must work; a capability without an entry fails
 * the spec, so nothing is advertised that nobody has tried.
 */
const EXERCISES: Record<string, Exercise> = {
  'connect-events': ({ channel }) => channel.watch(),
  'read-events': ({ channel }) => channel.markRead(),
  'send-typing-events': async ({ channel, bob }) => {
    const typing = nextEvent(bob, 'typing.start');
    await channel.keystroke();
    return typing;
  },
  'typing-events': async ({ channel, alice }) => {
    const stop = nextEvent(alice, 'typing.stop');
    await channel.stopTyping();
    return stop;
  },
  'send-message': ({ channel }) => channel.sendMessage({ text: 'hello' }),
  'send-reply': async ({ channel }) => {
    const { message } = await channel.sendMessage({ text: 'a thread' });
    return channel.sendMessage({ text: 'a reply', parent_id: message.id });
  },
  'send-links': ({ channel }) => channel.sendMessage({ text: 'see https://example.com' }),
  'send-custom-events': async ({ channel, bob }) => {
    const received = nextEvent(bob, 'custom.ping' as never);
    await channel.sendEvent({ type: 'custom.ping' } as never);
    return received;
  },
  'quote-message': async ({ channel }) => {
    const { message } = await channel.sendMessage({ text: 'quote me' });
    return channel.sendMessage({ text: 'quoting', quoted_message_id: message.id });
  },
  'update-own-message': async ({ channel, alice }) => {
    const { message } = await channel.sendMessage({ text: 'draft' });
    return alice.updateMessage({ id: message.id, text: 'final' });
  },
  'delete-own-message': async ({ channel, alice }) => {
    const { message } = await channel.sendMessage({ text: 'oops' });
    return alice.deleteMessage(message.id);
  },
  'update-channel': ({ channel }) => channel.updatePartial({ set: customFields({ topic: 'x' }) }),
  'update-channel-members': async ({ channel }) => {
    await channel.addMembers(['carol']);
    return channel.removeMembers(['carol']);
  },
  'leave-channel': async ({ fresh }) => (await fresh('cap-leave', 'bob')).removeMembers(['alice']),
  'delete-channel': async ({ fresh }) => (await fresh('cap-delete', 'alice')).delete(),
  'send-reaction': async ({ channel }) => {
    const { message } = await channel.sendMessage({ text: 'react to me' });
    return channel.sendReaction(message.id, { type: 'love' });
  },
  'update-thread': async ({ channel, alice }) => {
    const { message } = await channel.sendMessage({ text: 'thread root' });
    await channel.sendMessage({ text: 'reply', parent_id: message.id });
    return alice.partialUpdateThread(message.id, { set: customFields({ title: 'Plans' }) });
  },
  'pin-message': async ({ channel, alice }) => {
    const { message } = await channel.sendMessage({ text: 'pin me' });
    return alice.pinMessage(message);
  },
  'search-messages': ({ alice }) => alice.search({ members: { $in: ['alice'] } }, 'hello'),
  'truncate-channel': async ({ fresh }) => (await fresh('cap-truncate', 'alice')).truncate(),
  'mute-channel': async ({ channel }) => {
    await channel.mute();
    return channel.unmute();
  },
  'freeze-channel': async ({ channel }) => {
    await channel.updatePartial({ set: customFields({ frozen: true }) });
    return channel.updatePartial({ set: customFields({ frozen: false }) });
  },
  'set-channel-cooldown': async ({ channel }) => {
    await channel.enableSlowMode(5);
    return channel.disableSlowMode();
  },
  'skip-slow-mode': async ({ channel }) => {
    await channel.enableSlowMode(30);
    await channel.sendMessage({ text: 'first' });
    await channel.sendMessage({ text: 'second, at once' });
    return channel.disableSlowMode();
  },
  'upload-file': ({ channel }) => channel.sendFile(Buffer.from('notes'), 'notes.txt', 'text/plain'),
  'flag-message': async ({ bobChannel, alice }) => {
    const { message } = await bobChannel.sendMessage({ text: 'flag me' });
    return alice.flagMessage(message.id);
  },
};

describe('own_capabilities', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('advertises only what works: every capability alice has in her channel succeeds', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' });
    const server = pool.server();
    const fresh = async (id: string, createdBy: string) => {
      await server
        .channel('messaging', id, { members: ['alice', 'bob'], created_by_id: createdBy })
        .create();
      const [created] = await alice.queryChannels({ id });
      return created;
    };
    const advertised = channel.data?.own_capabilities ?? [];
    expect(advertised.length).toBeGreaterThan(10);
    const untried = advertised.filter((capability) => !(capability in EXERCISES));
    expect(untried).toEqual([]);
    for (const capability of advertised) {
      await expect(
        EXERCISES[capability]({ alice, bob, channel, bobChannel, fresh }).then(() => capability),
      ).resolves.toBe(capability);
    }
    expect(emulator.store.getChannel('messaging:cap-delete')).toBeUndefined();
  });

  it('gives anonymous users only connect-events', async () => {
    const anonymous = pool.client();
    await anonymous.connectAnonymousUser();
    const [livestream] = await anonymous.queryChannels({ type: 'livestream' });
    expect(livestream.data?.own_capabilities).toEqual(['connect-events']);
  });
});

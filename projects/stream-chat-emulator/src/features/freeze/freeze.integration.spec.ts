import { Event } from 'stream-chat';
import { RunningEmulator } from '../..';
import { customFields, emulatorForSpecFile, nextEvent } from '../../../test/client-harness';
import { poll } from '../../../test/poll';
import { FROZEN_CHANNEL_TEXT } from './freeze-feature';

describe('freezing a channel', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('answers messages to a frozen channel with an error message, stored and sent to nobody', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const carol = await pool.connected('carol');
    const [aliceChannel] = await alice.queryChannels({ id: 'general' }, {}, { watch: false });
    const [bobChannel] = await bob.queryChannels({ id: 'general' });
    const [carolChannel] = await carol.queryChannels({ id: 'general' });
    const carolMessages: Event[] = [];
    carol.on('message.new', (event) => carolMessages.push(event));
    const canSend = (channel: typeof bobChannel): boolean =>
      (channel.data?.own_capabilities as string[]).includes('send-message');

    const updated = nextEvent(carol, 'channel.updated');
    const { channel } = await aliceChannel.updatePartial({ set: { frozen: true } });
    expect(channel.frozen).toBe(true);
    expect(channel.own_capabilities).toContain('freeze-channel');
    expect(channel.own_capabilities).not.toContain('send-message');
    expect((await updated).channel?.frozen).toBe(true);
    // On a change of `frozen` the client re-queries the channel for its capabilities.
    await poll(() => !canSend(bobChannel) && !canSend(carolChannel), {
      description: 'capabilities drop',
      timeoutMs: 3000,
    });
    expect(bobChannel.data?.own_capabilities).not.toContain('send-reply');
    expect(bobChannel.data?.own_capabilities).not.toContain('freeze-channel');

    const { message } = await bobChannel.sendMessage({ id: 'while-frozen', text: 'anyone?' });
    expect(message).toMatchObject({ id: 'while-frozen', type: 'error', text: FROZEN_CHANNEL_TEXT });
    expect(emulator.store.getMessage('while-frozen')).toBeUndefined();

    await aliceChannel.updatePartial({ set: { frozen: false } });
    await poll(() => canSend(bobChannel) && canSend(carolChannel), {
      description: 'capabilities return',
      timeoutMs: 3000,
    });
    const thawed = nextEvent(carol, 'message.new', (event) => event.message?.id === 'after-thaw');
    await bobChannel.sendMessage({ id: 'after-thaw', text: 'back again' });
    await thawed;
    expect(carolMessages.map((event) => event.message?.id)).toEqual(['after-thaw']);
    expect(emulator.store.getMessage('after-thaw')?.text).toBe('back again');
  });

  it('lets only moderators freeze, checks the value, exempts server-side sends and keeps frozen on full updates', async () => {
    const bob = await pool.connected('bob');
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' }, {}, { watch: false });
    const server = pool.server();
    const serverChannel = server.channel('messaging', 'alice-bob');

    await expect(bobChannel.updatePartial({ set: { frozen: true } })).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    await expect(
      serverChannel.updatePartial({ set: customFields({ frozen: 'yes' }) }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    expect(emulator.store.getChannel('messaging:alice-bob')?.data['frozen']).toBeUndefined();

    await serverChannel.update(customFields({ name: 'Alice and Bob', frozen: true }));
    await serverChannel.update(customFields({ name: 'Alice and Bob (frozen)' }));
    expect(emulator.store.getChannel('messaging:alice-bob')?.data['frozen']).toBe(true);
    const { message } = await serverChannel.sendMessage({
      id: 'announcement',
      text: 'The channel is read-only now',
      user_id: 'alice',
    });
    expect(message.type).toBe('regular');
    expect(emulator.store.getMessage('announcement')).toBeDefined();
    await serverChannel.updatePartial({ set: { frozen: false } });
  });
});

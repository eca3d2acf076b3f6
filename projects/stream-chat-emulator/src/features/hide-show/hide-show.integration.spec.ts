import { Event, StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../..';
import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';

describe('hiding and showing a channel', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('hides the channel from the member only, until show or a new message', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' });
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' });
    const aliceHidden: Event[] = [];
    alice.on('channel.hidden', (event) => aliceHidden.push(event));

    const hidden = nextEvent(bob, 'channel.hidden');
    await bobChannel.hide();
    expect(await hidden).toMatchObject({
      cid: 'messaging:alice-bob',
      clear_history: false,
      user: { id: 'bob' },
      channel: { cid: 'messaging:alice-bob', hidden: true },
    });
    expect(bobChannel.data?.hidden).toBe(true);
    const bobList = await bob.queryChannels({ members: { $in: ['bob'] } });
    expect(bobList.map((channel) => channel.id)).not.toContain('alice-bob');
    const bobHidden = await bob.queryChannels({ members: { $in: ['bob'] }, hidden: true });
    expect(bobHidden.map((channel) => channel.id)).toEqual(['alice-bob']);
    expect(bobHidden[0].data?.hidden).toBe(true);
    const aliceList = await alice.queryChannels({ members: { $in: ['alice'] } });
    expect(aliceList.map((channel) => channel.id)).toContain('alice-bob');
    expect(aliceList.find((channel) => channel.id === 'alice-bob')?.data?.hidden).toBe(false);

    const visible = nextEvent(bob, 'channel.visible');
    const delivered = nextEvent(alice, 'message.new');
    await aliceChannel.sendMessage({ id: 'wake-up', text: 'still there?' });
    expect((await visible).channel?.hidden).toBe(false);
    await delivered;
    expect(aliceHidden).toEqual([]);
    expect(bobChannel.data?.hidden).toBe(false);
    const again = await bob.queryChannels({ members: { $in: ['bob'] } });
    expect(again.map((channel) => channel.id)).toContain('alice-bob');

    await bobChannel.hide();
    const shown = nextEvent(bob, 'channel.visible');
    await bobChannel.show();
    await shown;
    expect((await bob.queryChannels({ id: 'alice-bob' })).length).toBe(1);
  });

  it('clears the history for the member only with clear_history', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'general' });
    const [bobChannel] = await bob.queryChannels({ id: 'general' });
    expect(bobChannel.state.messages.length).toBeGreaterThan(0);

    const hidden = nextEvent(bob, 'channel.hidden');
    await bobChannel.hide(null, true);
    expect((await hidden).clear_history).toBe(true);
    expect(bobChannel.state.messages).toEqual([]);
    const [cleared] = await bob.queryChannels({ id: 'general', hidden: true });
    expect(cleared.state.messages).toEqual([]);
    expect(cleared.data?.hide_messages_before).toEqual(expect.any(String));

    await aliceChannel.sendMessage({ id: 'after-clear', text: 'a fresh start' });
    const [bobView] = await bob.queryChannels({ id: 'general' });
    expect(bobView.state.messages.map((message) => message.id)).toEqual(['after-clear']);
    const [aliceView] = await alice.queryChannels({ id: 'general' });
    expect(aliceView.state.messages.length).toBeGreaterThan(1);
  });

  it('refuses non-members (code 17) and users hiding for someone else', async () => {
    const carol = await pool.connected('carol');
    const bob = await pool.connected('bob');
    const server = pool.server();
    await expect(server.channel('messaging', 'alice-bob').hide('carol')).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    const [design] = await carol.queryChannels({ id: 'design' });
    const [bobDesign] = await bob.queryChannels({ id: 'design' });
    await expect(bobDesign.hide('carol')).rejects.toMatchObject({ code: 17 });
    expect((await carol.queryChannels({ id: 'design' })).length).toBe(1);
    await server.channel('messaging', 'design').hide('carol');
    expect(await carol.queryChannels({ id: 'design' })).toEqual([]);
    await design.show();
  });

  it('keeps hidden channels hidden across a restart', async () => {
    const server = pool.server();
    await server.channel('messaging', 'design').hide('bob', true);
    const restarted = await startEmulator({ port: 0, quiet: true, seed: emulator.snapshot() });
    try {
      const client = new StreamChat(restarted.apiKey, restarted.apiSecret, {
        baseURL: restarted.url,
      });
      const visible = await client.queryChannels({ id: 'design' }, {}, { user_id: 'bob' });
      expect(visible).toEqual([]);
      const [hidden] = await client.queryChannels(
        { id: 'design', hidden: true },
        {},
        { user_id: 'bob' },
      );
      expect(hidden.data?.hidden).toBe(true);
      expect(hidden.state.messages).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});

import { Channel, LocalMessage, StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../..';
import { emulatorForSpecFile, nextEvent, rejectionOf } from '../../../test/client-harness';
import { poll } from '../../../test/poll';

/** The client's local copy of a message of the channel. */
function localMessage(channel: Channel, id: string): LocalMessage {
  const message = channel.state.messages.find((item) => item.id === id);
  if (!message) {
    throw new Error(`message ${id} is not in the channel's local state`);
  }
  return message;
}

describe('pinned messages', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  async function aliceAndBob(): Promise<{ alice: StreamChat; bob: StreamChat }> {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    await alice.queryChannels({ id: 'general' });
    await bob.queryChannels({ id: 'general' });
    return { alice, bob };
  }

  it('lets a member pin and unpin another member’s message; watchers get message.updated', async () => {
    const { alice, bob } = await aliceAndBob();
    const aliceChannel = alice.channel('messaging', 'general');
    expect(aliceChannel.data?.own_capabilities).toContain('pin-message');
    const pinned = nextEvent(alice, 'message.updated', (event) => event.message?.pinned === true);
    const { message } = await bob.pinMessage('general-1');
    expect(message).toMatchObject({
      id: 'general-1',
      pinned: true,
      pinned_at: expect.any(String),
      pinned_by: { id: 'bob' },
      pin_expires: null,
    });
    const event = await pinned;
    expect(event.message).toMatchObject({ pinned: true, pinned_by: { id: 'bob' } });
    expect(aliceChannel.state.pinnedMessages.map((item) => item.id)).toEqual(['general-1']);

    const state = await alice.channel('messaging', 'general').query({});
    expect(state.pinned_messages.map((item) => item.id)).toEqual(['general-1']);
    const { messages } = await aliceChannel.getPinnedMessages({ limit: 10 });
    expect(messages.map((item) => item.id)).toEqual(['general-1']);

    const unpinned = nextEvent(
      alice,
      'message.updated',
      (event) => event.message?.pinned === false,
    );
    const after = await alice.unpinMessage('general-1');
    expect(after.message).toMatchObject({
      pinned: false,
      pinned_at: null,
      pinned_by: null,
      pin_expires: null,
    });
    await unpinned;
    expect(aliceChannel.state.pinnedMessages).toEqual([]);
    expect((await aliceChannel.query({})).pinned_messages).toEqual([]);
  });

  it('pins with an expiry; an expired pin reads as unpinned', async () => {
    const { alice, bob } = await aliceAndBob();
    const channel = alice.channel('messaging', 'general');
    const expires = new Date(Date.now() + 3_600_000).toISOString();
    const updated = nextEvent(bob, 'message.updated');
    const long = await alice.pinMessage('general-2', expires);
    expect(long.message.pin_expires).toBe(expires);
    expect((await updated).message?.pin_expires).toBe(expires);

    const short = await alice.pinMessage('general-3', 1);
    expect(Date.parse(short.message.pin_expires as string)).toBeGreaterThan(Date.now());
    let stillPinned = true;
    await poll(
      () => {
        void alice.getMessage('general-3').then(({ message }) => {
          stillPinned = message.pinned === true;
        });
        return !stillPinned;
      },
      { description: 'the one-second pin runs out', timeoutMs: 4000 },
    );
    const state = await channel.query({});
    expect(state.pinned_messages.map((item) => item.id)).toEqual(['general-2']);
    await alice.unpinMessage('general-2');
  });

  it('pages getPinnedMessages by limit, pinned_at bounds and sort', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'general' });
    const first = await alice.pinMessage('general-1');
    const second = await alice.pinMessage('general-2');
    const third = await alice.pinMessage('general-3');
    const ids = async (...args: Parameters<typeof channel.getPinnedMessages>) =>
      (await channel.getPinnedMessages(...args)).messages.map((message) => message.id);
    expect(await ids({})).toEqual(['general-3', 'general-2', 'general-1']);
    expect(await ids({ limit: 2 }, { pinned_at: 1 })).toEqual(['general-1', 'general-2']);
    expect(
      await ids({ pinned_at_before: third.message.pinned_at as string }, { pinned_at: -1 }),
    ).toEqual(['general-2', 'general-1']);
    expect(await ids({ pinned_at_after_or_equal: second.message.pinned_at as string })).toEqual([
      'general-3',
      'general-2',
    ]);
    expect(first.message.pinned_at).not.toBe(second.message.pinned_at);
    await expect(channel.getPinnedMessages({ id_lt: 'general-3' })).rejects.toMatchObject({
      code: 4,
      status: 400,
    });
    for (const id of ['general-1', 'general-2', 'general-3']) {
      await alice.unpinMessage(id);
    }
  });

  it('pins through a full update of the author only when pinned changes', async () => {
    const { alice, bob } = await aliceAndBob();
    const channel = alice.channel('messaging', 'general');
    await channel.sendMessage({ id: 'full-pin', text: 'pin me by editing' });
    const updated = nextEvent(bob, 'message.updated');
    // The client sends `pinned: !!pinned_at` (and strips `pinned_at`).
    const { message } = await alice.updateMessage({
      id: 'full-pin',
      text: 'edited',
      pinned_at: new Date().toISOString(),
    });
    expect(message).toMatchObject({ pinned: true, pinned_by: { id: 'alice' }, text: 'edited' });
    expect((await updated).message?.pinned).toBe(true);
    const local = localMessage(channel, 'full-pin');
    const again = await alice.updateMessage({ ...local, id: 'full-pin', text: 'edited twice' });
    expect(again.message.pinned_at).toBe(message.pinned_at);
    const off = await alice.updateMessage({ id: 'full-pin', text: 'edited', pinned_at: null });
    expect(off.message.pinned).toBe(false);
  });

  it('refuses pins by non-members, bad pin fields and anonymous pins, storing nothing', async () => {
    const { alice } = await aliceAndBob();
    const carol = await pool.connected('carol');
    const refusal = (await rejectionOf(carol.pinMessage('alice-bob-1'))) as {
      code: number;
      status: number;
    };
    expect(refusal).toMatchObject({ code: 17, status: 403 });
    await expect(
      alice.pinMessage('general-1', new Date(Date.now() - 60_000)),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      alice.partialUpdateMessage('general-1', { set: { pinned: 'yes' } } as never),
    ).rejects.toMatchObject({ code: 4 });
    await expect(
      alice.partialUpdateMessage('general-1', { set: { pin_expires: null } } as never),
    ).rejects.toMatchObject({ code: 4 });
    await expect(pool.server().pinMessage('general-1')).rejects.toMatchObject({ code: 4 });
    await expect(alice.pinMessage('no-such-message')).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    await expect(
      alice.partialUpdateMessage('general-1', {
        set: { text: 'changed', pinned: true, pin_expires: 'tomorrow' },
      } as never),
    ).rejects.toMatchObject({ code: 4 });
    expect(emulator.store.getMessage('general-1')?.text).toBe('Welcome to the general channel!');
    expect((await alice.getMessage('general-1')).message.pinned).toBe(false);
  });

  it('lets the server pin as a named user', async () => {
    const { message } = await pool.server().pinMessage('design-1', null, 'carol');
    expect(message).toMatchObject({ pinned: true, pinned_by: { id: 'carol' } });
    await pool.server().unpinMessage('design-1', 'carol');
  });

  it('keeps pins across a restart', async () => {
    const alice = await pool.connected('alice');
    const expires = new Date(Date.now() + 3_600_000).toISOString();
    const { message } = await alice.pinMessage('alice-bob-1', expires);
    const restarted = await startEmulator({ port: 0, quiet: true, seed: emulator.snapshot() });
    try {
      const [copy] = restarted
        .messages('messaging:alice-bob')
        .filter((m) => m.id === 'alice-bob-1');
      expect(copy).toMatchObject({
        pinned: true,
        pinned_at: message.pinned_at,
        pinned_by: { id: 'alice' },
        pin_expires: expires,
      });
    } finally {
      await restarted.close();
    }
    await alice.unpinMessage('alice-bob-1');
  });
});

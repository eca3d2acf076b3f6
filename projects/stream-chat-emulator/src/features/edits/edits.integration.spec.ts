import { Channel, LocalMessage } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../..';
import { customFields, emulatorForSpecFile, nextEvent } from '../../../test/client-harness';

/** The client's local copy of a message of the channel. */
function localMessage(channel: Channel, id: string): LocalMessage {
  const message = channel.state.messages.find((item) => item.id === id);
  if (!message) {
    throw new Error(`message ${id} is not in the channel's local state`);
  }
  return message;
}

describe('message edits: message_text_updated_at', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('sets message_text_updated_at when a full update changes the text, and bob sees it', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' });
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' });
    const sent = await aliceChannel.sendMessage({ id: 'edit-text', text: 'first' });
    expect(sent.message.message_text_updated_at).toBeUndefined();

    const updated = nextEvent(bob, 'message.updated');
    const local = localMessage(aliceChannel, 'edit-text');
    const { message } = await alice.updateMessage({ ...local, id: 'edit-text', text: 'second' });
    expect(message.message_text_updated_at).toBe(message.updated_at);
    const event = await updated;
    expect(event.message?.message_text_updated_at).toBe(message.updated_at);
    expect(localMessage(bobChannel, 'edit-text').message_text_updated_at).toBe(message.updated_at);
  });

  it('keeps it unset when an update does not change the text', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' });
    await bob.queryChannels({ id: 'alice-bob' });
    await aliceChannel.sendMessage({ id: 'same-text', text: 'unchanged' });
    const local = localMessage(aliceChannel, 'same-text');
    const updated = nextEvent(bob, 'message.updated');
    const full = await alice.updateMessage({
      ...local,
      id: 'same-text',
      ...customFields<object>({ mood: 'calm' }),
    });
    expect(full.message.message_text_updated_at).toBeUndefined();
    expect((await updated).message?.message_text_updated_at).toBeUndefined();
    const partial = await alice.partialUpdateMessage('same-text', {
      set: customFields({ text: 'unchanged', topic: 'x' }),
    });
    expect(partial.message.message_text_updated_at).toBeUndefined();
    expect(partial.message).toMatchObject({ mood: 'calm', topic: 'x' });
  });

  it('sets it on partial updates of the text, and not on later updates of other fields', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    await channel.sendMessage({ id: 'partial-text', text: 'draft' });
    const { message } = await alice.partialUpdateMessage('partial-text', { set: { text: 'done' } });
    expect(message.message_text_updated_at).toBe(message.updated_at);
    const later = await alice.partialUpdateMessage('partial-text', {
      set: customFields({ mood: 'happy' }),
    });
    expect(later.message.message_text_updated_at).toBe(message.message_text_updated_at);
    expect(later.message.updated_at).not.toBe(message.updated_at);
  });

  it('stores none of the server-computed fields a full update sends back as custom data', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    await channel.sendMessage({ id: 'round-trip', text: 'round trip' });
    await alice.partialUpdateMessage('round-trip', { set: { text: 'round trip 2' } });
    const local = localMessage(channel, 'round-trip');
    expect(local?.message_text_updated_at).toBeDefined();
    await alice.updateMessage({ ...local, id: 'round-trip', text: 'round trip 3' });
    const stored = emulator.store.getMessage('round-trip');
    expect(Object.keys(stored?.data ?? {})).toEqual([]);
  });

  it('keeps message_text_updated_at across a restart', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    await channel.sendMessage({ id: 'kept-edit', text: 'before' });
    const { message } = await alice.partialUpdateMessage('kept-edit', { set: { text: 'after' } });
    const restarted = await startEmulator({ port: 0, quiet: true, seed: emulator.snapshot() });
    try {
      const [copy] = restarted.messages('messaging:alice-bob').filter((m) => m.id === 'kept-edit');
      expect(copy['message_text_updated_at']).toBe(message.message_text_updated_at);
    } finally {
      await restarted.close();
    }
  });
});

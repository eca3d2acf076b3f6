import { RunningEmulator } from '../..';
import { emulatorForSpecFile, customFields, nextEvent } from '../../../test/client-harness';

describe('editing, deleting and reading messages; members and threads', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('updates a message (message.updated) and refuses edits by others (code 17)', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' });
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' });
    await aliceChannel.sendMessage({ id: 'edit-me', text: 'first draft' });
    const updated = nextEvent(bob, 'message.updated');
    const { message } = await alice.updateMessage({ id: 'edit-me', text: 'final text' });
    expect(message).toMatchObject({
      id: 'edit-me',
      text: 'final text',
      html: '<p>final text</p>\n',
    });
    expect((await updated).message?.text).toBe('final text');
    expect(bobChannel.state.messages.find((item) => item.id === 'edit-me')?.text).toBe(
      'final text',
    );
    await expect(bob.updateMessage({ id: 'edit-me', text: 'hijacked' })).rejects.toMatchObject({
      code: 17,
    });

    const partial = await alice.partialUpdateMessage('edit-me', {
      set: customFields({ mood: 'calm' }),
    });
    expect(partial.message).toMatchObject({ text: 'final text', mood: 'calm' });
  });

  it('soft-deletes and hard-deletes messages (message.deleted)', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' });
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' });
    await aliceChannel.sendMessage({ id: 'soft', text: 'soon gone' });
    await aliceChannel.sendMessage({ id: 'hard', text: 'gone for good' });
    const soft = nextEvent(bob, 'message.deleted');
    const { message } = await alice.deleteMessage('soft');
    expect(message).toMatchObject({ id: 'soft', type: 'deleted', deleted_at: expect.any(String) });
    expect((await soft).hard_delete).toBe(false);
    expect(bobChannel.state.messages.find((item) => item.id === 'soft')?.type).toBe('deleted');
    const hard = nextEvent(bob, 'message.deleted');
    await alice.deleteMessage('hard', { hardDelete: true });
    expect((await hard).hard_delete).toBe(true);
    expect(bobChannel.state.messages.find((item) => item.id === 'hard')).toBeUndefined();
    expect(emulator.store.getMessage('hard')).toBeUndefined();
    await expect(bob.getMessage('soft')).resolves.toMatchObject({ message: { type: 'deleted' } });
  });

  it('keeps thread replies out of the channel list and serves them with getReplies', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    await channel.sendMessage({ id: 'thread-root', text: 'start a thread' });
    const unreadBefore =
      emulator.store.getChannel('messaging:alice-bob')?.members.get('bob')?.read.unreadMessages ??
      0;
    const replyEvent = nextEvent(bob, 'message.new', (event) => event.message?.id === 'reply-1');
    await bob.queryChannels({ id: 'alice-bob' });
    await channel.sendMessage({ id: 'reply-1', text: 'in the thread', parent_id: 'thread-root' });
    expect((await replyEvent).message?.parent_id).toBe('thread-root');
    await channel.sendMessage({
      id: 'reply-2',
      text: 'also in the thread',
      parent_id: 'thread-root',
    });
    const { messages } = await channel.getReplies('thread-root', { limit: 10 });
    expect(messages.map((message) => message.id)).toEqual(['reply-1', 'reply-2']);
    expect(
      (await channel.getReplies('thread-root', { limit: 1 })).messages.map((message) => message.id),
    ).toEqual(['reply-2']);
    const state = await channel.query({ messages: { limit: 100 } });
    expect(state.messages.map((message) => message.id)).not.toContain('reply-1');
    expect(state.messages.find((message) => message.id === 'thread-root')?.reply_count).toBe(2);
    expect(
      emulator.store.getChannel('messaging:alice-bob')?.members.get('bob')?.read.unreadMessages,
    ).toBe(unreadBefore);
  });

  it('queries members by name and id', async () => {
    const bob = await pool.connected('bob');
    const channel = bob.channel('messaging', 'general');
    await channel.watch();
    const byName = await channel.queryMembers({ name: { $autocomplete: 'car' } });
    expect(byName.members.map((member) => member.user_id)).toEqual(['carol']);
    const byId = await channel.queryMembers({ user_id: { $in: ['alice', 'bob'] } }, [
      { user_id: -1 },
    ]);
    expect(byId.members.map((member) => member.user_id)).toEqual(['bob', 'alice']);
  });
});

import type { MessageResponse, Reaction, StreamChat } from 'stream-chat';
import { RunningEmulator, SeedData } from '../..';
import { customFields, emulatorForSpecFile, nextEvent } from '../../../test/client-harness';

const seed: SeedData = {
  users: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
  ],
  channels: [
    {
      type: 'messaging',
      id: 'chat',
      name: 'Chat',
      created_by_id: 'alice',
      members: ['alice', 'bob'],
      messages: ['m-send', 'm-update', 'm-unique', 'm-delete', 'm-server', 'm-root'].map(
        (id, index) => ({
          id,
          user_id: index % 2 === 0 ? 'alice' : 'bob',
          text: `message ${id}`,
          created_at: `2024-05-01T10:0${index}:00.000Z`,
        }),
      ),
    },
  ],
};

/** Alice and Bob connected, both watching `messaging:chat`. */
async function aliceAndBob(pool: ReturnType<typeof emulatorForSpecFile>) {
  const alice = await pool.connected('alice');
  const bob = await pool.connected('bob');
  const [aliceChannel] = await alice.queryChannels({ id: 'chat' });
  const [bobChannel] = await bob.queryChannels({ id: 'chat' });
  return { alice, bob, aliceChannel, bobChannel };
}

/** The message as a client's channel state holds it. */
function stateMessage(client: StreamChat, id: string) {
  return client.activeChannels['messaging:chat'].state.messages.find(
    (message) => message.id === id,
  );
}

/** The reaction of `userId` and `type` in a list. */
function reactionOf(list: readonly { user_id?: string; type: string }[] | null | undefined) {
  return (list ?? []).map((reaction) => `${reaction.user_id}:${reaction.type}`);
}

describe('reactions: send, update, enforce_unique, delete, events and aggregates', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), { seed });

  it('sends a reaction: 201, reaction.new to Bob and to Alice’s own socket, full message', async () => {
    const { alice, bob, aliceChannel } = await aliceAndBob(pool);
    const before = emulator.store.getMessage('m-send')?.updatedAt as string;
    const bobSees = nextEvent(bob, 'reaction.new');
    const aliceSees = nextEvent(alice, 'reaction.new');
    const response = await aliceChannel.sendReaction(
      'm-send',
      customFields<Reaction>({ type: 'love', my_field: 'x' }),
    );
    expect(response.reaction).toMatchObject({
      type: 'love',
      message_id: 'm-send',
      user_id: 'alice',
      user: { id: 'alice', name: 'Alice' },
      score: 1,
      my_field: 'x',
    });
    const message = response.message;
    expect(message).toMatchObject({
      id: 'm-send',
      text: 'message m-send',
      reaction_counts: { love: 1 },
      reaction_scores: { love: 1 },
      reaction_groups: {
        love: {
          count: 1,
          sum_scores: 1,
          first_reaction_at: response.reaction.created_at,
          last_reaction_at: response.reaction.created_at,
        },
      },
    });
    expect(reactionOf(message.own_reactions)).toEqual(['alice:love']);
    expect(reactionOf(message.latest_reactions)).toEqual(['alice:love']);
    expect(Date.parse(message.updated_at as string)).toBeGreaterThan(Date.parse(before));
    expect(message.message_text_updated_at).toBeUndefined();

    for (const event of [await bobSees, await aliceSees]) {
      expect(event).toMatchObject({
        cid: 'messaging:chat',
        channel_id: 'chat',
        channel_type: 'messaging',
        user: { id: 'alice' },
        reaction: { type: 'love', user_id: 'alice', message_id: 'm-send', my_field: 'x' },
        message: {
          id: 'm-send',
          text: 'message m-send',
          user: { id: 'alice' },
          reaction_counts: { love: 1 },
          reaction_groups: { love: { count: 1, sum_scores: 1 } },
          updated_at: message.updated_at,
        },
      });
      expect(event.created_at).toEqual(expect.any(String));
    }
    // The clients apply the event: the group shows for both, own_reactions only for Alice.
    expect(stateMessage(bob, 'm-send')?.reaction_groups?.['love']?.count).toBe(1);
    expect(stateMessage(bob, 'm-send')?.own_reactions).toEqual([]);
    expect(reactionOf(stateMessage(alice, 'm-send')?.own_reactions)).toEqual(['alice:love']);
  });

  it('shows own_reactions per viewer in channel.query() and queryChannels', async () => {
    const { alice, bob, aliceChannel, bobChannel } = await aliceAndBob(pool);
    await bobChannel.sendReaction('m-send', { type: 'like' });
    const find = (messages: MessageResponse[]) =>
      messages.find((message) => message.id === 'm-send') as MessageResponse;

    const forAlice = find((await aliceChannel.query({ messages: { limit: 50 } })).messages);
    const forBob = find((await bobChannel.query({ messages: { limit: 50 } })).messages);
    expect(reactionOf(forAlice.own_reactions)).toEqual(['alice:love']);
    expect(reactionOf(forBob.own_reactions)).toEqual(['bob:like']);
    for (const message of [forAlice, forBob]) {
      expect(message.reaction_counts).toEqual({ love: 1, like: 1 });
      expect(reactionOf(message.latest_reactions)).toEqual(['bob:like', 'alice:love']);
      expect(Object.keys(message.reaction_groups ?? {}).sort()).toEqual(['like', 'love']);
    }

    const [aliceListed] = await alice.queryChannels({ id: 'chat' });
    const [bobListed] = await bob.queryChannels({ id: 'chat' });
    const listedFor = (channel: typeof aliceListed) =>
      channel.state.messages.find((message) => message.id === 'm-send');
    expect(reactionOf(listedFor(aliceListed)?.own_reactions)).toEqual(['alice:love']);
    expect(reactionOf(listedFor(bobListed)?.own_reactions)).toEqual(['bob:like']);
    expect(aliceListed.data?.own_capabilities).toContain('send-reaction');
    expect(aliceListed.data?.config).toMatchObject({ reactions: true });
    await expect(alice.getMessage('m-send')).resolves.toMatchObject({
      message: { reaction_counts: { love: 1, like: 1 } },
    });
  });

  it('updates the score and custom data when the same type is sent again (reaction.new)', async () => {
    const { bob, aliceChannel } = await aliceAndBob(pool);
    const first = await aliceChannel.sendReaction('m-update', { type: 'clap' });
    const bobSees = nextEvent(bob, 'reaction.new');
    const second = await aliceChannel.sendReaction(
      'm-update',
      customFields<Reaction>({ type: 'clap', score: 5, note: 'encore' }),
    );
    expect(second.reaction).toMatchObject({
      type: 'clap',
      score: 5,
      note: 'encore',
      created_at: first.reaction.created_at,
    });
    expect(Date.parse(second.reaction.updated_at)).toBeGreaterThan(
      Date.parse(first.reaction.updated_at),
    );
    expect(second.message).toMatchObject({
      reaction_counts: { clap: 1 },
      reaction_scores: { clap: 5 },
      reaction_groups: { clap: { count: 1, sum_scores: 5 } },
    });
    expect((await bobSees).reaction).toMatchObject({ type: 'clap', score: 5, note: 'encore' });
    expect(stateMessage(bob, 'm-update')?.reaction_scores).toEqual({ clap: 5 });
  });

  it('replaces the user’s other reactions with enforce_unique (reaction.updated)', async () => {
    const { alice, bob, aliceChannel, bobChannel } = await aliceAndBob(pool);
    await aliceChannel.sendReaction('m-unique', { type: 'like' });
    await aliceChannel.sendReaction('m-unique', { type: 'love' });
    await bobChannel.sendReaction('m-unique', { type: 'haha' });
    const bobSees = nextEvent(bob, 'reaction.updated');
    const aliceSees = nextEvent(alice, 'reaction.updated');
    const { message } = await aliceChannel.sendReaction(
      'm-unique',
      { type: 'wow' },
      { enforce_unique: true },
    );
    expect(message.reaction_counts).toEqual({ haha: 1, wow: 1 });
    expect(reactionOf(message.own_reactions)).toEqual(['alice:wow']);
    expect(reactionOf(message.latest_reactions)).toEqual(['alice:wow', 'bob:haha']);
    expect(Object.keys(message.reaction_groups ?? {}).sort()).toEqual(['haha', 'wow']);
    const event = await bobSees;
    expect(event.reaction).toMatchObject({ type: 'wow', user_id: 'alice' });
    expect(event.message?.reaction_counts).toEqual({ haha: 1, wow: 1 });
    await aliceSees;
    expect(reactionOf(stateMessage(alice, 'm-unique')?.own_reactions)).toEqual(['alice:wow']);
    expect(reactionOf(stateMessage(bob, 'm-unique')?.own_reactions)).toEqual(['bob:haha']);
    expect(stateMessage(bob, 'm-unique')?.reaction_counts).toEqual({ haha: 1, wow: 1 });

    // enforce_unique with nothing else to replace is a plain reaction.new.
    const plain = nextEvent(bob, 'reaction.new');
    await bobChannel.sendReaction('m-unique', { type: 'haha', score: 2 }, { enforce_unique: true });
    expect((await plain).reaction).toMatchObject({ type: 'haha', user_id: 'bob', score: 2 });
  });

  it('deletes a reaction (reaction.deleted); an emptied type leaves the groups but keeps first_reaction_at', async () => {
    const { alice, bob, aliceChannel, bobChannel } = await aliceAndBob(pool);
    const first = await aliceChannel.sendReaction('m-delete', { type: 'love' });
    await bobChannel.sendReaction('m-delete', { type: 'love' });
    const bobSees = nextEvent(bob, 'reaction.deleted');
    const aliceSees = nextEvent(alice, 'reaction.deleted');
    const before = emulator.store.getMessage('m-delete')?.updatedAt as string;
    const removed = await aliceChannel.deleteReaction('m-delete', 'love');
    expect(removed.reaction).toMatchObject({ type: 'love', user_id: 'alice' });
    expect(removed.message.reaction_counts).toEqual({ love: 1 });
    expect(removed.message.own_reactions).toEqual([]);
    expect(Date.parse(removed.message.updated_at as string)).toBeGreaterThan(Date.parse(before));
    for (const event of [await bobSees, await aliceSees]) {
      expect(event).toMatchObject({
        user: { id: 'alice' },
        reaction: { type: 'love', user_id: 'alice', message_id: 'm-delete' },
        message: { id: 'm-delete', reaction_counts: { love: 1 } },
      });
    }
    expect(stateMessage(alice, 'm-delete')?.own_reactions).toEqual([]);
    expect(stateMessage(bob, 'm-delete')?.reaction_groups?.['love']?.count).toBe(1);

    const emptied = await bobChannel.deleteReaction('m-delete', 'love');
    expect(emptied.message).toMatchObject({
      reaction_counts: {},
      reaction_scores: {},
      reaction_groups: {},
      latest_reactions: [],
    });
    const again = await bobChannel.sendReaction('m-delete', { type: 'love' });
    expect(again.message.reaction_groups?.['love']).toMatchObject({
      count: 1,
      first_reaction_at: first.reaction.created_at,
      last_reaction_at: again.reaction.created_at,
    });

    await expect(aliceChannel.deleteReaction('m-delete', 'love')).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
  });

  it('lets the server react and delete on behalf of a user (reaction.user_id, ?user_id=)', async () => {
    const { alice } = await aliceAndBob(pool);
    const server = pool.server();
    const channel = server.channel('messaging', 'chat');
    await channel.query({});
    const aliceSees = nextEvent(alice, 'reaction.new');
    const sent = await channel.sendReaction('m-server', { type: 'fire', user_id: 'bob' });
    expect(sent.reaction).toMatchObject({ type: 'fire', user_id: 'bob', user: { id: 'bob' } });
    expect((await aliceSees).user).toMatchObject({ id: 'bob' });
    await expect(channel.sendReaction('m-server', { type: 'fire' })).rejects.toMatchObject({
      code: 4,
      status: 400,
    });
    const aliceSeesDeletion = nextEvent(alice, 'reaction.deleted');
    const deleted = await channel.deleteReaction('m-server', 'fire', 'bob');
    expect(deleted.reaction).toMatchObject({ type: 'fire', user_id: 'bob' });
    expect(deleted.message.reaction_counts).toEqual({});
    expect((await aliceSeesDeletion).reaction).toMatchObject({ user_id: 'bob' });
  });

  it('carries parent_id in the event message of a reaction to a thread reply', async () => {
    const { bob, aliceChannel } = await aliceAndBob(pool);
    await aliceChannel.sendMessage({ id: 'm-reply', text: 'in the thread', parent_id: 'm-root' });
    const bobSees = nextEvent(bob, 'reaction.new');
    await aliceChannel.sendReaction('m-reply', { type: 'like' });
    expect((await bobSees).message).toMatchObject({
      id: 'm-reply',
      parent_id: 'm-root',
      show_in_channel: false,
      reaction_counts: { like: 1 },
    });
  });
});

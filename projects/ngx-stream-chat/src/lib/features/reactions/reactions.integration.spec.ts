import { ChatMessage, StreamChatError, withReactions, withThreads } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../../jest/channel-service-fixture';
import {
  listed,
  openTwoUserChannel,
  waitForMessage,
} from '../../../../../../jest/two-user-channel';
import { poll } from '../../../../../stream-chat-emulator/test/poll';

const ownTypes = (message: ChatMessage | undefined) =>
  message?.own_reactions?.map((reaction) => reaction.type) ?? [];
const counts = (message: ChatMessage | undefined) => message?.reaction_counts ?? {};

describe('reactions (withReactions()) between two users on the emulator', () => {
  const fixture = useChannelServiceFixture([withThreads(), withReactions()]);

  /** Bob and Alice in one channel, with a message of Alice's that both list. */
  async function aliceMessage(text = 'react to me') {
    const sides = await openTwoUserChannel(fixture, 'reactions');
    const message = await sides.alice.service.sendMessage(text);
    await waitForMessage(fixture.service, message.id, () => true, 'bob to list the message');
    return { ...sides, id: message.id };
  }

  it('adds and removes reactions: counts live on both sides, own reactions per side', async () => {
    const { alice, id } = await aliceMessage();

    await fixture.service.addReaction(id, 'love');

    expect(counts(listed(fixture.service, id))).toEqual({ love: 1 });
    expect(ownTypes(listed(fixture.service, id))).toEqual(['love']);
    const seenByAlice = await waitForMessage(
      alice.service,
      id,
      (m) => m.reaction_counts?.['love'] === 1,
      "alice to see bob's reaction",
    );
    expect(ownTypes(seenByAlice)).toEqual([]);
    expect(seenByAlice.latest_reactions?.map((r) => r.user_id)).toEqual([fixture.chat.user()?.id]);

    await alice.service.addReaction(id, 'love');
    await alice.service.addReaction(id, 'wow');

    await waitForMessage(
      fixture.service,
      id,
      (m) => m.reaction_counts?.['love'] === 2 && m.reaction_counts?.['wow'] === 1,
      "bob to see alice's reactions",
    );
    expect(ownTypes(listed(fixture.service, id))).toEqual(['love']);
    expect(ownTypes(listed(alice.service, id)).sort()).toEqual(['love', 'wow']);

    await fixture.service.removeReaction(id, 'love');

    expect(counts(listed(fixture.service, id))).toEqual({ love: 1, wow: 1 });
    expect(ownTypes(listed(fixture.service, id))).toEqual([]);
    await waitForMessage(
      alice.service,
      id,
      (m) => m.reaction_counts?.['love'] === 1,
      "alice to see bob's reaction go",
    );
    expect(ownTypes(listed(alice.service, id)).sort()).toEqual(['love', 'wow']);
    // Once the server's events are in, Bob's copy agrees with Alice's.
    await waitForMessage(
      fixture.service,
      id,
      (m) => m.latest_reactions?.length === 2,
      "bob's copy to settle",
    );
    expect(counts(listed(fixture.service, id))).toEqual({ love: 1, wow: 1 });
  });

  it('shows an added or removed reaction while its request is on its way', async () => {
    const { alice, id } = await aliceMessage();
    let release = fixture.holdRequests();

    const adding = fixture.service.addReaction(id, 'like', { emoji: '👍' });
    // Events keep flowing while Bob's request waits: Alice's next message reaches him.
    await alice.service
      .sendMessage('meanwhile')
      .then(({ id: later }) =>
        waitForMessage(fixture.service, later, () => true, 'bob to get a later message'),
      );

    expect(counts(listed(fixture.service, id))).toEqual({ like: 1 });
    expect(listed(fixture.service, id)?.own_reactions).toEqual([
      expect.objectContaining({ type: 'like', emoji: '👍', user_id: fixture.chat.user()?.id }),
    ]);
    expect(listed(fixture.service, id)?.reaction_groups?.['like']).toMatchObject({ count: 1 });
    expect(counts(listed(alice.service, id))).toEqual({});
    release();
    await adding;
    await waitForMessage(
      alice.service,
      id,
      (m) => m.reaction_counts?.['like'] === 1,
      'alice to see the reaction',
    );
    release = fixture.holdRequests();

    const removing = fixture.service.removeReaction(id, 'like');
    await alice.service
      .sendMessage('meanwhile again')
      .then(({ id: later }) =>
        waitForMessage(fixture.service, later, () => true, 'bob to get another message'),
      );

    expect(counts(listed(fixture.service, id))).toEqual({});
    expect(ownTypes(listed(fixture.service, id))).toEqual([]);
    expect(counts(listed(alice.service, id))).toEqual({ like: 1 });
    release();
    await removing;
    await waitForMessage(
      alice.service,
      id,
      (m) => Object.keys(m.reaction_counts ?? {}).length === 0,
      'alice to see the reaction removed',
    );
    expect(counts(listed(fixture.service, id))).toEqual({});
  });

  it('lists every reaction to a message, newest first', async () => {
    const { alice, id } = await aliceMessage();
    await alice.service.addReaction(id, 'love');
    await fixture.service.addReaction(id, 'wow');

    const reactions = await fixture.service.getMessageReactions(id);

    expect(reactions.map((r) => [r.type, r.user_id])).toEqual([
      ['wow', fixture.chat.user()?.id],
      ['love', alice.id],
    ]);
    expect(await alice.service.getMessageReactions(id)).toEqual(
      reactions.map((r) => expect.objectContaining({ type: r.type, user_id: r.user_id })),
    );
  });

  it('reacts to a thread reply that is not shown in the channel', async () => {
    const { alice, id } = await aliceMessage('parent');
    const reply = await alice.service.sendMessage('a reply', [], [], id);
    await fixture.service.setAsActiveParentMessage(listed(fixture.service, id));
    await waitForMessage(fixture.service, reply.id, () => true, 'bob to list the reply');

    await fixture.service.addReaction(reply.id, 'love');

    expect(counts(listed(fixture.service, reply.id))).toEqual({ love: 1 });
    expect(ownTypes(listed(fixture.service, reply.id))).toEqual(['love']);
    await alice.service.setAsActiveParentMessage(listed(alice.service, id));
    await waitForMessage(
      alice.service,
      reply.id,
      (m) => m.reaction_counts?.['love'] === 1,
      "alice to see bob's reaction on the reply",
    );
  });

  it('refuses to react in a frozen channel (no send-reaction), then reacts once it thaws', async () => {
    const { alice, channel, id } = await aliceMessage();
    const before = listed(fixture.service, id);
    await channel.updatePartial({ set: { frozen: true } });
    const bobsChannel = fixture.service.activeChannel();
    await poll(() => !bobsChannel?.data?.own_capabilities?.includes('send-reaction'), {
      description: 'bob to lose send-reaction',
    });

    const error = await fixture.service.addReaction(id, 'love').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ kind: 'not-allowed' });
    expect((error as Error).message).toMatch(/send-reaction/);
    expect(counts(listed(fixture.service, id))).toEqual(counts(before));
    expect(ownTypes(listed(fixture.service, id))).toEqual([]);

    await channel.updatePartial({ set: { frozen: false } });
    await poll(() => bobsChannel?.data?.own_capabilities?.includes('send-reaction'), {
      description: 'bob to get send-reaction back',
    });
    await fixture.service.addReaction(id, 'love');
    await waitForMessage(
      alice.service,
      id,
      (m) => m.reaction_counts?.['love'] === 1,
      'alice to see the reaction after the thaw',
    );
  });

  it('rolls a reaction back when the server cannot be reached, and the next one works', async () => {
    const { alice, id } = await aliceMessage();
    await fixture.service.addReaction(id, 'love');
    await waitForMessage(alice.service, id, (m) => m.reaction_counts?.['love'] === 1, 'love');
    const restore = fixture.goOffline();

    const addError = await fixture.service.addReaction(id, 'wow').catch((e: unknown) => e);
    const removeError = await fixture.service.removeReaction(id, 'love').catch((e: unknown) => e);

    for (const error of [addError, removeError]) {
      expect(error).toBeInstanceOf(StreamChatError);
      expect(error).toMatchObject({ kind: 'network' });
    }
    expect(counts(listed(fixture.service, id))).toEqual({ love: 1 });
    expect(ownTypes(listed(fixture.service, id))).toEqual(['love']);

    restore();
    await fixture.service.addReaction(id, 'wow');
    await fixture.service.removeReaction(id, 'love');

    expect(counts(listed(fixture.service, id))).toEqual({ wow: 1 });
    await waitForMessage(
      alice.service,
      id,
      (m) => m.reaction_counts?.['wow'] === 1 && m.reaction_counts?.['love'] === undefined,
      'alice to see only the reactions made online',
    );
  });

  it('rejects with a typed error for a message the active channel does not hold', async () => {
    await aliceMessage();

    await expect(fixture.service.addReaction('no-such-message', 'love')).rejects.toMatchObject({
      kind: 'invalid-input',
    });
    await expect(fixture.service.getMessageReactions('no-such-message')).rejects.toBeInstanceOf(
      StreamChatError,
    );
  });
});

describe('reactions without withReactions()', () => {
  const fixture = useChannelServiceFixture();

  it('reject with feature-not-provided and change nothing', async () => {
    const { alice } = await openTwoUserChannel(fixture, 'plain');
    const message = await alice.service.sendMessage('no reactions here');
    await waitForMessage(fixture.service, message.id, () => true, 'bob to list the message');

    for (const call of [
      () => fixture.service.addReaction(message.id, 'love'),
      () => fixture.service.removeReaction(message.id, 'love'),
      () => fixture.service.getMessageReactions(message.id),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamChatError);
      expect(error).toMatchObject({ kind: 'feature-not-provided' });
      expect((error as Error).message).toMatch(/withReactions\(\)/);
    }
    expect(counts(listed(fixture.service, message.id))).toEqual({});
  });
});

import type { StreamChat } from 'stream-chat';
import { ChatMessage, StreamChatError, withThreads } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../../jest/channel-service-fixture';
import { createChannel } from '../../../../../../jest/peer-channels';
import {
  listed,
  openTwoUserChannel,
  waitForMessage,
} from '../../../../../../jest/two-user-channel';
import { poll } from '../../../../../stream-chat-emulator/test/poll';

const texts = (messages: ChatMessage[]) => messages.map((message) => message.text);
const userIds = (users: { id: string }[]) => users.map((user) => user.id);

describe('threads (withThreads()) between two users on the emulator', () => {
  const fixture = useChannelServiceFixture([withThreads()]);
  const bob = () => fixture.chat.user()?.id as string;

  /** Bob and Alice in one channel, with a parent message of Alice's that both list. */
  async function parentMessage(options?: { message_limit?: number }) {
    const sides = await openTwoUserChannel(fixture, 'threads', options);
    const parent = await sides.alice.service.sendMessage('parent');
    await waitForMessage(fixture.service, parent.id, () => true, 'bob to list the parent');
    return { ...sides, parent };
  }

  it('opens a thread, lists replies from both sides live, and counts them on the parent on both sides', async () => {
    const { alice, parent } = await parentMessage();
    await alice.service.sendMessage('first reply', [], [], parent.id);
    await waitForMessage(fixture.service, parent.id, (m) => m.reply_count === 1, 'a reply count');
    const ids: (string | undefined)[] = [];
    const subscription = fixture.service.activeParentMessageId$.subscribe((id) => ids.push(id));

    await fixture.service.setAsActiveParentMessage(listed(fixture.service, parent.id));

    expect(fixture.service.activeParentMessageId()).toBe(parent.id);
    expect(fixture.service.activeParentMessage()).toMatchObject({ id: parent.id, reply_count: 1 });
    expect(texts(fixture.service.activeThreadMessages())).toEqual(['first reply']);
    // Replies stay out of the channel's main list.
    expect(texts(fixture.service.activeChannelMessages())).toEqual(['parent']);

    await alice.service.setAsActiveParentMessage(listed(alice.service, parent.id));
    const sending = fixture.service.sendMessage('bob replies', [], [], parent.id);
    expect(fixture.service.activeThreadMessages().at(-1)).toMatchObject({
      text: 'bob replies',
      status: 'sending',
      parent_id: parent.id,
    });
    const reply = await sending;
    expect(reply).toMatchObject({ status: 'received', parent_id: parent.id });
    await poll(() => texts(alice.service.activeThreadMessages()).length === 2, {
      description: "alice to see bob's reply in her thread",
    });
    expect(texts(alice.service.activeThreadMessages())).toEqual(['first reply', 'bob replies']);
    for (const service of [fixture.service, alice.service]) {
      await poll(() => service.activeParentMessage()?.reply_count === 2, {
        description: 'the open parent to count 2 replies on both sides',
      });
      await waitForMessage(service, parent.id, (m) => m.reply_count === 2, 'the listed parent');
    }

    await fixture.service.setAsActiveParentMessage(undefined);

    expect(fixture.service.activeParentMessageId()).toBeUndefined();
    expect(fixture.service.activeParentMessage()).toBeUndefined();
    expect(fixture.service.activeThreadMessages()).toEqual([]);
    subscription.unsubscribe();
    expect(ids).toEqual([undefined, parent.id, undefined]);
  });

  it("loads older replies page by page, and shows the replies the client holds with 'state'", async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.otherSide('alice');
    const channel = await createChannel(alice.chat.chatClient as never, [bob], 'paging');
    const { message: parent } = await channel.sendMessage({ text: 'parent' });
    for (let index = 0; index < 12; index++) {
      await channel.sendMessage({ text: `reply ${index}`, parent_id: parent.id });
    }
    await fixture.service.init({ cid: channel.cid }, undefined, { message_limit: 5 });
    const shown = listed(fixture.service, parent.id);
    expect(shown?.reply_count).toBe(12);

    // The channel's query brings no replies: there are none to show from state yet.
    await fixture.service.setAsActiveParentMessage(shown, 'state');
    expect(fixture.service.activeThreadMessages()).toEqual([]);

    await fixture.service.setAsActiveParentMessage(shown);
    expect(texts(fixture.service.activeThreadMessages())).toEqual(
      [7, 8, 9, 10, 11].map((i) => `reply ${i}`),
    );
    expect(fixture.service.hasMoreThreadReplies()).toBe(true);

    await fixture.service.loadMoreThreadReplies();
    expect(fixture.service.activeThreadMessages()).toHaveLength(10);
    await fixture.service.loadMoreThreadReplies();

    expect(texts(fixture.service.activeThreadMessages())).toEqual(
      Array.from({ length: 12 }, (_, i) => `reply ${i}`),
    );
    expect(fixture.service.hasMoreThreadReplies()).toBe(false);
    await fixture.service.loadMoreThreadReplies();
    expect(fixture.service.activeThreadMessages()).toHaveLength(12);

    // Closed and reopened from state, the thread shows every reply the client now holds.
    await fixture.service.setAsActiveParentMessage(undefined);
    await fixture.service.setAsActiveParentMessage(shown, 'state');
    expect(fixture.service.activeThreadMessages()).toHaveLength(12);
  });

  it('shows who types in the thread, apart from who types in the channel', async () => {
    const { alice, parent } = await parentMessage();
    await fixture.service.setAsActiveParentMessage(listed(fixture.service, parent.id));
    await alice.service.setAsActiveParentMessage(listed(alice.service, parent.id));

    await alice.service.typingStarted(parent.id);

    await poll(() => fixture.service.usersTypingInThread().length === 1, {
      description: 'bob to see alice typing in the thread',
    });
    expect(userIds(fixture.service.usersTypingInThread())).toEqual([alice.id]);
    expect(fixture.service.usersTypingInChannel()).toEqual([]);

    await fixture.service.typingStarted();
    await poll(() => alice.service.usersTypingInChannel().length === 1, {
      description: 'alice to see bob typing in the channel',
    });
    expect(alice.service.usersTypingInThread()).toEqual([]);
    // Nobody sees themselves typing.
    expect(alice.service.usersTypingInChannel().map((u) => u.id)).toEqual([
      fixture.chat.user()?.id,
    ]);

    await alice.service.typingStopped(parent.id);
    await poll(() => fixture.service.usersTypingInThread().length === 0, {
      description: 'bob to see alice stop typing in the thread',
    });
    await fixture.service.typingStopped();
    await poll(() => alice.service.usersTypingInChannel().length === 0, {
      description: 'alice to see bob stop typing',
    });
  });

  it('edits and deletes a reply, marked on both sides', async () => {
    const { alice, parent } = await parentMessage();
    await fixture.service.setAsActiveParentMessage(listed(fixture.service, parent.id));
    await alice.service.setAsActiveParentMessage(listed(alice.service, parent.id));
    const reply = await fixture.service.sendMessage('a reply', [], [], parent.id);
    await waitForMessage(alice.service, reply.id, () => true, "alice to get bob's reply");

    const editing = fixture.service.updateMessage({ ...reply, text: 'an edited reply' });
    expect(listed(fixture.service, reply.id)).toMatchObject({
      text: 'an edited reply',
      status: 'updating',
    });
    await editing;
    const edited = await waitForMessage(
      alice.service,
      reply.id,
      (m) => m.text === 'an edited reply',
      'alice to see the edited reply',
    );
    expect(edited.message_text_updated_at).toBeDefined();

    const deleting = fixture.service.deleteMessage(
      listed(fixture.service, reply.id) as ChatMessage,
    );
    expect(listed(fixture.service, reply.id)?.status).toBe('deleting');
    await deleting;
    expect(listed(fixture.service, reply.id)).toMatchObject({
      type: 'deleted',
      status: 'received',
    });
    const deleted = await waitForMessage(
      alice.service,
      reply.id,
      (m) => m.type === 'deleted',
      'alice to see the reply deleted',
    );
    expect(deleted.deleted_at).toBeTruthy();
  });

  it('keeps a reply sent offline as failed with a typed error, and sends it once back online', async () => {
    const { alice, parent } = await parentMessage();
    await fixture.service.setAsActiveParentMessage(listed(fixture.service, parent.id));
    await alice.service.setAsActiveParentMessage(listed(alice.service, parent.id));
    const restore = fixture.goOffline();

    const failed = await fixture.service.sendMessage('offline reply', [], [], parent.id);

    expect(failed).toMatchObject({ status: 'failed', parent_id: parent.id });
    expect(failed.sendError).toBeInstanceOf(StreamChatError);
    expect(failed.sendError?.kind).toBe('network');
    expect(fixture.service.activeThreadMessages()).toEqual([
      expect.objectContaining({ id: failed.id, status: 'failed' }),
    ]);
    expect(fixture.service.activeParentMessage()?.reply_count).toBe(0);
    const loadError = await fixture.service.loadMoreThreadReplies('newer').catch((e: unknown) => e);
    expect(loadError).toBeInstanceOf(StreamChatError);
    expect(loadError).toMatchObject({ kind: 'network' });
    // Reopening offline rejects too, and shows the replies the client holds meanwhile.
    const openError = await fixture.service
      .setAsActiveParentMessage(listed(fixture.service, parent.id))
      .catch((e: unknown) => e);
    expect(openError).toMatchObject({ kind: 'network' });
    expect(fixture.service.activeParentMessageId()).toBe(parent.id);
    expect(fixture.service.activeThreadMessages().map((m) => m.id)).toEqual([failed.id]);

    restore();
    const resent = await fixture.service.resendMessage(failed);

    expect(resent).toMatchObject({ id: failed.id, status: 'received' });
    await poll(() => alice.service.activeParentMessage()?.reply_count === 1, {
      description: 'alice to count the reply sent once online',
    });
    expect(texts(alice.service.activeThreadMessages())).toEqual(['offline reply']);
  });

  it('keeps the open thread after the server drops the socket, with the replies missed meanwhile', async () => {
    const { alice, parent } = await parentMessage();
    await alice.service.sendMessage('before the drop', [], [], parent.id);
    await fixture.service.setAsActiveParentMessage(
      await waitForMessage(fixture.service, parent.id, (m) => m.reply_count === 1, 'a reply'),
    );
    expect(texts(fixture.service.activeThreadMessages())).toEqual(['before the drop']);
    const client = fixture.chat.chatClient as StreamChat;
    const recovered = new Promise<void>((resolve) => {
      const { unsubscribe } = client.on('connection.recovered', () => {
        unsubscribe();
        resolve();
      });
    });

    expect(await fixture.admin.dropSockets({ userId: bob(), code: 1012 })).toBe(1);
    await alice.service.sendMessage('while bob is away', [], [], parent.id);
    await recovered;
    await alice.service.sendMessage('after the drop', [], [], parent.id);

    await poll(() => fixture.service.activeThreadMessages().length === 3, {
      description: () =>
        `all three replies in bob's thread (now ${JSON.stringify(texts(fixture.service.activeThreadMessages()))})`,
    });
    expect(texts(fixture.service.activeThreadMessages())).toEqual([
      'before the drop',
      'while bob is away',
      'after the drop',
    ]);
    expect(fixture.service.activeParentMessage()?.reply_count).toBe(3);
  });

  it('closes the thread when another channel becomes active', async () => {
    const { alice, parent } = await parentMessage();
    await fixture.service.setAsActiveParentMessage(listed(fixture.service, parent.id));
    const other = await createChannel(alice.chat.chatClient as never, [
      fixture.chat.user()?.id as string,
    ]);
    const listedOther = await poll(
      () => fixture.service.channels()?.find((channel) => channel.cid === other.cid),
      { description: 'the new channel to be listed' },
    );

    await fixture.service.setAsActiveChannel(listedOther);

    expect(fixture.service.activeParentMessageId()).toBeUndefined();
    expect(fixture.service.activeThreadMessages()).toEqual([]);
  });

  it('rejects a thread of no active channel with a typed error', async () => {
    await fixture.connect('bob');
    await fixture.service.init({ members: { $in: ['nobody-at-all'] } });

    const error = await fixture.service
      .setAsActiveParentMessage({ id: 'x' } as ChatMessage)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ kind: 'invalid-input' });
    expect(fixture.service.activeParentMessageId()).toBeUndefined();
  });
});

describe('threads without withThreads()', () => {
  const fixture = useChannelServiceFixture();

  it('reject with feature-not-provided and leave the thread fields empty', async () => {
    const { alice } = await openTwoUserChannel(fixture, 'plain');
    const parent = await alice.service.sendMessage('parent');
    const shown = await waitForMessage(fixture.service, parent.id, () => true, 'the parent');

    for (const call of [
      () => fixture.service.setAsActiveParentMessage(shown),
      () => fixture.service.loadMoreThreadReplies(),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamChatError);
      expect(error).toMatchObject({ kind: 'feature-not-provided' });
      expect((error as Error).message).toMatch(/withThreads\(\)/);
    }
    expect(fixture.service.activeParentMessageId()).toBeUndefined();
    expect(fixture.service.activeThreadMessages()).toEqual([]);

    // Replies and thread typing still reach the server without the feature.
    const reply = await fixture.service.sendMessage('a reply', [], [], parent.id);
    expect(reply).toMatchObject({ status: 'received', parent_id: parent.id });
    await fixture.service.typingStarted(parent.id);
    await waitForMessage(alice.service, parent.id, (m) => m.reply_count === 1, 'the count');
  });
});

import type { Channel, UserResponse } from 'stream-chat';
import { ChatMessage, StreamChatError } from 'ngx-stream-chat';
import { OtherSide, useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { integrationEmulator } from '../../../../../jest/emulator-environment';
import { createChannel, serverMessageIds } from '../../../../../jest/peer-channels';
import { listed, openTwoUserChannel, waitForMessage } from '../../../../../jest/two-user-channel';
import { poll } from '../../../../stream-chat-emulator/test/poll';

const ids = (messages: ChatMessage[]) => messages.map((message) => message.id);

/** The call's rejection, or a failure when it resolves. */
async function rejectionOf(call: Promise<unknown>): Promise<StreamChatError> {
  const error = await call.then(
    () => new Error('expected the call to reject'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StreamChatError);
  return error as StreamChatError;
}

describe('edit, delete, pin and quote between two users on the emulator', () => {
  const fixture = useChannelServiceFixture();

  /** Alice sends a message and waits for Bob to list it: proof that events flow meanwhile. */
  async function eventsFlow(alice: OtherSide): Promise<void> {
    const { id } = await alice.service.sendMessage('meanwhile');
    await waitForMessage(fixture.service, id, () => true, 'bob to get a later message');
  }

  /** Bob and Alice in one channel; a message of each, listed on both sides. */
  async function twoMessages() {
    const sides = await openTwoUserChannel(fixture, 'actions');
    const bobs = await fixture.service.sendMessage('from bob');
    const alices = await sides.alice.service.sendMessage('from alice');
    for (const [service, id] of [
      [fixture.service, alices.id],
      [sides.alice.service, bobs.id],
    ] as const) {
      await waitForMessage(service, id, () => true, 'both messages on both sides');
    }
    return { ...sides, bobs, alices };
  }

  describe('updateMessage', () => {
    it("shows the edit at once as 'updating', then marks it edited on both sides", async () => {
      const { alice, bobs } = await twoMessages();

      const release = fixture.holdRequests();
      const editing = fixture.service.updateMessage({ ...bobs, text: 'from bob, edited' });
      await eventsFlow(alice);

      expect(listed(fixture.service, bobs.id)).toMatchObject({
        text: 'from bob, edited',
        status: 'updating',
      });
      expect(listed(alice.service, bobs.id)?.text).toBe('from bob');
      release();
      const edited = await editing;
      expect(edited).toMatchObject({ text: 'from bob, edited', status: 'received' });
      expect(edited.message_text_updated_at).toBeDefined();
      expect(listed(fixture.service, bobs.id)).toMatchObject({
        text: 'from bob, edited',
        status: 'received',
      });
      const seen = await waitForMessage(
        alice.service,
        bobs.id,
        (m) => m.text === 'from bob, edited',
        'alice to see the edit',
      );
      expect(seen.message_text_updated_at).toBeDefined();
    });

    it('keeps the quote, mentions, custom data, reactions and pin of an edited message', async () => {
      const { alice, alices } = await twoMessages();
      const aliceUser = alice.chat.chatClient?.user as UserResponse;
      const quote = await fixture.service.sendMessage(
        `@${aliceUser.id} look`,
        [],
        [aliceUser],
        undefined,
        alices.id,
        { topic: 'cats' },
      );
      await alice.service.activeChannel()?.sendReaction(quote.id, { type: 'love' });
      await fixture.service.pinMessage(quote);
      await waitForMessage(
        fixture.service,
        quote.id,
        (m) => m.reaction_counts?.['love'] === 1,
        "bob to see alice's reaction",
      );

      await fixture.service.updateMessage({
        ...(listed(fixture.service, quote.id) as ChatMessage),
        text: `@${aliceUser.id} look again`,
      });

      for (const service of [fixture.service, alice.service]) {
        const seen = await waitForMessage(
          service,
          quote.id,
          (m) => m.text === `@${aliceUser.id} look again`,
          'the edit on both sides',
        );
        expect(seen.quoted_message?.id).toBe(alices.id);
        expect(seen.mentioned_users?.map((user) => user.id)).toEqual([aliceUser.id]);
        expect((seen as Record<string, unknown>)['topic']).toBe('cats');
        expect(seen.reaction_counts).toEqual({ love: 1 });
        expect(seen.message_text_updated_at).toBeDefined();
        expect(seen.pinned).toBe(true);
        expect(ids(service.activeChannelPinnedMessages())).toEqual([quote.id]);
      }
    });

    it("refuses to edit someone else's message, changes nothing, and the next edit works", async () => {
      const { alice, alices, bobs } = await twoMessages();
      const before = listed(fixture.service, alices.id);

      const error = await rejectionOf(
        fixture.service.updateMessage({ ...alices, text: 'bob was here' }),
      );

      expect(error.kind).toBe('not-allowed');
      expect(error.message).toMatch(/update-any-message/);
      expect(listed(fixture.service, alices.id)).toBe(before);
      await fixture.service.updateMessage({ ...bobs, text: 'bob edits his own' });
      await waitForMessage(
        alice.service,
        bobs.id,
        (m) => m.text === 'bob edits his own',
        'alice to see the edit that was allowed',
      );
      expect(listed(alice.service, alices.id)?.text).toBe('from alice');
    });

    it('rolls the edit back while offline, and the next edit works', async () => {
      const { alice, bobs } = await twoMessages();
      const restore = fixture.goOffline();

      const error = await rejectionOf(fixture.service.updateMessage({ ...bobs, text: 'lost' }));

      expect(error.kind).toBe('network');
      expect(listed(fixture.service, bobs.id)).toMatchObject({
        text: 'from bob',
        status: 'received',
      });
      expect(listed(fixture.service, bobs.id)?.message_text_updated_at).toBeUndefined();
      restore();
      await fixture.service.updateMessage({ ...bobs, text: 'found' });
      await waitForMessage(alice.service, bobs.id, (m) => m.text === 'found', 'the online edit');
    });
  });

  describe('deleteMessage', () => {
    it("shows 'deleting' at once, then marks the message deleted on both sides", async () => {
      const { alice, bobs } = await twoMessages();

      const release = fixture.holdRequests();
      const deleting = fixture.service.deleteMessage(bobs);
      await eventsFlow(alice);

      expect(listed(fixture.service, bobs.id)?.status).toBe('deleting');
      expect(listed(alice.service, bobs.id)?.type).toBe('regular');
      release();
      await deleting;
      const mine = listed(fixture.service, bobs.id);
      expect(mine).toMatchObject({ type: 'deleted', status: 'received' });
      expect(mine?.deleted_at).toBeTruthy();
      const theirs = await waitForMessage(
        alice.service,
        bobs.id,
        (m) => m.type === 'deleted',
        'alice to see the message deleted',
      );
      expect(theirs.deleted_at).toBeTruthy();
    });

    it('deletes only from this list when local, leaving the server and the other side alone', async () => {
      const { alice, alices, bobs, channel } = await twoMessages();

      await fixture.service.deleteMessage(alices, true);

      expect(ids(fixture.service.activeChannelMessages())).toEqual([bobs.id]);
      expect(ids(alice.service.activeChannelMessages())).toEqual([bobs.id, alices.id]);
      expect(listed(alice.service, alices.id)?.type).toBe('regular');
      expect(await serverMessageIds(channel)).toEqual([bobs.id, alices.id]);
    });

    it('deletes a message that failed to send only here, so it is never sent', async () => {
      const { alice, alices, bobs, channel } = await twoMessages();
      const restore = fixture.goOffline();
      const failed = await fixture.service.sendMessage('never mind');
      expect(failed.status).toBe('failed');
      restore();

      await fixture.service.deleteMessage(failed, true);

      expect(ids(fixture.service.activeChannelMessages())).toEqual([bobs.id, alices.id]);
      await expect(fixture.service.resendMessage(failed)).rejects.toMatchObject({
        kind: 'invalid-input',
      });
      expect(await serverMessageIds(channel)).toEqual([bobs.id, alices.id]);
      expect(ids(alice.service.activeChannelMessages())).toEqual([bobs.id, alices.id]);
    });

    it("refuses to delete someone else's message, changes nothing, and the next delete works", async () => {
      const { alice, alices, bobs } = await twoMessages();
      const before = listed(fixture.service, alices.id);

      const error = await rejectionOf(fixture.service.deleteMessage(alices));

      expect(error.kind).toBe('not-allowed');
      expect(error.message).toMatch(/delete-any-message/);
      expect(listed(fixture.service, alices.id)).toBe(before);
      await fixture.service.deleteMessage(bobs);
      await waitForMessage(alice.service, bobs.id, (m) => m.type === 'deleted', 'the own delete');
      expect(listed(alice.service, alices.id)?.type).toBe('regular');
    });

    it('rolls the delete back while offline, and the next delete works', async () => {
      const { alice, bobs } = await twoMessages();
      const restore = fixture.goOffline();

      const error = await rejectionOf(fixture.service.deleteMessage(bobs));

      expect(error.kind).toBe('network');
      expect(listed(fixture.service, bobs.id)).toMatchObject({
        type: 'regular',
        status: 'received',
      });
      expect(listed(alice.service, bobs.id)?.type).toBe('regular');
      restore();
      await fixture.service.deleteMessage(bobs);
      await waitForMessage(
        alice.service,
        bobs.id,
        (m) => m.type === 'deleted',
        'the online delete',
      );
    });
  });

  describe('pinMessage and unpinMessage', () => {
    it('pin at once, list the pin on both sides, and unpin on both sides', async () => {
      const { alice, alices } = await twoMessages();

      const release = fixture.holdRequests();
      const pinning = fixture.service.pinMessage(alices);
      await eventsFlow(alice);

      expect(listed(fixture.service, alices.id)).toMatchObject({
        pinned: true,
        status: 'updating',
      });
      expect(ids(fixture.service.activeChannelPinnedMessages())).toEqual([alices.id]);
      expect(alice.service.activeChannelPinnedMessages()).toEqual([]);
      release();
      await pinning;
      expect(listed(fixture.service, alices.id)).toMatchObject({
        pinned: true,
        status: 'received',
      });
      expect(listed(fixture.service, alices.id)?.pinned_by?.id).toBe(fixture.chat.user()?.id);
      expect(ids(fixture.service.activeChannelPinnedMessages())).toEqual([alices.id]);
      await poll(() => alice.service.activeChannelPinnedMessages().length === 1, {
        description: 'alice to see the pin',
      });
      expect(ids(alice.service.activeChannelPinnedMessages())).toEqual([alices.id]);
      expect(listed(alice.service, alices.id)?.pinned).toBe(true);

      const unpinning = alice.service.unpinMessage(listed(alice.service, alices.id) as ChatMessage);

      expect(alice.service.activeChannelPinnedMessages()).toEqual([]);
      await unpinning;
      expect(listed(alice.service, alices.id)).toMatchObject({ pinned: false, status: 'received' });
      await poll(() => fixture.service.activeChannelPinnedMessages().length === 0, {
        description: 'bob to see the unpin',
      });
      expect(listed(fixture.service, alices.id)?.pinned).toBe(false);
    });

    it('roll pins and unpins back while offline, and the next pin works', async () => {
      const { alice, alices, bobs } = await twoMessages();
      await fixture.service.pinMessage(bobs);
      const restore = fixture.goOffline();

      const pinError = await rejectionOf(fixture.service.pinMessage(alices));
      const unpinError = await rejectionOf(fixture.service.unpinMessage(bobs));

      expect([pinError.kind, unpinError.kind]).toEqual(['network', 'network']);
      expect(listed(fixture.service, alices.id)).toMatchObject({
        pinned: false,
        status: 'received',
      });
      expect(listed(fixture.service, bobs.id)).toMatchObject({ pinned: true, status: 'received' });
      expect(ids(fixture.service.activeChannelPinnedMessages())).toEqual([bobs.id]);
      restore();
      await fixture.service.pinMessage(alices);
      expect(ids(fixture.service.activeChannelPinnedMessages()).sort()).toEqual(
        [alices.id, bobs.id].sort(),
      );
      await poll(() => alice.service.activeChannelPinnedMessages().length === 2, {
        description: 'alice to see both pins',
      });
    });

    it('refuse to pin without the pin-message capability, and pin once signed in', async () => {
      // An anonymous watcher of a public channel may read it, but not pin.
      const alice = await fixture.peer('alice');
      const channel = alice.channel('livestream', `pins-${Date.now().toString(36)}`);
      await channel.watch();
      const { message } = await channel.sendMessage({ text: 'pin me' });
      await fixture.chat.init(integrationEmulator().apiKey, undefined, 'anonymous');
      await fixture.service.init({ type: 'livestream', id: channel.id as string });
      const shown = await waitForMessage(fixture.service, message.id, () => true, 'the message');
      expect(fixture.service.activeChannel()?.data?.own_capabilities).not.toContain('pin-message');

      const error = await rejectionOf(fixture.service.pinMessage(shown));

      expect(error.kind).toBe('not-allowed');
      expect(error.message).toMatch(/pin-message/);
      expect(listed(fixture.service, message.id)).toBe(shown);
      expect(fixture.service.activeChannelPinnedMessages()).toEqual([]);
      expect(channel.state.pinnedMessages).toEqual([]);

      // Signed in, the same user may write the public channel, and so pin.
      await fixture.connect('bob');
      await fixture.service.init({ type: 'livestream', id: channel.id as string });
      expect(fixture.service.activeChannel()?.data?.own_capabilities).toContain('pin-message');
      await fixture.service.pinMessage(listed(fixture.service, message.id) as ChatMessage);
      expect(ids(fixture.service.activeChannelPinnedMessages())).toEqual([message.id]);
      await poll(() => channel.state.pinnedMessages.length === 1, {
        description: 'alice to see the pin',
      });
    });
  });

  describe('quotes', () => {
    it('select the quoted message, send a quote the other side sees, and clear on channel change', async () => {
      const { alice, alices } = await twoMessages();
      const emitted: (string | undefined)[] = [];
      const subscription = fixture.service.messageToQuote$.subscribe((m) => emitted.push(m?.id));

      fixture.service.selectMessageToQuote(alices);

      expect(fixture.service.messageToQuote()?.id).toBe(alices.id);
      const quote = await fixture.service.sendMessage(
        'quoting alice',
        [],
        [],
        undefined,
        fixture.service.messageToQuote()?.id,
        { mood: 'cheerful' },
      );
      expect(quote).toMatchObject({ quoted_message_id: alices.id, status: 'received' });
      expect(listed(fixture.service, quote.id)?.quoted_message?.id).toBe(alices.id);
      const seen = await waitForMessage(alice.service, quote.id, () => true, 'alice to get it');
      expect(seen.quoted_message?.id).toBe(alices.id);
      expect(seen.quoted_message?.text).toBe('from alice');
      expect((seen as Record<string, unknown>)['mood']).toBe('cheerful');

      fixture.service.selectMessageToQuote(undefined);
      expect(fixture.service.messageToQuote()).toBeUndefined();
      fixture.service.selectMessageToQuote(alices);
      const other = await createChannel(alice.chat.chatClient as never, [
        fixture.chat.user()?.id as string,
      ]);
      const listedOther = await poll(
        () => fixture.service.channels()?.find((c: Channel) => c.cid === other.cid),
        { description: 'the new channel to be listed' },
      );
      await fixture.service.setAsActiveChannel(listedOther);
      expect(fixture.service.messageToQuote()).toBeUndefined();
      subscription.unsubscribe();
      expect(emitted).toEqual([undefined, alices.id, undefined, alices.id, undefined]);
    });

    it('send mentions, attachments and custom data in the vendor argument order', async () => {
      const { alice } = await twoMessages();
      const aliceUser = alice.chat.chatClient?.user as UserResponse;
      const attachment = { type: 'image', image_url: 'https://example.com/cat.png' };

      const sent = await fixture.service.sendMessage(
        `hi @${aliceUser.id}`,
        [attachment],
        [aliceUser],
        undefined,
        undefined,
        { topic: 'cats' },
      );

      const seen = await waitForMessage(alice.service, sent.id, () => true, 'alice to get it');
      expect(seen.mentioned_users?.map((user) => user.id)).toEqual([aliceUser.id]);
      expect(seen.attachments).toEqual([expect.objectContaining(attachment)]);
      expect((seen as Record<string, unknown>)['topic']).toBe('cats');
    });
  });
});

import { TestBed } from '@angular/core/testing';
import {
  ChannelService,
  ChatClientService,
  ChatMessage,
  StreamChatError,
  isStreamChatError,
} from 'ngx-stream-chat';
import { fakeChannel, fakeMessage } from './fake-data';
import { StreamChatFakes, provideStreamChatFakes } from './stream-chat-fakes';

describe('FakeChannelService', () => {
  let fakes: StreamChatFakes;
  let service: ChannelService;
  const general = fakeChannel('general', { name: 'General' });
  const random = fakeChannel('random');

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideStreamChatFakes({ user: 'alice' })] });
    fakes = TestBed.inject(StreamChatFakes);
    service = TestBed.inject(ChannelService);
  });

  it('lists the set channels on init(), reports the query and activates the first', async () => {
    fakes.channels.set([general, random]);
    service.reset();
    const states: (string | undefined)[] = [];
    service.channelQueryState$.subscribe((state) => states.push(state?.state));

    const channels = await service.init({ type: 'messaging' });

    expect(channels).toEqual([general, random]);
    expect(service.channels()).toEqual([general, random]);
    expect(service.activeChannel()).toBe(general);
    expect(states).toEqual([undefined, 'in-progress', 'success']);
    expect(fakes.channels.calls('init')).toEqual([[{ type: 'messaging' }]]);
  });

  it('refuses init() with nobody connected, and a failNext() query keeps the list', async () => {
    fakes.channels.set([general]);
    fakes.channels.failNext('init');

    await expect(service.init({})).rejects.toMatchObject({ kind: 'unknown' });
    expect(service.channels()).toEqual([general]);
    expect(service.channelQueryState()?.state).toBe('error');

    fakes.client.disconnect();
    await expect(service.init({})).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(service.channels()).toBeUndefined();
  });

  it('shows the active channel messages on the observable and the signal alike', async () => {
    fakes.channels.set([general, random]);
    fakes.messages.set([fakeMessage({ id: 'r1', text: 'in random' })], { channel: random });
    const emitted: string[][] = [];
    service.activeChannelMessages$.subscribe((list) => emitted.push(list.map((m) => m.id)));

    await service.setAsActiveChannel(random);

    expect(service.activeChannelMessages().map((m) => m.id)).toEqual(['r1']);
    expect(emitted).toEqual([[], ['r1']]);
  });

  it('sends a message of the connected user, and lists it failed after failNext()', async () => {
    fakes.channels.set([general]);
    await service.setAsActiveChannel(general);

    const sent = await service.sendMessage('Hello');
    fakes.channels.failNext('sendMessage');
    const failed = await service.sendMessage('Again');

    expect(sent).toMatchObject({ text: 'Hello', status: 'received', user: { id: 'alice' } });
    expect(failed.status).toBe('failed');
    expect(isStreamChatError(failed.sendError)).toBe(true);
    expect(service.activeChannelMessages().map((m) => m.text)).toEqual(['Hello', 'Again']);
    expect(service.latestMessageDateByUserByChannels()[general.cid]).toBe(sent.created_at);

    const resent = await service.resendMessage(failed);
    expect(resent.status).toBe('received');
    await expect(service.resendMessage(resent)).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('refuses to send without an active channel', async () => {
    await expect(service.sendMessage('Hi')).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(fakes.channels.calls('sendMessage')).toEqual([['Hi']]);
  });

  it('counts reactions and own reactions, and lists them', async () => {
    fakes.channels.set([general]);
    fakes.messages.set([fakeMessage({ id: 'm1' })], { channel: general });
    await service.setAsActiveChannel(general);

    await service.addReaction('m1', 'like');
    await service.addReaction('m1', 'like');
    const liked = service.activeChannelMessages()[0];

    expect(liked.reaction_counts).toEqual({ like: 1 });
    expect(liked.own_reactions?.map((reaction) => reaction.type)).toEqual(['like']);
    expect((await service.getMessageReactions('m1')).map((r) => r.user_id)).toEqual(['alice']);

    await service.removeReaction('m1', 'like');
    expect(service.activeChannelMessages()[0]).toMatchObject({
      reaction_counts: {},
      own_reactions: [],
    });
    await expect(service.addReaction('nope', 'like')).rejects.toMatchObject({
      kind: 'invalid-input',
    });
  });

  it('edits, pins, deletes, and asks the delete confirmation first', async () => {
    fakes.channels.set([general]);
    fakes.messages.set([fakeMessage({ id: 'm1', text: 'typo', user: { id: 'alice' } })], {
      channel: general,
    });
    await service.setAsActiveChannel(general);
    const message = () => service.activeChannelMessages()[0];

    await service.updateMessage({ ...message(), text: 'fixed' });
    await service.pinMessage(message());
    expect(message()).toMatchObject({ text: 'fixed', pinned: true });
    expect(message().message_text_updated_at).toBeDefined();
    expect(service.activeChannelPinnedMessages().map((m) => m.id)).toEqual(['m1']);

    service.messageDeleteConfirmationHandler = async () => false;
    await service.deleteMessage(message());
    expect(message().type).toBe('regular');
    service.messageDeleteConfirmationHandler = undefined;
    await service.deleteMessage(message());
    expect(message().type).toBe('deleted');
    await service.deleteMessage(message(), true);
    expect(service.activeChannelMessages()).toEqual([]);
    expect(fakes.channels.calls('deleteMessage').map((args) => args.length)).toEqual([1, 1, 2]);
  });

  it('opens a thread over the replies the channel holds', async () => {
    fakes.channels.set([general]);
    const parent = fakeMessage({ id: 'p' });
    fakes.messages.set([parent, fakeMessage({ id: 'r', parent_id: 'p' })], { channel: general });
    await service.setAsActiveChannel(general);

    await service.setAsActiveParentMessage(parent);
    await service.sendMessage('reply', undefined, undefined, 'p');

    expect(service.activeChannelMessages().map((m) => m.id)).toEqual(['p']);
    expect(service.activeThreadMessages().map((m) => m.text)).toEqual(['', 'reply']);
    expect(service.activeParentMessage()?.reply_count).toBe(1);
    await service.setAsActiveParentMessage(undefined);
    expect(service.activeThreadMessages()).toEqual([]);
  });

  it('counts unread messages of inactive channels, and reads them on activation', async () => {
    fakes.channels.set([general, random]);
    await service.setAsActiveChannel(general);
    const counts: number[] = [];
    service.unreadCount$(random).subscribe((count) => counts.push(count));

    fakes.messages.receive(fakeMessage({ text: 'one' }), { channel: random });
    fakes.messages.receive(fakeMessage({ text: 'two' }), { channel: random });
    expect(service.unreadCount(random)()).toBe(2);

    await service.setAsActiveChannel(random);
    expect(service.activeChannelUnreadCount()).toBe(2);
    expect(service.activeChannelLastReadMessageId()).toBeUndefined();
    expect(counts).toEqual([0, 1, 2, 0]);
  });

  it('marks unread from a message on, and jumps to loaded messages only', async () => {
    fakes.channels.set([general]);
    const messages: ChatMessage[] = ['a', 'b', 'c'].map((id) => fakeMessage({ id }));
    fakes.messages.set(messages, { channel: general });
    await service.setAsActiveChannel(general);

    await service.markMessageUnread('b');
    await service.jumpToMessage('c');

    expect(service.activeChannelLastReadMessageId()).toBe('a');
    expect(service.unreadCount(general)()).toBe(2);
    expect(service.jumpToMessageTarget()).toEqual({ id: 'c', parentId: undefined });
    service.clearMessageJump();
    expect(service.jumpToMessageTarget()).toEqual({});
    await expect(service.jumpToMessage('zz')).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('adds and removes channels, and quotes', async () => {
    expect(() => service.addChannel(general)).toThrow(/needs the channel list/);
    fakes.channels.set([general]);
    await service.setAsActiveChannel(general);

    service.addChannel(random);
    service.selectMessageToQuote(fakeMessage({ id: 'q' }));
    expect(service.channels()).toEqual([random, general]);
    expect(service.messageToQuote()?.id).toBe('q');

    service.removeChannel(general.cid);
    expect(service.channels()).toEqual([random]);
    expect(service.activeChannel()).toBeUndefined();
  });

  it('rejects what it does not simulate, with a typed error saying so', async () => {
    fakes.channels.set([general], { hasMore: true });
    await service.setAsActiveChannel(general);

    await expect(service.sendAction('m', {})).rejects.toMatchObject({
      kind: 'feature-not-provided',
      message: expect.stringContaining('not simulated'),
    });
    await service.loadMoreChannels();
    expect(service.channelQueryState()).toMatchObject({ state: 'error' });
    await expect(service.loadMoreMessages()).resolves.toBeUndefined();
  });

  it('resets when the user disconnects, as the real service does', async () => {
    fakes.channels.set([general]);
    await service.setAsActiveChannel(general);

    await TestBed.inject(ChatClientService).disconnectUser();

    expect(service.channels()).toBeUndefined();
    expect(service.activeChannel()).toBeUndefined();
  });

  it('searches the active channel members, without the user', async () => {
    const team = fakeChannel('team', {
      members: [{ id: 'alice' }, { id: 'bob', name: 'Bob' }, { id: 'carol' }],
    });
    fakes.channels.set([team]);
    await service.setAsActiveChannel(team);

    const found = await service.autocompleteMembers('b');

    expect(found.map((member) => member.user?.id)).toEqual(['bob']);
  });

  it('loads the pages the test queued, and refuses to invent one', async () => {
    fakes.channels.set([general], { hasMore: true });
    fakes.channels.queueNextPage([random, general]);
    await service.loadMoreChannels();
    expect(service.channels()).toEqual([general, random]);
    expect(service.hasMoreChannels()).toBe(false);

    await service.setAsActiveChannel(general);
    fakes.messages.set([fakeMessage({ id: 'm3' })]);
    fakes.channels.setPaging({ hasMoreMessages: true });
    fakes.messages.queuePage([fakeMessage({ id: 'm1' }), fakeMessage({ id: 'm2' })], {
      hasMore: true,
    });
    await service.loadMoreMessages();
    expect(service.activeChannelMessages().map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(service.hasMoreMessages()).toBe(true);
    await expect(service.loadMoreMessages()).rejects.toMatchObject({
      kind: 'feature-not-provided',
    });

    await service.setAsActiveParentMessage(service.activeChannelMessages()[2]);
    fakes.channels.setPaging({ hasMoreThreadReplies: true });
    fakes.messages.queuePage([fakeMessage({ id: 'r0', parent_id: 'm3' })], { parentId: 'm3' });
    await service.loadMoreThreadReplies();
    expect(service.activeThreadMessages().map((m) => m.id)).toEqual(['r0']);
    expect(service.hasMoreThreadReplies()).toBe(false);
  });

  it('shows a held message as sending, and the switch and query in flight', async () => {
    fakes.channels.set([general]);
    const switching = fakes.channels.holdNext('setAsActiveChannel');
    const activating = service.setAsActiveChannel(general);
    expect(service.channelSwitchState()).toBe('start');
    switching();
    await activating;
    expect(service.channelSwitchState()).toBe('end');

    const release = fakes.channels.holdNext('sendMessage');
    const sending = service.sendMessage('Hello');
    await Promise.resolve();
    expect(service.activeChannelMessages().map((m) => m.status)).toEqual(['sending']);
    release();
    expect((await sending).status).toBe('received');

    const querying = fakes.channels.holdNext('init');
    const listing = service.init({});
    expect(service.channelQueryState()).toEqual({ state: 'in-progress' });
    querying();
    await listing;
    expect(service.channelQueryState()).toEqual({ state: 'success' });
  });

  it('counts arrivals in the active channel once it is marked unread, or not marked read', async () => {
    fakes.channels.set([general]);
    fakes.messages.set([fakeMessage({ id: 'a' }), fakeMessage({ id: 'b' })], { channel: general });
    await service.setAsActiveChannel(general);

    fakes.messages.receive(fakeMessage({ id: 'c' }));
    expect(service.unreadCount(general)()).toBe(0);
    await service.markMessageUnread('b');
    fakes.messages.receive(fakeMessage({ id: 'd' }));
    expect(service.unreadCount(general)()).toBe(3);
    expect(service.shouldMarkActiveChannelAsRead).toBe(true);

    await service.sendMessage('back');
    service.shouldMarkActiveChannelAsRead = false;
    fakes.messages.receive(fakeMessage({ id: 'e' }));
    expect(service.unreadCount(general)()).toBe(4);
    service.shouldMarkActiveChannelAsRead = true;
    expect(service.unreadCount(general)()).toBe(0);
  });

  describe('uploads', () => {
    const notes = new File(['12345'], 'notes.txt', { type: 'text/plain' });
    const photo = new File(['1'], 'photo.png', { type: 'image/png' });

    beforeEach(async () => {
      fakes.channels.set([general]);
      await service.setAsActiveChannel(general);
    });

    it('lists uploads uploading while held, then uploaded at a URL nothing answers at', async () => {
      const release = fakes.channels.holdNext('uploadAttachments');
      const done = service.uploadAttachments([{ file: notes, type: 'file', state: 'uploading' }]);
      await Promise.resolve();
      expect(service.attachmentUploads()).toEqual([
        { file: notes, type: 'file', state: 'uploading', progress: 0 },
      ]);
      fakes.channels.setUploads([{ ...service.attachmentUploads()[0], progress: 0.4 }]);
      expect(service.attachmentUploads()[0].progress).toBe(0.4);

      release();
      const url = 'https://uploads.fake.invalid/messaging:general/notes.txt';
      await expect(done).resolves.toEqual([
        { file: notes, type: 'file', state: 'success', progress: 1, url },
      ]);
      expect(service.attachmentUploads()).toEqual([
        { file: notes, type: 'file', state: 'success', progress: 1, url },
      ]);
      expect(fakes.channels.calls('uploadAttachments')).toHaveLength(1);
    });

    it('retries a failed file in its place, and deletes an upload', async () => {
      fakes.channels.setUploads([
        { file: photo, type: 'image', state: 'error', errorReason: 'unknown' },
        { file: notes, type: 'file', state: 'success', url: 'https://files/notes.txt' },
      ]);

      await service.uploadAttachments([service.attachmentUploads()[0]]);
      expect(service.attachmentUploads().map((upload) => upload.state)).toEqual([
        'success',
        'success',
      ]);
      await service.deleteAttachment(service.attachmentUploads()[1]);

      expect(service.attachmentUploads().map((upload) => upload.file)).toEqual([photo]);
      expect(fakes.channels.calls('deleteAttachment')).toEqual([
        [expect.objectContaining({ file: notes })],
      ]);
    });

    it('takes uploads off the list and rejects after failNext(), and needs an active channel', async () => {
      const refused = new StreamChatError('invalid-input', 'photo.png is over the size limit');
      fakes.channels.failNext('uploadAttachments', refused);

      await expect(
        service.uploadAttachments([{ file: photo, type: 'image', state: 'uploading' }]),
      ).rejects.toBe(refused);
      expect(service.attachmentUploads()).toEqual([]);

      service.deselectActiveChannel();
      await expect(
        service.uploadAttachments([{ file: photo, type: 'image', state: 'uploading' }]),
      ).rejects.toMatchObject({ kind: 'invalid-input' });
    });

    it('leaves off the list an upload removed while it was uploading', async () => {
      const release = fakes.channels.holdNext('uploadAttachments');
      const done = service.uploadAttachments([{ file: notes, type: 'file', state: 'uploading' }]);
      await Promise.resolve();
      await service.deleteAttachment(service.attachmentUploads()[0]);
      release();

      expect((await done)[0].state).toBe('success');
      expect(service.attachmentUploads()).toEqual([]);
    });
  });
});

import { OwnUserResponse, StreamChat } from 'stream-chat';
import { RunningEmulator } from '../..';
import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';
import { threadSpecSeed } from './thread-spec-seed';

/** `me.unread_threads` as the connected client got it. */
function unreadThreadsOf(client: StreamChat): number | undefined {
  return (client.user as OwnUserResponse | undefined)?.unread_threads;
}

describe('thread read state: unread_threads, thread_message_new, markRead/markUnread with thread_id', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), { seed: threadSpecSeed() });

  it('notifies participants of new replies and counts unread threads in me', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    expect(unreadThreadsOf(bob)).toBe(0);
    const aliceChannel = alice.channel('messaging', 'team');
    await aliceChannel.watch();
    const notified = nextEvent(bob, 'notification.thread_message_new');
    await aliceChannel.sendMessage({ id: 'n1', text: 'me', parent_id: 'team-root' });
    const event = await notified;
    expect(event).toMatchObject({
      cid: 'messaging:team',
      channel: { id: 'team', own_capabilities: expect.arrayContaining(['send-reply']) },
      message: { id: 'n1', parent_id: 'team-root' },
      thread_id: 'team-root',
      parent_author: { id: 'bob' },
      unread_threads: 1,
      unread_thread_messages: 1,
    });

    // A watching participant is told too: the ThreadManager uses it to reorder its list.
    await bob.channel('messaging', 'team').watch();
    const notifiedWhileWatching = nextEvent(bob, 'notification.thread_message_new');
    await aliceChannel.sendMessage({ id: 'n2', text: 'really', parent_id: 'team-root' });
    expect(await notifiedWhileWatching).toMatchObject({
      thread_id: 'team-root',
      unread_threads: 1,
    });

    const bobAgain = await pool.connected('bob');
    expect(unreadThreadsOf(bobAgain)).toBe(1);
    const unread = await bobAgain.getUnreadCount();
    expect(unread.total_unread_threads_count).toBe(1);
    expect(unread.threads).toEqual([
      expect.objectContaining({ parent_message_id: 'team-root', unread_count: 2 }),
    ]);
    bobAgain.threads.registerSubscriptions();
    expect(bobAgain.threads.state.getLatestValue().unreadThreadCount).toBe(1);
    bobAgain.threads.unregisterSubscriptions();
    const carol = await pool.connected('carol');
    expect(unreadThreadsOf(carol)).toBe(0);
  });

  it('markRead with thread_id reads only the thread and leaves the channel unread', async () => {
    const server = pool.server();
    const serverChannel = server.channel('messaging', 'private');
    await serverChannel.sendMessage({ id: 'main-1', text: 'in the channel', user_id: 'alice' });
    await serverChannel.sendMessage({
      id: 'pr1',
      text: 'in the thread',
      parent_id: 'private-root',
      user_id: 'alice',
    });
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const aliceChannel = alice.channel('messaging', 'private');
    await aliceChannel.watch();
    const aliceThread = await alice.getThread('private-root');
    aliceThread.registerSubscriptions();
    expect(aliceThread.state.getLatestValue().read['bob']?.unreadMessageCount).toBe(1);
    const bobChannel = bob.channel('messaging', 'private');
    await bobChannel.watch();
    expect(bobChannel.countUnread()).toBe(1);
    const channelUnreadBefore = (await bob.getUnreadCount()).total_unread_count;
    expect(channelUnreadBefore).toBeGreaterThan(0);

    const readByAlice = nextEvent(alice, 'message.read', (event) => event.thread !== undefined);
    const markedForBob = nextEvent(bob, 'notification.mark_read');
    const response = await bobChannel.markRead({ thread_id: 'private-root' });
    expect((await bob.getUnreadCount()).total_unread_count).toBe(channelUnreadBefore);
    expect(emulator.store.getChannel('messaging:private')?.members.get('bob')?.read).toMatchObject({
      unreadMessages: 1,
    });
    expect(response?.event).toMatchObject({
      type: 'message.read',
      user: { id: 'bob' },
      thread: { parent_message_id: 'private-root' },
      last_read_message_id: 'pr1',
    });
    expect((await readByAlice).thread?.parent_message_id).toBe('private-root');
    expect(aliceThread.state.getLatestValue().read['bob']?.unreadMessageCount).toBe(0);
    expect(await markedForBob).toMatchObject({
      thread_id: 'private-root',
      // team-root stays unread for bob (n1, n2 of the first test).
      unread_threads: 1,
      unread_thread_messages: 2,
      total_unread_count: channelUnreadBefore,
    });
    aliceThread.unregisterSubscriptions();

    const [requeried] = await bob.queryChannels({ id: 'private' });
    expect(requeried.countUnread()).toBe(1);
    const thread = await bob.getThread('private-root');
    expect(thread.state.getLatestValue().read['bob']).toMatchObject({
      unreadMessageCount: 0,
      lastReadMessageId: 'pr1',
    });
  });

  it('markUnread with thread_id makes the thread unread from a reply, channel untouched', async () => {
    const server = pool.server();
    const serverChannel = server.channel('messaging', 'private');
    await serverChannel.sendMessage({
      id: 'pr2',
      text: 'second',
      parent_id: 'private-root',
      user_id: 'alice',
    });
    await serverChannel.sendMessage({
      id: 'pr3',
      text: 'third',
      parent_id: 'private-root',
      user_id: 'alice',
    });
    const bob = await pool.connected('bob');
    const bobChannel = bob.channel('messaging', 'private');
    await bobChannel.watch();
    await bobChannel.markRead({ thread_id: 'private-root' });
    const channelRead = {
      ...emulator.store.getChannel('messaging:private')?.members.get('bob')?.read,
    };
    const unread = nextEvent(bob, 'notification.mark_unread');
    await bobChannel.markUnread({ thread_id: 'private-root', message_id: 'pr2' });
    expect(await unread).toMatchObject({
      thread_id: 'private-root',
      user: { id: 'bob' },
      first_unread_message_id: 'pr2',
      unread_messages: 2,
      unread_threads: 2,
      last_read_message_id: 'pr1',
    });
    expect(emulator.store.getChannel('messaging:private')?.members.get('bob')?.read).toEqual(
      channelRead,
    );
    const thread = await bob.getThread('private-root');
    expect(thread.state.getLatestValue().read['bob']?.unreadMessageCount).toBe(2);
  });

  it('refuses thread reads of unknown threads (16), outsiders (17) and timestamps (4)', async () => {
    const bob = await pool.connected('bob');
    const dave = await pool.connected('dave');
    const bobChannel = bob.channel('messaging', 'private');
    await bobChannel.watch();
    await expect(bobChannel.markRead({ thread_id: 'no-such-thread' })).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    await expect(bobChannel.markRead({ thread_id: 'team-root' })).rejects.toMatchObject({
      code: 16,
    });
    await expect(
      bobChannel.markUnread({ thread_id: 'private-root', message_timestamp: new Date() }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      bobChannel.markUnread({ thread_id: 'private-root', message_id: 'main-1' }),
    ).rejects.toMatchObject({ code: 4 });
    await expect(
      dave.post(`${dave.baseURL}/channels/messaging/private/read`, { thread_id: 'private-root' }),
    ).rejects.toMatchObject({ code: 17, status: 403 });
  });
});

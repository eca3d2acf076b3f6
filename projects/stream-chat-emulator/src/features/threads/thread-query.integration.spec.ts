import { StreamChat } from 'stream-chat';
import { RunningEmulator } from '../..';
import { customFields, emulatorForSpecFile, nextEvent } from '../../../test/client-harness';
import { threadSpecSeed } from './thread-spec-seed';

/** Alice and carol reply to bob's parent in `team`; alice replies to bob's in `private`. */
async function replyAround(server: StreamChat): Promise<void> {
  const team = server.channel('messaging', 'team');
  await team.sendMessage({ id: 't1', text: 'me', parent_id: 'team-root', user_id: 'alice' });
  await team.sendMessage({ id: 't2', text: 'or me', parent_id: 'team-root', user_id: 'carol' });
  await team.sendMessage({ id: 't3', text: 'alice it is', parent_id: 'team-root', user_id: 'bob' });
  await team.sendMessage({ id: 't4', text: 'ok', parent_id: 'team-root', user_id: 'alice' });
  const other = server.channel('messaging', 'private');
  await other.sendMessage({ id: 'q1', text: 'sure', parent_id: 'private-root', user_id: 'alice' });
}

describe('threads v2: queryThreads, getThread, partialUpdateThread', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile(
    (started) => {
      emulator = started;
    },
    { seed: threadSpecSeed() },
  );

  beforeAll(async () => {
    await replyAround(pool.server());
  });

  it('queryThreads returns the caller’s threads as hydrated Thread objects, newest reply first', async () => {
    const carol = await pool.connected('carol');
    const { threads, next } = await carol.queryThreads();
    expect(next).toBeUndefined();
    expect(threads.map((thread) => thread.id)).toEqual(['team-root']);
    const [thread] = threads;
    const state = thread.state.getLatestValue();
    expect(thread.channel.cid).toBe('messaging:team');
    expect(state.parentMessage).toMatchObject({ id: 'team-root', reply_count: 4 });
    expect(state.replyCount).toBe(4);
    expect(state.replies.map((reply) => reply.id)).toEqual(['t2', 't3', 't4']);
    expect(state.pagination.prevCursor).toBe('t2');
    expect(state.participants?.map((participant) => participant.user_id)).toEqual([
      'bob',
      'alice',
      'carol',
    ]);
    expect(state.read['carol']?.unreadMessageCount).toBe(2);
    expect(state.read['bob']?.unreadMessageCount).toBe(1);
    expect(state.read['alice']?.unreadMessageCount).toBe(0);
    expect(state.createdAt.toISOString()).toBe(emulator.store.getMessage('t1')?.createdAt);
    expect(thread.channel.state.members['alice']?.user?.name).toBe('Alice');

    await thread.loadPrevPage();
    expect(thread.state.getLatestValue().replies.map((reply) => reply.id)).toEqual([
      't1',
      't2',
      't3',
      't4',
    ]);

    const alice = await pool.connected('alice');
    const aliceThreads = await alice.queryThreads({ limit: 1, reply_limit: 0 });
    expect(aliceThreads.threads.map((item) => item.id)).toEqual(['private-root']);
    expect(aliceThreads.threads[0].state.getLatestValue().replies).toEqual([]);
    const page2 = await alice.queryThreads({ limit: 1, next: aliceThreads.next });
    expect(page2.threads.map((item) => item.id)).toEqual(['team-root']);
    expect(page2.next).toBeUndefined();
    const filtered = await alice.queryThreads({
      filter: { channel_cid: { $eq: 'messaging:team' } },
      sort: [{ reply_count: 1 }],
    });
    expect(filtered.threads.map((item) => item.id)).toEqual(['team-root']);
  });

  it('queryThreads with watch makes the connection watch the threads’ channels', async () => {
    const carol = await pool.connected('carol');
    await carol.queryThreads({ watch: true });
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'team' });
    const received = nextEvent(carol, 'message.new', (event) => event.message?.id === 'watched');
    await channel.sendMessage({ id: 'watched', text: 'seen by watchers only' });
    expect((await received).cid).toBe('messaging:team');
  });

  it('getThread returns one thread with reply_limit and participant_limit', async () => {
    const bob = await pool.connected('bob');
    const thread = await bob.getThread('team-root', { reply_limit: 10, participant_limit: 2 });
    const state = thread.state.getLatestValue();
    expect(thread.id).toBe('team-root');
    expect(state.replies.map((reply) => reply.id)).toEqual(['t1', 't2', 't3', 't4']);
    expect(state.pagination.prevCursor).toBeNull();
    expect(state.participants).toHaveLength(2);
    expect(state.read['bob']?.unreadMessageCount).toBe(1);
    const raw = await bob.get<{ thread: Record<string, unknown> }>(
      `${bob.baseURL}/threads/team-root`,
      { reply_limit: 1 },
    );
    expect(raw.thread).toMatchObject({
      channel_cid: 'messaging:team',
      parent_message_id: 'team-root',
      created_by_user_id: 'bob',
      reply_count: 4,
      participant_count: 3,
      title: '',
      last_message_at: emulator.store.getMessage('t4')?.createdAt,
    });
  });

  it('partialUpdateThread sets the title and custom data; thread.updated to watchers', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    await bob.channel('messaging', 'team').watch();
    const bobThread = await bob.getThread('team-root');
    bobThread.registerSubscriptions();
    const updated = nextEvent(bob, 'thread.updated');
    const { thread } = await alice.partialUpdateThread('team-root', {
      set: customFields({ title: 'Release owner', priority: 'high' }),
    });
    expect(thread).toMatchObject({ title: 'Release owner', priority: 'high' });
    expect((await updated).thread).toMatchObject({
      parent_message_id: 'team-root',
      title: 'Release owner',
    });
    expect(bobThread.state.getLatestValue()).toMatchObject({
      title: 'Release owner',
      custom: { priority: 'high' },
    });
    bobThread.unregisterSubscriptions();
    const unset = await alice.partialUpdateThread('team-root', { unset: ['priority'] });
    expect(unset.thread).not.toHaveProperty('priority');
    await expect(
      alice.partialUpdateThread('team-root', { set: { parent_message_id: 'x' } }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
  });

  it('refuses unknown threads (16), outsiders (17) and unsupported query options (4)', async () => {
    const alice = await pool.connected('alice');
    const dave = await pool.connected('dave');
    await expect(alice.getThread('no-such-message')).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    await expect(alice.getThread('t1')).rejects.toMatchObject({ code: 16, status: 404 });
    await expect(dave.getThread('private-root')).rejects.toMatchObject({ code: 17, status: 403 });
    await expect(dave.partialUpdateThread('private-root', { set: {} })).rejects.toMatchObject({
      code: 17,
    });
    expect((await dave.queryThreads()).threads).toEqual([]);
    await expect(alice.queryThreads({ filter: customFields({ text: 'x' }) })).rejects.toMatchObject(
      { code: 4, status: 400 },
    );
    await expect(alice.queryThreads({ sort: customFields({ text: 1 }) })).rejects.toMatchObject({
      code: 4,
    });
    await expect(alice.queryThreads({ next: 'not-a-cursor' })).rejects.toMatchObject({ code: 4 });
  });
});

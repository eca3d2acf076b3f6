import { StreamChat } from 'stream-chat';
import { RunningEmulator, SeedData, startEmulator } from '../..';
import { customFields, emulatorForSpecFile } from '../../../test/client-harness';
import { threadSpecSeed } from './thread-spec-seed';

/** The parts of a thread that the threads slice keeps, as `GET /threads/{id}` serves them. */
async function persistedView(server: StreamChat, id: string): Promise<Record<string, unknown>> {
  const { thread } = await server.get<{ thread: Record<string, unknown> }>(
    `${server.baseURL}/threads/${id}`,
    { reply_limit: 10 },
  );
  const parent = thread['parent_message'] as Record<string, unknown>;
  return {
    read: (thread['read'] as Record<string, unknown>[]).map(({ user, ...read }) => ({
      ...read,
      user_id: (user as { id: string }).id,
    })),
    title: thread['title'],
    topic: thread['topic'],
    reply_count: thread['reply_count'],
    deleted_reply_count: parent['deleted_reply_count'],
    updated_at: thread['updated_at'],
  };
}

describe('thread state across a restart (snapshot → seed)', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), { seed: threadSpecSeed() });
  let restarted: RunningEmulator | undefined;
  afterAll(() => restarted?.close());

  it('keeps read positions, deleted reply counts, title and custom data', async () => {
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'team');
    await channel.watch();
    await channel.sendMessage({ id: 'k1', text: 'one', parent_id: 'team-root' });
    await channel.sendMessage({ id: 'k2', text: 'two', parent_id: 'team-root' });
    await channel.sendMessage({ id: 'k3', text: 'three', parent_id: 'team-root' });
    await alice.deleteMessage('k2');
    await alice.partialUpdateThread('team-root', {
      set: customFields({ title: 'Numbers', topic: 'counting' }),
    });
    const carol = await pool.connected('carol');
    await carol.channel('messaging', 'team').watch();
    await carol.channel('messaging', 'team').markRead({ thread_id: 'team-root' });

    const before = await persistedView(pool.server(), 'team-root');
    expect(before).toMatchObject({
      title: 'Numbers',
      topic: 'counting',
      reply_count: 2,
      deleted_reply_count: 1,
    });
    expect(before['read']).toContainEqual(
      expect.objectContaining({ user_id: 'carol', unread_messages: 0, last_read_message_id: 'k3' }),
    );
    const snapshot = emulator.snapshot();
    expect(snapshot).toHaveProperty('threads');

    restarted = await startEmulator({ port: 0, quiet: true, seed: snapshot });
    const server = new StreamChat(restarted.apiKey, restarted.apiSecret, {
      baseURL: restarted.url,
    });
    expect(await persistedView(server, 'team-root')).toEqual(before);
  });

  it('drops the thread state of a parent that is hard-deleted', async () => {
    const bob = await pool.connected('bob');
    const channel = bob.channel('messaging', 'private');
    await channel.watch();
    await channel.sendMessage({ id: 'gone-root', text: 'soon gone' });
    await channel.sendMessage({ id: 'g1', text: 'reply', parent_id: 'gone-root' });
    await bob.partialUpdateThread('gone-root', { set: customFields({ title: 'Gone' }) });
    const parentIds = (): unknown[] => {
      const threads = emulator.snapshot()['threads' as keyof SeedData] as {
        reads: { parent_id: string }[];
        data: { parent_id: string }[];
      };
      return [...threads.reads, ...threads.data].map((entry) => entry.parent_id);
    };
    expect(parentIds()).toContain('gone-root');
    await bob.deleteMessage('gone-root', { hardDelete: true });
    expect(parentIds()).not.toContain('gone-root');
  });

  it('refuses a seed whose thread state names an unknown message', async () => {
    const seed = {
      ...threadSpecSeed(),
      threads: {
        reads: [{ parent_id: 'nope', user_id: 'bob', last_read: '2024-05-01T10:00:00.000Z' }],
      },
    } as SeedData;
    await expect(startEmulator({ port: 0, quiet: true, seed })).rejects.toThrow(
      'threads.reads: "nope" is not a message',
    );
  });
});

import { ErrorFromResponse } from 'stream-chat';
import { RunningEmulator, SeedData } from '../..';
import {
  emulatorForSpecFile,
  customFields,
  nextEvent,
  rejectionOf,
} from '../../../test/client-harness';

const longHistory = Array.from({ length: 30 }, (_, index) => ({
  id: `long-${index + 1}`,
  user_id: index % 2 === 0 ? 'alice' : 'bob',
  text: `message ${index + 1}`,
  created_at: new Date(Date.UTC(2024, 0, 1, 10, index)).toISOString(),
}));

const seed: SeedData = {
  users: [{ id: 'alice' }, { id: 'bob' }, { id: 'carol' }, { id: 'dave' }],
  channels: [
    {
      type: 'messaging',
      id: 'long',
      name: 'Long',
      members: ['alice', 'bob'],
      messages: longHistory,
      created_at: '2024-01-01T09:00:00.000Z',
    },
    {
      type: 'messaging',
      id: 'quiet',
      name: 'Quiet',
      members: ['alice', 'carol'],
      created_at: '2024-02-01T09:00:00.000Z',
    },
    {
      type: 'team',
      id: 'ops',
      name: 'Ops',
      members: ['bob', 'carol'],
      created_at: '2024-03-01T09:00:00.000Z',
    },
    {
      type: 'livestream',
      id: 'stage',
      name: 'Stage',
      members: [],
      created_at: '2024-04-01T09:00:00.000Z',
    },
  ],
};

describe('channel endpoints', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), { seed });

  describe('query channels', () => {
    it('filters by members $in and returns only readable channels, newest activity first', async () => {
      const alice = await pool.connected('alice');
      const channels = await alice.queryChannels(
        { members: { $in: ['alice'] } },
        { last_message_at: -1 },
      );
      expect(channels.map((channel) => channel.cid)).toEqual(['messaging:quiet', 'messaging:long']);
      const all = await alice.queryChannels({}, [{ created_at: 1 }]);
      expect(all.map((channel) => channel.cid)).toEqual([
        'messaging:long',
        'messaging:quiet',
        'livestream:stage',
      ]);
    });

    it('supports type, id, cid, $eq, $in, $and, $or, joined', async () => {
      const carol = await pool.connected('carol');
      const ids = async (filter: Record<string, unknown>) =>
        (await carol.queryChannels(filter, [{ created_at: 1 }])).map((channel) => channel.cid);
      expect(await ids({ type: 'team' })).toEqual(['team:ops']);
      expect(await ids({ type: { $in: ['messaging', 'livestream'] } })).toEqual([
        'messaging:quiet',
        'livestream:stage',
      ]);
      expect(await ids({ id: { $eq: 'ops' } })).toEqual(['team:ops']);
      expect(await ids({ cid: { $in: ['team:ops', 'messaging:long'] } })).toEqual(['team:ops']);
      expect(await ids({ $or: [{ id: 'quiet' }, { type: 'livestream' }] })).toEqual([
        'messaging:quiet',
        'livestream:stage',
      ]);
      expect(await ids({ $and: [{ members: { $in: ['carol'] } }, { type: 'messaging' }] })).toEqual(
        ['messaging:quiet'],
      );
      expect(await ids({ joined: true })).toEqual(['messaging:quiet', 'team:ops']);
      expect(await ids({ name: { $autocomplete: 'sta' } })).toEqual(['livestream:stage']);
    });

    it('pages with limit and offset, and sends 25 messages per channel by default', async () => {
      const alice = await pool.connected('alice');
      const first = await alice.queryChannels({}, [{ created_at: 1 }], { limit: 2, offset: 0 });
      const second = await alice.queryChannels({}, [{ created_at: 1 }], { limit: 2, offset: 2 });
      expect(first.map((channel) => channel.id)).toEqual(['long', 'quiet']);
      expect(second.map((channel) => channel.id)).toEqual(['stage']);
      const longChannel = first[0];
      expect(longChannel.state.messages).toHaveLength(25);
      expect(longChannel.state.messages.at(-1)?.id).toBe('long-30');
      const limited = await alice.queryChannelsRequest({ id: 'long' }, {}, { message_limit: 3 });
      expect(limited[0].messages.map((message) => message.id)).toEqual([
        'long-28',
        'long-29',
        'long-30',
      ]);
    });

    it('answers a malformed filter with code 4', async () => {
      const alice = await pool.connected('alice');
      const error = (await rejectionOf(
        alice.queryChannels({ members: { $in: 'alice' } } as never),
      )) as ErrorFromResponse<unknown>;
      expect(error.code).toBe(4);
      await expect(alice.queryChannels({ type: { $regex: 'x' } } as never)).rejects.toMatchObject({
        code: 4,
        status: 400,
      });
    });
  });

  describe('get-or-create and message paging', () => {
    it('pages messages with limit, id_lt and id_gt', async () => {
      const alice = await pool.connected('alice');
      const channel = alice.channel('messaging', 'long');
      const latest = await channel.query({ messages: { limit: 10 } });
      expect(latest.messages.map((message) => message.id)).toEqual(
        longHistory.slice(20).map((message) => message.id),
      );
      const older = await channel.query({ messages: { limit: 10, id_lt: 'long-21' } });
      expect(older.messages.map((message) => message.id)).toEqual(
        longHistory.slice(10, 20).map((message) => message.id),
      );
      const newer = await channel.query({ messages: { limit: 3, id_gt: 'long-5' } });
      expect(newer.messages.map((message) => message.id)).toEqual(['long-6', 'long-7', 'long-8']);
      const all = await channel.query({});
      expect(all.messages).toHaveLength(30);
    });

    it('creates a distinct channel from its members and finds it again', async () => {
      const alice = await pool.connected('alice');
      const dave = await pool.connected('dave');
      const created = alice.channel('messaging', { members: ['alice', 'dave'] });
      await created.watch();
      expect(created.id).toMatch(/^!members-/);
      const again = dave.channel('messaging', { members: ['dave', 'alice'] });
      await again.watch();
      expect(again.cid).toBe(created.cid);
      expect(Object.keys(again.state.members).sort()).toEqual(['alice', 'dave']);
    });

    it('refuses a messaging channel to non-members (code 17) and unknown members (code 4)', async () => {
      const dave = await pool.connected('dave');
      await expect(dave.channel('messaging', 'long').watch()).rejects.toMatchObject({
        code: 17,
        status: 403,
      });
      await expect(
        dave.channel('messaging', 'new-one', { members: ['dave', 'nobody'] }).watch(),
      ).rejects.toMatchObject({
        code: 4,
        message: expect.stringContaining("don't exist: nobody"),
      });
      await expect(dave.channel('nosuchtype', 'x').watch()).rejects.toMatchObject({
        code: 16,
        status: 404,
      });
    });

    it('lets anyone write to a livestream channel without being a member', async () => {
      const dave = await pool.connected('dave');
      const stage = dave.channel('livestream', 'stage');
      await stage.watch();
      const { message } = await stage.sendMessage({ text: 'hello stage' });
      expect(message.user?.id).toBe('dave');
    });
  });

  describe('membership and lifecycle', () => {
    it('notifies members added at creation, added later and removed; updates and deletes', async () => {
      const alice = await pool.connected('alice');
      const bob = await pool.connected('bob');
      const carol = await pool.connected('carol');

      const aliceAdded = nextEvent(alice, 'notification.added_to_channel');
      const bobChannel = bob.channel(
        'messaging',
        'project',
        customFields({ name: 'Project', members: ['alice', 'bob'] }),
      );
      await bobChannel.watch();
      const added = await aliceAdded;
      expect(added).toMatchObject({
        cid: 'messaging:project',
        channel: { id: 'project', type: 'messaging', name: 'Project', config: expect.any(Object) },
        member: { user_id: 'alice' },
      });
      expect(
        (added.channel as unknown as { members: { user_id: string }[] }).members.map(
          (member) => member.user_id,
        ),
      ).toEqual(['alice', 'bob']);
      const aliceChannel = alice.channel('messaging', 'project');
      await aliceChannel.watch();

      const carolAdded = nextEvent(carol, 'notification.added_to_channel');
      const memberAdded = nextEvent(alice, 'member.added');
      await bobChannel.addMembers(['carol']);
      expect((await carolAdded).member?.user_id).toBe('carol');
      expect((await memberAdded).member?.user_id).toBe('carol');
      expect(aliceChannel.state.members['carol']).toBeDefined();

      const updated = nextEvent(alice, 'channel.updated');
      await bobChannel.update(customFields({ name: 'Project X' }));
      expect((await updated).channel).toMatchObject({ name: 'Project X' });
      expect(aliceChannel.data).toMatchObject({ name: 'Project X' });
      const partial = nextEvent(alice, 'channel.updated');
      await bobChannel.updatePartial({ set: customFields({ topic: 'launch' }) });
      expect((await partial).channel).toMatchObject({ name: 'Project X', topic: 'launch' });

      const removed = nextEvent(alice, 'notification.removed_from_channel');
      await bobChannel.removeMembers(['alice']);
      expect((await removed).cid).toBe('messaging:project');
      expect(alice.activeChannels['messaging:project']).toBeUndefined();
      await expect(alice.channel('messaging', 'project').watch()).rejects.toMatchObject({
        code: 17,
      });

      await expect(carol.channel('messaging', 'project').delete()).rejects.toMatchObject({
        code: 17,
      });
      const carolChannel = carol.channel('messaging', 'project');
      await carolChannel.watch();
      const deleted = nextEvent(carol, 'channel.deleted');
      await bobChannel.delete();
      expect((await deleted).cid).toBe('messaging:project');
      expect(carol.activeChannels['messaging:project']).toBeUndefined();
      expect(emulator.store.getChannel('messaging:project')).toBeUndefined();
    });

    it('lets a server client create channels for a user, upsert users and send as a user', async () => {
      const server = pool.server();
      await server.upsertUsers([{ id: 'frank', name: 'Frank' }]);
      const channel = server.channel('messaging', 'server-made', {
        created_by_id: 'frank',
        members: ['frank', 'alice'],
      });
      await channel.create();
      await channel.sendMessage({ text: 'from the server', user_id: 'frank' });
      const alice = await pool.connected('alice');
      const [seen] = await alice.queryChannels({ id: 'server-made' });
      expect(seen.data?.created_by).toMatchObject({ id: 'frank' });
      expect(seen.state.messages.map((message) => message.user?.id)).toEqual(['frank']);
      expect(seen.countUnread()).toBe(1);
    });

    it('marks a channel unread from a message (notification.mark_unread)', async () => {
      const bob = await pool.connected('bob');
      const [channel] = await bob.queryChannels({ id: 'long' });
      await channel.markRead();
      const unread = nextEvent(bob, 'notification.mark_unread');
      await channel.markUnread({ message_id: 'long-29' });
      expect(await unread).toMatchObject({
        first_unread_message_id: 'long-29',
        last_read_message_id: 'long-28',
        unread_messages: 1,
      });
      expect(channel.countUnread()).toBe(1);
    });
  });
});

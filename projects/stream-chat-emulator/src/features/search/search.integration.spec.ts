import { emulatorForSpecFile } from '../../../test/client-harness';

describe('search and getMessagesById', () => {
  const pool = emulatorForSpecFile(() => undefined);

  beforeAll(async () => {
    const server = pool.server();
    await server
      .channel('messaging', 'general')
      .sendMessage({ text: 'Zebra crossing', user_id: 'alice' });
    await server
      .channel('messaging', 'alice-bob')
      .sendMessage({ text: 'a zebra again', user_id: 'bob' });
    await server
      .channel('messaging', 'design')
      .sendMessage({ text: 'zebra mockups', user_id: 'bob' });
  });

  it('finds text across the channels the caller can read, with the channel of each hit', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'general' });
    expect(channel.data?.own_capabilities).toContain('search-messages');
    expect(channel.getConfig()?.search).toBe(true);
    const { results } = await alice.search({}, 'ZEBRA');
    expect(results.map(({ message }) => message.text)).toEqual(['a zebra again', 'Zebra crossing']);
    expect(results[0].message.channel).toMatchObject({ cid: 'messaging:alice-bob' });
    const bob = await pool.connected('bob');
    const bobs = await bob.search({ members: { $in: ['bob'] } }, 'zebra');
    expect(bobs.results.map(({ message }) => message.text)).toEqual([
      'zebra mockups',
      'a zebra again',
      'Zebra crossing',
    ]);
  });

  it('pages with next and previous, and with offset', async () => {
    const bob = await pool.connected('bob');
    const first = await bob.search({}, 'zebra', { limit: 2 });
    expect(first.results.map(({ message }) => message.text)).toEqual([
      'zebra mockups',
      'a zebra again',
    ]);
    expect(first.previous).toBeUndefined();
    const second = await bob.search({}, 'zebra', { limit: 2, next: first.next });
    expect(second.results.map(({ message }) => message.text)).toEqual(['Zebra crossing']);
    expect(second.next).toBeUndefined();
    const back = await bob.search({}, 'zebra', { limit: 2, next: second.previous });
    expect(back.results.map(({ message }) => message.text)).toEqual([
      'zebra mockups',
      'a zebra again',
    ]);
    const offset = await bob.search({}, 'zebra', { limit: 1, offset: 2 });
    expect(offset.results.map(({ message }) => message.text)).toEqual(['Zebra crossing']);
    const sorted = await bob.search({}, 'zebra', { sort: [{ created_at: 1 }] });
    expect(sorted.results.map(({ message }) => message.text)[0]).toBe('Zebra crossing');
  });

  it('filters with message filters (text $autocomplete, user.id, channel filter)', async () => {
    const bob = await pool.connected('bob');
    const { results } = await bob.search(
      { cid: { $in: ['messaging:general', 'messaging:design'] } },
      { text: { $autocomplete: 'zeb' }, 'user.id': 'bob' },
    );
    expect(results.map(({ message }) => message.text)).toEqual(['zebra mockups']);
    const plain = await bob.search({ cid: 'messaging:general' }, { text: 'crossing' });
    expect(plain.results.map(({ message }) => message.text)).toEqual(['Zebra crossing']);
  });

  it('refuses unsupported operators, offset with sort and foreign cursors with code 4', async () => {
    const alice = await pool.connected('alice');
    await expect(
      alice.search({}, { 'mentioned_users.id': { $eq: 'bob' } } as never),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      alice.search({}, 'zebra', { offset: 1, sort: [{ created_at: 1 }] }),
    ).rejects.toMatchObject({ code: 4 });
    await expect(alice.search({}, 'zebra', { next: 'not-a-cursor' })).rejects.toMatchObject({
      code: 4,
    });
  });

  it('gets messages of one channel by id, leaving out other channels’ messages', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'general' });
    const { messages } = await channel.getMessagesById(['general-3', 'alice-bob-1', 'general-1']);
    expect(messages.map((message) => message.id)).toEqual(['general-1', 'general-3']);
    await expect(channel.getMessagesById([])).rejects.toMatchObject({ code: 4 });
    const carol = await pool.connected('carol');
    await expect(
      carol.channel('messaging', 'alice-bob').getMessagesById(['alice-bob-1']),
    ).rejects.toMatchObject({ code: 17, status: 403 });
  });
});

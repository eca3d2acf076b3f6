import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningEmulator, SeedData, startEmulator } from '..';
import { ClientPool, customFields } from '../../test/client-harness';
import { poll } from '../../test/poll';

describe('persistence with a data file', () => {
  let directory: string;
  let emulator: RunningEmulator;
  const pool = new ClientPool(() => emulator);

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'stream-chat-emulator-'));
  });
  afterEach(async () => {
    await pool.disconnectAll();
    await emulator.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const readData = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SeedData;

  it('refuses to start when the data file cannot be written', async () => {
    const notAFolder = join(directory, 'plain-file');
    writeFileSync(notAFolder, 'not a folder');
    await expect(
      startEmulator({ port: 0, quiet: true, dataFile: join(notAFolder, 'state.json') }),
    ).rejects.toThrow(/cannot write data file .*state\.json: .*Choose a path/);
    emulator = await startEmulator({ port: 0, quiet: true });
  });

  it('answers 503 when a change cannot be saved, refuses writes until saves work again', async () => {
    const dataFile = join(directory, 'state.json');
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    const alice = await pool.connected('alice');
    const [general] = await alice.queryChannels({ id: 'general' });
    emulator.faults.failDataFileWrites(1);
    await expect(general.sendMessage({ id: 'unsaved', text: 'not saved' })).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('the change was made but the emulator cannot save'),
    });
    await expect(general.sendMessage({ text: 'refused' })).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('refuses changes until it can'),
    });
    await expect(alice.queryChannels({ id: 'general' })).resolves.toHaveLength(1);
    // The retry a second later writes the whole state, the unsaved message included.
    await poll(() => general.sendMessage({ id: 'after', text: 'saved again' }), {
      description: 'the emulator to accept changes again',
      timeoutMs: 6000,
      intervalMs: 100,
    });
    await pool.disconnectAll();
    await emulator.close();
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    expect(emulator.store.getMessage('unsaved')).toBeDefined();
    expect(emulator.store.getMessage('after')).toBeDefined();
  });

  it('says on close what was not saved when the last save fails', async () => {
    const dataFile = join(directory, 'state.json');
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    const alice = await pool.connected('alice');
    const [general] = await alice.queryChannels({ id: 'general' });
    emulator.faults.failDataFileWrites(100);
    await general.sendMessage({ text: 'unsaved' }).catch(() => undefined);
    await pool.disconnectAll();
    await expect(emulator.close()).rejects.toThrow(/were not saved to .*state\.json/);
    emulator = await startEmulator({ port: 0, quiet: true });
  });

  it('keeps the journal when only the final rewrite fails, and replays it', async () => {
    const dataFile = join(directory, 'state.json');
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    const alice = await pool.connected('alice');
    const [general] = await alice.queryChannels({ id: 'general' });
    await general.sendMessage({ id: 'journaled', text: 'in the journal' });
    await pool.disconnectAll();
    mkdirSync(`${dataFile}.${process.pid}.tmp`);
    await emulator.close();
    rmSync(`${dataFile}.${process.pid}.tmp`, { recursive: true });
    const before = emulator.snapshot();
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    expect(emulator.snapshot()).toEqual(before);
  });

  it('loads again after a thread parent with replies was hard-deleted', async () => {
    const dataFile = join(directory, 'state.json');
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    const alice = await pool.connected('alice');
    const [general] = await alice.queryChannels({ id: 'general' });
    await general.sendMessage({ id: 'root', text: 'a thread' });
    await general.sendMessage({ id: 'reply-1', text: 'a reply', parent_id: 'root' });
    await general.sendMessage({ id: 'quote', text: 'quoting', quoted_message_id: 'root' });
    await alice.deleteMessage('root', { hardDelete: true });
    expect(emulator.store.getMessage('reply-1')).toBeUndefined();
    await pool.disconnectAll();
    await emulator.close();
    const before = emulator.snapshot();
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    expect(emulator.snapshot()).toEqual(before);
    expect(emulator.messages('messaging:general').map((message) => message.id)).toContain('quote');
  });

  it('loses nothing across a restart', async () => {
    const dataFile = join(directory, 'state.json');
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    expect(readData(dataFile).users.map((user) => user.id)).toEqual(['alice', 'bob', 'carol']);

    const alice = await pool.connected('alice', { nickname: 'Al' });
    const bob = await pool.connected('bob');
    const [general] = await alice.queryChannels({ id: 'general' });
    await general.sendMessage({ id: 'kept-1', text: 'persist me' });
    await general.sendMessage({ id: 'kept-2', text: 'a reply', parent_id: 'kept-1' });
    const created = bob.channel(
      'messaging',
      'fresh',
      customFields({ name: 'Fresh', members: ['alice', 'bob'] }),
    );
    await created.watch();
    await created.sendMessage({ id: 'kept-3', text: 'in a new channel' });
    const [bobGeneral] = await bob.queryChannels({ id: 'general' });
    await bobGeneral.markRead();
    await pool.client().setGuestUser({ id: 'guest-keep', name: 'Guest' });
    await pool.disconnectAll();
    await emulator.close();
    const before = emulator.snapshot();
    expect(readData(dataFile)).toEqual(before);
    expect(readdirSync(directory)).toEqual(['state.json']);

    emulator = await startEmulator({
      port: 0,
      quiet: true,
      dataFile,
      seed: { users: [], channels: [] },
    });
    expect(emulator.snapshot()).toEqual(before);
    expect(emulator.messages('messaging:general').map((message) => message.id)).toEqual(
      expect.arrayContaining(['general-1', 'general-2', 'general-3', 'kept-1', 'kept-2']),
    );
    const aliceAgain = await pool.connected('alice');
    expect(aliceAgain.user).toMatchObject({
      nickname: 'Al',
      total_unread_count: 1,
      unread_channels: 1,
    });
    const bobAgain = await pool.connected('bob');
    expect(bobAgain.user).toMatchObject({ total_unread_count: 1, unread_channels: 1 });
    const [fresh] = await bobAgain.queryChannels({ id: 'fresh' });
    expect(fresh.state.messages.map((message) => message.text)).toEqual(['in a new channel']);
    const [general2] = await aliceAgain.queryChannels({ id: 'general' });
    expect(general2.state.messages.find((message) => message.id === 'kept-1')?.reply_count).toBe(1);
    expect(emulator.store.users.get('guest-keep')?.role).toBe('guest');
  });

  it('has an answered change on disk before the answer, without waiting for close', async () => {
    const dataFile = join(directory, 'live.json');
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    const alice = await pool.connected('alice');
    const [general] = await alice.queryChannels({ id: 'general' });
    await general.sendMessage({ id: 'early-save', text: 'saved before the answer' });
    // A second emulator reads the files as a restart after a crash would.
    const restarted = await startEmulator({ port: 0, quiet: true, dataFile });
    try {
      expect(restarted.store.getMessage('early-save')?.text).toBe('saved before the answer');
    } finally {
      await restarted.close();
    }
    expect(readFileSync(dataFile, 'utf8')).toContain('early-save');
  });

  it('writes only what a change touched, however large the state', async () => {
    const dataFile = join(directory, 'large.json');
    const history = Array.from({ length: 3000 }, (_, index) => ({
      id: `old-${index}`,
      user_id: index % 2 === 0 ? 'alice' : 'bob',
      text: `message number ${index} of a long history`,
    }));
    emulator = await startEmulator({
      port: 0,
      quiet: true,
      dataFile,
      seed: {
        users: [{ id: 'alice' }, { id: 'bob' }],
        channels: [{ type: 'messaging', id: 'long', members: ['alice', 'bob'], messages: history }],
      },
    });
    const dataBefore = readFileSync(dataFile, 'utf8');
    const journalBefore = statSync(`${dataFile}.journal`).size;
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'long' });
    await channel.sendMessage({ id: 'one-more', text: 'one more' });
    const appended = statSync(`${dataFile}.journal`).size - journalBefore;
    expect(dataBefore.length).toBeGreaterThan(300_000);
    expect(appended).toBeGreaterThan(0);
    expect(appended).toBeLessThan(4096);
    expect(readFileSync(dataFile, 'utf8')).toBe(dataBefore);
  });

  it('refuses a broken seed with a message naming the problem', async () => {
    await expect(
      startEmulator({
        port: 0,
        quiet: true,
        seed: { users: [{ id: 'a b' }], channels: [] } as SeedData,
      }),
    ).rejects.toThrow('users[0]: "id" must be a valid user id');
    emulator = await startEmulator({ port: 0, quiet: true, seed: { users: [], channels: [] } });
    const { users, channels } = emulator.snapshot();
    expect({ users, channels }).toEqual({ users: [], channels: [] });
  });
});

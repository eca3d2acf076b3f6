import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningEmulator } from '..';
import { emulatorForSpecFile } from '../../test/client-harness';

/** JSON text of an object nested `levels` deep: `{"x":{"x":…1…}}`. */
function deeplyNested(levels: number): string {
  return `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

describe('hostile input: refused at the edge, nothing stored, the emulator keeps going', () => {
  let emulator: RunningEmulator;
  const directory = mkdtempSync(join(tmpdir(), 'emulator-hostile-'));
  const dataFile = join(directory, 'state.json');
  const pool = emulatorForSpecFile((started) => (emulator = started), { dataFile });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** A REST call as `userId` with a signed token, the body sent as raw text. */
  function call(method: string, path: string, userId: string, body?: string, token?: string) {
    const separator = path.includes('?') ? '&' : '?';
    return fetch(`${emulator.url}${path}${separator}api_key=${emulator.apiKey}`, {
      method,
      headers: {
        authorization: token ?? emulator.createToken(userId),
        'stream-auth-type': 'jwt',
        'content-type': 'application/json',
      },
      body,
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as { code?: number; message?: string },
    }));
  }

  it('refuses a user field nested 20,000 levels deep, and survives the user leaving', async () => {
    const alice = await pool.connected('alice');
    const answer = await call(
      'PATCH',
      '/users',
      'alice',
      `{"users":[{"id":"alice","set":{"deep":${deeplyNested(20_000)}}}]}`,
    );
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 4, message: expect.stringContaining('nests deeper than 64 levels') },
    });
    expect(emulator.store.users.get('alice')?.data).not.toHaveProperty('deep');
    await alice.disconnectUser(0);
    await expect(pool.connected('bob')).resolves.toBeDefined();
  });

  it('refuses a deeply nested message, and channel queries and the data file keep working', async () => {
    const alice = await pool.connected('alice');
    const answer = await call(
      'POST',
      '/channels/messaging/alice-bob/message',
      'alice',
      `{"message":{"id":"deep-one","text":"hi","deep":${deeplyNested(20_000)}}}`,
    );
    expect(answer).toMatchObject({ status: 400, body: { code: 4 } });
    expect(emulator.store.getMessage('deep-one')).toBeUndefined();
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    await channel.sendMessage({ id: 'after-deep', text: 'still fine' });
    // Answered means saved: the change is in the data file's journal.
    expect(readFileSync(`${dataFile}.journal`, 'utf8')).toContain('after-deep');
  });

  it('refuses custom data over 5 KB on users, messages and channels, naming the limit', async () => {
    const alice = await pool.connected('alice');
    const big = 'x'.repeat(6000);
    await expect(
      alice.partialUpdateUser({ id: 'alice', set: { bio: big } as never }),
    ).rejects.toMatchObject({
      code: 4,
      message: expect.stringContaining('the limit is 5120 bytes'),
    });
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    await expect(
      channel.sendMessage({ id: 'too-big', text: 'hi', note: big } as never),
    ).rejects.toMatchObject({
      code: 4,
      message: expect.stringContaining('custom data of the message'),
    });
    expect(emulator.store.getMessage('too-big')).toBeUndefined();
    await expect(channel.updatePartial({ set: { blob: big } as never })).rejects.toMatchObject({
      code: 4,
    });
    expect(emulator.store.getChannel('messaging:alice-bob')?.data).not.toHaveProperty('blob');
  });

  it('applies a multi-user update whole or not at all', async () => {
    const server = pool.server();
    await expect(
      server.upsertUsers([
        { id: 'alice', name: 'Alice Renamed' },
        { id: 'bob', bio: 'y'.repeat(6000) } as never,
      ]),
    ).rejects.toMatchObject({ code: 4 });
    expect(emulator.store.users.get('alice')?.data['name']).toBe('Alice Martin');
  });

  it('validates user ids on REST exactly as on the WebSocket', async () => {
    const client = pool.client();
    for (const id of ['a b', '<script>', 'x'.repeat(300)]) {
      const answer = await call('GET', '/app', id, undefined, client.devToken(id));
      expect(answer).toMatchObject({
        status: 400,
        body: { code: 4, message: expect.stringContaining('is not valid') },
      });
      expect(emulator.store.users.get(id)).toBeUndefined();
    }
  });

  it('answers prototype-named filter fields cleanly', async () => {
    await pool.connected('alice');
    for (const field of ['constructor', 'toString', 'hasOwnProperty']) {
      const filter = JSON.stringify({ filter_conditions: { [field]: 'x' } });
      const users = await call('GET', `/users?payload=${encodeURIComponent(filter)}`, 'alice');
      expect(users).toMatchObject({ status: 200, body: { users: [] } });
      const channels = await call('POST', '/channels', 'alice', filter);
      expect(channels).toMatchObject({ status: 200, body: { channels: [] } });
    }
    const proto = await call(
      'GET',
      `/users?payload=${encodeURIComponent('{"filter_conditions":{"__proto__":{"$eq":1}}}')}`,
      'alice',
    );
    expect(proto).toMatchObject({
      status: 400,
      body: { code: 4, message: expect.stringContaining('"__proto__"') },
    });
    const channels = await call(
      'POST',
      '/channels',
      'alice',
      '{"filter_conditions":{"__proto__":{"x":1}},"state":true}',
    );
    expect(channels).toMatchObject({ status: 400, body: { code: 4 } });
  });

  it('refuses a guest id that is already taken, leaving its owner untouched', async () => {
    const first = pool.client();
    await first.setGuestUser({ id: 'guest-taken', name: 'First' } as never);
    const second = pool.client();
    await expect(
      second.setGuestUser({ id: 'guest-taken', name: 'Thief' } as never),
    ).rejects.toMatchObject({ code: 4 });
    expect(emulator.store.users.get('guest-taken')?.data['name']).toBe('First');
  });
});

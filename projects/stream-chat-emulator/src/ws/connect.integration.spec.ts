import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { ErrorFromResponse } from 'stream-chat';
import { RunningEmulator, startEmulator } from '..';
import {
  ClientPool,
  connectErrorOf,
  emulatorForSpecFile,
  rejectionOf,
} from '../../test/client-harness';

describe('connecting with the stream-chat client', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  describe('accepted connects', () => {
    it('connects with a static token and receives a complete me', async () => {
      const client = pool.client();
      const health = await client.connectUser({ id: 'alice' }, emulator.createToken('alice'));
      expect(health?.connection_id).toEqual(expect.any(String));
      expect(client.user).toMatchObject({
        id: 'alice',
        name: 'Alice Martin',
        role: 'user',
        online: true,
        mutes: [],
        channel_mutes: [],
        devices: [],
        total_unread_count: 0,
        unread_channels: 0,
      });
      expect(emulator.faults.connectionCount('alice')).toBe(1);
    });

    it('keeps a token-provider session working across three refreshes of 2 s tokens', async () => {
      let calls = 0;
      let expiresAt = 0;
      const provider = async () => {
        calls++;
        const token = emulator.createToken('bob', { expiresInSeconds: 2 });
        expiresAt = (jwt.decode(token) as { exp: number }).exp * 1000;
        return token;
      };
      const client = pool.client();
      await client.connectUser({ id: 'bob' }, provider);
      expect(calls).toBe(1);
      for (let refresh = 1; refresh <= 3; refresh++) {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, expiresAt - Date.now() + 20)),
        );
        const { users } = await client.queryUsers({ id: 'bob' });
        expect(users.map((user) => user.id)).toEqual(['bob']);
        expect(calls).toBe(refresh + 1);
      }
      const channels = await client.queryChannels({ members: { $in: ['bob'] } });
      expect(channels.length).toBeGreaterThan(0);
      expect(emulator.faults.connectionCount('bob')).toBe(1);
    }, 15_000);

    it('refreshes an expired provider token during the WebSocket connect (code 40)', async () => {
      const tokens = [
        emulator.createToken('carol', { expiresInSeconds: -10 }),
        emulator.createToken('carol', { expiresInSeconds: 60 }),
      ];
      let calls = 0;
      // The client retries after 250-2500 ms (its backoff), so the connect timeout must be longer.
      const timeoutMs = 3500;
      const client = pool.client({}, { wsTimeoutMs: timeoutMs });
      const startedAt = Date.now();
      await client.connectUser({ id: 'carol' }, async () => tokens[Math.min(calls++, 1)]);
      expect(calls).toBe(2);
      expect(client.user?.id).toBe('carol');
      // connectUser leaves its timeout timer running after success; let it run out so no handle outlives the test.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, startedAt + timeoutMs - Date.now())),
      );
    }, 10_000);

    it('accepts development tokens while they are enabled', async () => {
      const client = pool.client();
      await client.connectUser({ id: 'carol' }, client.devToken('carol'));
      expect(client.user).toMatchObject({ id: 'carol', name: 'Carol Diaz' });
    });

    it('refuses development tokens when they are disabled (code 43)', async () => {
      const strict = await startEmulator({ port: 0, quiet: true, devTokens: false });
      try {
        const client = new ClientPool(() => strict).client();
        const error = connectErrorOf(
          await rejectionOf(client.connectUser({ id: 'carol' }, client.devToken('carol'))),
        );
        expect(error).toMatchObject({ code: 43, StatusCode: 401 });
        expect(error.message).toContain('development tokens are disabled');
        const accepted = new ClientPool(() => strict).client();
        await accepted.connectUser({ id: 'carol' }, strict.createToken('carol'));
        await accepted.disconnectUser(0);
      } finally {
        await strict.close();
      }
    });

    it('connects a guest with role guest', async () => {
      const client = pool.client();
      await client.setGuestUser({ id: 'visitor-1', name: 'Visitor' });
      expect(client.user).toMatchObject({ id: 'visitor-1', name: 'Visitor', role: 'guest' });
      expect(emulator.store.users.get('visitor-1')?.role).toBe('guest');
    });

    it('connects anonymously as !anon, reads a livestream and may not write', async () => {
      const client = pool.client();
      await client.connectAnonymousUser();
      expect(client.user).toMatchObject({
        id: '!anon',
        role: 'anonymous',
        mutes: [],
        channel_mutes: [],
      });
      const channel = client.channel('livestream', 'town-square');
      const state = await channel.watch();
      expect(state.messages.map((message) => message.id)).toEqual([
        'town-square-1',
        'town-square-2',
        'town-square-3',
      ]);
      expect(state.channel.own_capabilities).not.toContain('send-message');
      const error = (await rejectionOf(
        channel.sendMessage({ text: 'hello' }),
      )) as ErrorFromResponse<unknown>;
      expect(error.code).toBe(17);
      expect(error.status).toBe(403);
      const privateChannel = client.channel('messaging', 'general');
      const readError = (await rejectionOf(privateChannel.watch())) as ErrorFromResponse<unknown>;
      expect(readError.code).toBe(17);
    });
  });

  describe('refused connects', () => {
    it('refuses a token with a bad signature (code 43)', async () => {
      const client = pool.client();
      const token = jwt.sign({ user_id: 'alice' }, 'another-secret', {
        algorithm: 'HS256',
        noTimestamp: true,
      });
      const error = connectErrorOf(await rejectionOf(client.connectUser({ id: 'alice' }, token)));
      expect(error).toMatchObject({ code: 43, StatusCode: 401 });
      expect(error.message).toContain('signature is not valid');
      expect(emulator.faults.connectionCount('alice')).toBe(0);
    });

    it('refuses a token whose user_id does not match the connecting user (code 5)', async () => {
      const client = pool.client();
      const error = connectErrorOf(
        await rejectionOf(
          client.connectUser({ id: 'alice' }, async () => emulator.createToken('bob')),
        ),
      );
      expect(error).toMatchObject({ code: 5, StatusCode: 401 });
      expect(error.message).toContain('does not match');
    });

    it('refuses an expired static token (code 40) without retrying', async () => {
      const client = pool.client();
      const token = emulator.createToken('alice', { expiresInSeconds: -5 });
      const error = connectErrorOf(await rejectionOf(client.connectUser({ id: 'alice' }, token)));
      expect(error).toMatchObject({ code: 40, StatusCode: 401 });
      expect(error.message).toContain('token is expired');
    });

    it('refuses an unknown api key (code 2)', async () => {
      const client = pool.client({}, { apiKey: 'not-the-key' });
      const error = connectErrorOf(
        await rejectionOf(client.connectUser({ id: 'alice' }, emulator.createToken('alice'))),
      );
      expect(error).toMatchObject({ code: 2, StatusCode: 401 });
    });

    it('sends the error frame, then closes with 1000', async () => {
      const query = new URLSearchParams({
        json: JSON.stringify({ user_id: 'alice', user_details: { id: 'alice' } }),
        api_key: emulator.apiKey,
        authorization: 'not-a-token',
        'stream-auth-type': 'jwt',
      });
      const socket = new WebSocket(`${emulator.url.replace('http', 'ws')}/connect?${query}`);
      const frames: unknown[] = [];
      socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
      const code = await new Promise<number>((resolve) =>
        socket.on('close', (closeCode) => resolve(closeCode)),
      );
      expect(code).toBe(1000);
      expect(frames).toEqual([
        {
          error: expect.objectContaining({
            code: 5,
            StatusCode: 401,
            message: expect.stringContaining('invalid number of segments'),
            more_info: expect.any(String),
          }),
        },
      ]);
    });
  });
});

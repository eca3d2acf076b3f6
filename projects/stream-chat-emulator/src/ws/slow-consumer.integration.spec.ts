import { Socket } from 'node:net';
import WebSocket from 'ws';
import { RunningEmulator } from '..';
import { emulatorForSpecFile } from '../../test/client-harness';
import { poll } from '../../test/poll';
import { SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON } from '../sessions/client-session';

/** A small limit, so the spec fills it quickly (the default is 4 MiB). */
const LIMIT_BYTES = 128 * 1024;

/** A raw socket of `userId` watching `cid`, with its connection id and received frames. */
interface RawWatcher {
  socket: WebSocket;
  connectionId: string;
  closed: Promise<{ code: number; reason: string }>;
}

describe('a WebSocket reader that stops reading', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), {
    maxSocketBufferBytes: LIMIT_BYTES,
  });

  const rawWatcher = async (userId: string, channelId: string): Promise<RawWatcher> => {
    const query = new URLSearchParams({
      json: JSON.stringify({ user_id: userId, user_details: { id: userId } }),
      api_key: emulator.apiKey,
      authorization: emulator.createToken(userId),
      'stream-auth-type': 'jwt',
    });
    const socket = new WebSocket(`${emulator.url.replace('http', 'ws')}/connect?${query}`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    const first = await new Promise<Record<string, unknown>>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(data.toString()))),
    );
    const connectionId = first['connection_id'] as string;
    const response = await fetch(
      `${emulator.url}/channels/messaging/${channelId}/query?` +
        new URLSearchParams({ api_key: emulator.apiKey, connection_id: connectionId }),
      {
        method: 'POST',
        headers: {
          authorization: emulator.createToken(userId),
          'stream-auth-type': 'jwt',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ watch: true, state: true }),
      },
    );
    expect(response.status).toBe(200);
    return { socket, connectionId, closed };
  };

  it('is closed with 1008 "slow consumer" once its unsent events pass the limit; others are unaffected', async () => {
    const alice = await pool.connected('alice');
    const carol = await pool.connected('carol');
    const channel = alice.channel('messaging', 'slow-readers', {
      members: ['alice', 'bob', 'carol'],
    });
    await channel.watch();
    const carolChannel = carol.channel('messaging', 'slow-readers');
    await carolChannel.watch();
    const slow = await rawWatcher('bob', 'slow-readers');
    expect(emulator.faults.connectionCount('bob')).toBe(1);
    (slow.socket as unknown as { _socket: Socket })._socket.pause();

    let carolReceived = 0;
    carol.on('message.new', () => carolReceived++);
    const text = 'x'.repeat(4000);
    let sent = 0;
    let outcome: { code: number; reason: string } | undefined;
    void slow.closed.then((result) => (outcome = result));
    while (emulator.faults.connectionCount('bob') > 0 && sent < 20_000) {
      await Promise.all(
        Array.from({ length: 20 }, () => channel.sendMessage({ text }).then(() => sent++)),
      );
    }
    // The server let go of bob's connection (unregistered it) before our flood ran out.
    expect(emulator.faults.connectionCount('bob')).toBe(0);
    expect(sent).toBeLessThan(20_000);

    (slow.socket as unknown as { _socket: Socket })._socket.resume();
    const result = outcome ?? (await slow.closed);
    expect(result).toEqual({ code: SLOW_CONSUMER_CLOSE_CODE, reason: SLOW_CONSUMER_REASON });

    // The server stays healthy: the reading watcher got every message, and new sends work.
    await channel.sendMessage({ text: 'after the slow reader' });
    await poll(() => carolReceived >= sent + 1, {
      description: () => `carol to receive ${sent + 1} messages, she has ${carolReceived}`,
      timeoutMs: 5000,
      intervalMs: 20,
    });
    expect(carolReceived).toBe(sent + 1);
    expect(emulator.faults.connectionCount('carol')).toBe(1);
  }, 60_000);

  it('refuses a limit that is not a positive whole number', async () => {
    const { startEmulator } = await import('..');
    await expect(startEmulator({ port: 0, quiet: true, maxSocketBufferBytes: 0 })).rejects.toThrow(
      'maxSocketBufferBytes must be a positive whole number',
    );
  });
});

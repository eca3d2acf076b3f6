import WebSocket from 'ws';
import { RunningEmulator } from '..';
import { emulatorForSpecFile, nextEvent } from '../../test/client-harness';
import { poll } from '../../test/poll';

describe('WebSocket frames from clients', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  const openRawSocket = async (userId: string) => {
    const query = new URLSearchParams({
      json: JSON.stringify({ user_id: userId, user_details: { id: userId } }),
      api_key: emulator.apiKey,
      authorization: emulator.createToken(userId),
      'stream-auth-type': 'jwt',
    });
    const socket = new WebSocket(`${emulator.url.replace('http', 'ws')}/connect?${query}`);
    const frames: Record<string, unknown>[] = [];
    socket.on('message', (data) =>
      frames.push(JSON.parse(data.toString()) as Record<string, unknown>),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    return { socket, frames };
  };

  const waitForFrames = (frames: unknown[], count: number) =>
    poll(() => frames.length >= count, {
      description: () => `${count} frame(s), got ${frames.length}`,
      timeoutMs: 2000,
      intervalMs: 10,
    });

  it('answers pings (a JSON array) with health.check without me', async () => {
    const { socket, frames } = await openRawSocket('alice');
    await waitForFrames(frames, 1);
    expect(frames[0]).toMatchObject({ type: 'health.check', cid: '*', me: { id: 'alice' } });
    socket.send(JSON.stringify([{ type: 'health.check', client_id: 'alice--1' }]));
    await waitForFrames(frames, 2);
    expect(frames[1]).toEqual({
      type: 'health.check',
      connection_id: frames[0]['connection_id'],
      cid: '*',
      created_at: expect.any(String),
    });
    socket.close(1000);
  });

  it('ignores malformed frames and keeps the socket usable', async () => {
    const { socket, frames } = await openRawSocket('bob');
    await waitForFrames(frames, 1);
    for (const frame of [
      'not json',
      '{',
      '',
      'null',
      '42',
      '[]',
      '{}',
      '[{"type":"unknown"}]',
      '{"type":1}',
    ]) {
      socket.send(frame);
    }
    socket.send(Buffer.from([0, 1, 2, 3]), { binary: true });
    socket.send(JSON.stringify([{ type: 'health.check' }]));
    await waitForFrames(frames, 2);
    expect(frames).toHaveLength(2);
    expect(frames[1]['type']).toBe('health.check');
    expect(socket.readyState).toBe(WebSocket.OPEN);
    expect(emulator.faults.connectionCount('bob')).toBe(1);
    socket.close(1000);
  });

  it('keeps a stream-chat client working after garbage on its socket', async () => {
    const carol = await pool.connected('carol');
    const bob = await pool.connected('bob');
    const [channel] = await carol.queryChannels({ id: 'design' });
    const [bobChannel] = await bob.queryChannels({ id: 'design' });
    const ws = carol.wsConnection?.ws as WebSocket | undefined;
    ws?.send('garbage');
    ws?.send('[{"type": "health.check"');
    const received = nextEvent(carol, 'message.new');
    await bobChannel.sendMessage({ text: 'still there?' });
    expect((await received).message?.text).toBe('still there?');
    expect(channel.state.messages.at(-1)?.text).toBe('still there?');
  });

  it('refuses upgrades on other paths', async () => {
    const socket = new WebSocket(`${emulator.url.replace('http', 'ws')}/elsewhere`);
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
    expect(error.message).toContain('404');
  });
});

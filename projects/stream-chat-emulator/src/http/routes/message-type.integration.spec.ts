import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';

describe('the type of a sent message', () => {
  const pool = emulatorForSpecFile(() => undefined);

  it('refuses a client-sent system message (code 17) and stores nothing', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    const before = channel.state.messages.length;
    await expect(
      channel.sendMessage({ id: 'sys-by-user', text: 'I am the system', type: 'system' }),
    ).rejects.toMatchObject({
      code: 17,
      status: 403,
      message: expect.stringContaining('creating system messages not allowed'),
    });
    await expect(alice.getMessage('sys-by-user')).rejects.toMatchObject({ code: 16 });
    const [again] = await alice.queryChannels({ id: 'alice-bob' });
    expect(again.state.messages.length).toBe(before);
  });

  it('refuses the types only the server sets (code 4)', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ id: 'alice-bob' });
    for (const type of ['error', 'ephemeral', 'deleted'] as const) {
      await expect(channel.sendMessage({ text: 'no', type })).rejects.toMatchObject({
        code: 4,
        status: 400,
        message: expect.stringContaining(`message.type "${type}" is a reserved field`),
      });
    }
    await expect(channel.sendMessage({ text: 'plain', type: 'regular' })).resolves.toMatchObject({
      message: { type: 'regular' },
    });
  });

  it('stores a server-sent system message as system, and watchers receive it', async () => {
    const bob = await pool.connected('bob');
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' });
    const received = nextEvent(bob, 'message.new');
    const server = pool.server();
    const { message } = await server
      .channel('messaging', 'alice-bob')
      .sendMessage({ text: 'Alice renamed the channel', type: 'system', user_id: 'alice' });
    expect(message.type).toBe('system');
    expect((await received).message?.type).toBe('system');
    expect(bobChannel.state.messages.at(-1)).toMatchObject({ type: 'system' });
  });
});

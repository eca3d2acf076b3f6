import { StreamChatError } from '../stream-chat-errors';
import { resolveInitArguments } from './init-arguments';

/** What `work` throws; `undefined` when it returns. */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('resolveInitArguments', () => {
  const provider = async () => 'token';

  it("reads the vendor's form, with the key first, whatever key is configured", () => {
    expect(resolveInitArguments(['key', 'alice', 'jwt'], 'configured')).toEqual({
      apiKey: 'key',
      userOrId: 'alice',
      tokenOrProvider: 'jwt',
      clientOptions: undefined,
      trackPendingChannelInvites: undefined,
    });
    expect(resolveInitArguments(['key', { id: 'alice' }, provider], undefined)).toMatchObject({
      apiKey: 'key',
      userOrId: { id: 'alice' },
      tokenOrProvider: provider,
    });
    expect(resolveInitArguments(['key', undefined, 'anonymous'], undefined)).toMatchObject({
      apiKey: 'key',
      userOrId: undefined,
      tokenOrProvider: 'anonymous',
    });
    expect(
      resolveInitArguments(['key', 'alice', 'jwt', { baseURL: 'http://x' }], undefined),
    ).toMatchObject({ apiKey: 'key', clientOptions: { baseURL: 'http://x' } });
  });

  it('fills in the configured key when the call leaves it out', () => {
    expect(resolveInitArguments(['alice', 'jwt'], 'configured')).toEqual({
      apiKey: 'configured',
      userOrId: 'alice',
      tokenOrProvider: 'jwt',
      clientOptions: undefined,
      trackPendingChannelInvites: undefined,
    });
    expect(resolveInitArguments(['alice', provider, { baseURL: 'http://x' }], 'k')).toMatchObject({
      apiKey: 'k',
      tokenOrProvider: provider,
      clientOptions: { baseURL: 'http://x' },
    });
    expect(resolveInitArguments([undefined, 'anonymous'], 'k')).toMatchObject({
      apiKey: 'k',
      userOrId: undefined,
      tokenOrProvider: 'anonymous',
    });
  });

  it('takes trackPendingChannelInvites out of the client options', () => {
    const resolved = resolveInitArguments(
      ['alice', 'jwt', { baseURL: 'http://x', trackPendingChannelInvites: true }],
      'k',
    );
    expect(resolved.clientOptions).toEqual({ baseURL: 'http://x' });
    expect(resolved.trackPendingChannelInvites).toBe(true);
    expect(
      resolveInitArguments(['k', 'alice', 'jwt', { trackPendingChannelInvites: false }], undefined),
    ).toMatchObject({ clientOptions: {}, trackPendingChannelInvites: false });
  });

  it('refuses the short form without a configured key, and bad options, with typed errors', () => {
    const noKey = () => resolveInitArguments(['alice', 'jwt'], undefined);
    expect(noKey).toThrow(StreamChatError);
    expect(noKey).toThrow(/StreamChatConfig\.apiKey/);
    expect(() => resolveInitArguments(['alice', 'jwt'], ' ')).toThrow(/StreamChatConfig\.apiKey/);
    expect(() => resolveInitArguments(['k', 'alice', 'jwt', 'options'], undefined)).toThrow(
      /options of init\(\) must be an object/,
    );
    expect(() =>
      resolveInitArguments(['alice', 'jwt', { trackPendingChannelInvites: 'yes' }], 'k'),
    ).toThrow(/trackPendingChannelInvites must be true or false/);
    expect(thrownBy(noKey)).toMatchObject({ name: 'StreamChatError', kind: 'invalid-input' });
  });

  it('reads a null third argument as a (bad) token of the vendor form, not as options', () => {
    expect(resolveInitArguments(['key', 'alice', null], undefined)).toMatchObject({
      apiKey: 'key',
      userOrId: 'alice',
      tokenOrProvider: null,
    });
  });
});

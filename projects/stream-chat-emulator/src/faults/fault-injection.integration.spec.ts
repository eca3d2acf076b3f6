import { ErrorFromResponse } from 'stream-chat';
import { RunningEmulator, startEmulator } from '..';
import { ClientPool, connectErrorOf, nextEvent, rejectionOf } from '../../test/client-harness';

describe('fault injection', () => {
  let emulator: RunningEmulator;
  const pool = new ClientPool(() => emulator);

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, quiet: true });
  });
  afterEach(async () => {
    emulator.faults.clearRequestFaults();
    await pool.disconnectAll();
  });
  afterAll(async () => {
    await emulator.close();
    await pool.settle();
  });

  const adminRequest = (
    path: string,
    init: { method?: string; body?: unknown; token?: string } = {},
  ) =>
    fetch(`${emulator.url}${path}`, {
      method: init.method ?? 'POST',
      headers: {
        Authorization: init.token ?? emulator.createServerToken(),
        'Content-Type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it('drops one user’s sockets over HTTP (/admin), and the client comes back', async () => {
    const bob = await pool.connected('bob');
    await pool.connected('alice');
    const recovered = nextEvent(bob, 'connection.recovered', () => true, 6000);
    const response = await adminRequest('/admin/faults/drop-sockets', {
      body: { user_id: 'bob', code: 4000 },
    });
    pool.socketsDropped();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ closed: 1, duration: expect.any(String) });
    expect(emulator.faults.connectionCount('alice')).toBe(1);
    await recovered;
    const count = await adminRequest('/admin/connections?user_id=bob', { method: 'GET' });
    expect(await count.json()).toMatchObject({ count: 1 });
  }, 10_000);

  it('keeps a client offline during a refused-connections outage, then lets it back', async () => {
    const bob = await pool.connected('bob');
    const offline = nextEvent(bob, 'connection.changed', (event) => event.online === false, 9000);
    const response = await adminRequest('/admin/faults/refuse-connections', {
      body: { user_id: 'bob', duration_ms: 6500 },
    });
    expect(response.status).toBe(200);
    emulator.faults.dropSockets({ userId: 'bob', code: 1012 });
    pool.socketsDropped();

    await offline;
    expect(emulator.faults.connectionCount('bob')).toBe(0);
    await nextEvent(bob, 'connection.changed', (event) => event.online === true, 12_000);
    // Each refused attempt restarted the client's delayed offline timer: let the last one run out.
    pool.socketsDropped();
    expect(emulator.faults.connectionCount('bob')).toBe(1);
  }, 25_000);

  it('refuses /admin without a server token (code 5)', async () => {
    const response = await adminRequest('/admin/faults/drop-sockets', {
      body: {},
      token: emulator.createToken('alice'),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 5, StatusCode: 401 });
    expect((await adminRequest('/admin/state', { method: 'GET', token: '' })).status).toBe(401);
  });

  it('fails the next requests with 500 (code -1) or 429 (code 9), then serves again', async () => {
    const alice = await pool.connected('alice');
    emulator.faults.failNextRequests(2);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = (await rejectionOf(
        alice.queryUsers({ id: 'alice' }),
      )) as ErrorFromResponse<unknown>;
      expect(error.status).toBe(500);
      expect(error.code).toBe(-1);
    }
    expect((await alice.queryUsers({ id: 'alice' })).users).toHaveLength(1);
    const fail429 = await adminRequest('/admin/faults/fail-requests', {
      body: { count: 1, status: 429 },
    });
    expect(fail429.status).toBe(200);
    await expect(alice.queryUsers({ id: 'alice' })).rejects.toMatchObject({ status: 429, code: 9 });
  });

  it('delays the next requests', async () => {
    const alice = await pool.connected('alice');
    emulator.faults.delayNextRequests(1, 250);
    const startedAt = Date.now();
    await alice.queryUsers({ id: 'alice' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(240);
    const again = Date.now();
    await alice.queryUsers({ id: 'alice' });
    expect(Date.now() - again).toBeLessThan(200);
  });

  it('expires tokens: a provider is called again, even when it returns the same token', async () => {
    let calls = 0;
    const client = pool.client();
    await client.connectUser({ id: 'carol' }, async () => {
      calls++;
      return emulator.createToken('carol');
    });
    emulator.faults.expireTokens('carol');
    await client.queryUsers({ id: 'carol' });
    expect(calls).toBe(2);
    await client.queryUsers({ id: 'carol' });
    expect(calls).toBe(2);
  });

  it('expires tokens: a static token gets code 40', async () => {
    const client = pool.client();
    const token = emulator.createToken('dave', { issuedAt: Math.floor(Date.now() / 1000) - 10 });
    await client.connectUser({ id: 'dave' }, token);
    emulator.faults.expireTokens('dave');
    await expect(client.queryUsers({ id: 'dave' })).rejects.toMatchObject({
      code: 40,
      status: 401,
    });
  });

  it('revokes tokens: code 42 on HTTP and on connect', async () => {
    const client = pool.client();
    const token = emulator.createToken('erin');
    await client.connectUser({ id: 'erin' }, token);
    emulator.faults.revokeTokens('erin');
    await expect(client.queryUsers({ id: 'erin' })).rejects.toMatchObject({
      code: 42,
      status: 401,
    });
    await client.disconnectUser(0);
    const again = pool.client();
    const error = connectErrorOf(await rejectionOf(again.connectUser({ id: 'erin' }, token)));
    expect(error).toMatchObject({ code: 42, StatusCode: 401 });
    await pool
      .client()
      .connectUser(
        { id: 'erin' },
        emulator.createToken('erin', { issuedAt: Math.floor(Date.now() / 1000) + 1 }),
      );
  });

  it('counts connections and waits for a count', async () => {
    const alice = await pool.connected('alice');
    await pool.connected('alice');
    expect(emulator.faults.connectionCount('alice')).toBe(2);
    await alice.disconnectUser(0);
    await emulator.faults.waitForConnectionCount(1, { userId: 'alice' });
    await expect(emulator.faults.waitForConnectionCount(5, { timeoutMs: 50 })).rejects.toThrow(
      'expected 5 open sockets',
    );
    expect(() => emulator.faults.dropSockets({ code: 1005 })).toThrow('cannot be sent');
  });
});

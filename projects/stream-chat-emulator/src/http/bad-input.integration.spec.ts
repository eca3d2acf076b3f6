import jwt from 'jsonwebtoken';
import { RunningEmulator, startEmulator } from '..';

interface BadInputCase {
  name: string;
  method?: string;
  path: string;
  /** Raw body text (a value is JSON-encoded). */
  body?: string | Record<string, unknown>;
  /** Headers replacing the default ones; `null` removes a default header. */
  headers?: Record<string, string | null>;
  /** Query parameters replacing the default ones; `null` removes one. */
  query?: Record<string, string | null>;
  status: number;
  code: number;
}

describe('bad input never crashes the server', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, quiet: true });
  });
  afterAll(() => emulator.close());

  const send = (testCase: Omit<BadInputCase, 'status' | 'code' | 'name'>) => {
    const query = new URLSearchParams();
    const params: Record<string, string | null> = {
      api_key: emulator.apiKey,
      user_id: 'alice',
      ...testCase.query,
    };
    for (const [key, value] of Object.entries(params)) {
      if (value !== null) {
        query.set(key, value);
      }
    }
    const headers: Record<string, string> = {};
    const defaults: Record<string, string | null> = {
      Authorization: emulator.createToken('alice'),
      'stream-auth-type': 'jwt',
      'Content-Type': 'application/json',
      ...testCase.headers,
    };
    for (const [key, value] of Object.entries(defaults)) {
      if (value !== null) {
        headers[key] = value;
      }
    }
    const body =
      testCase.body === undefined || typeof testCase.body === 'string'
        ? testCase.body
        : JSON.stringify(testCase.body);
    return fetch(`${emulator.url}${testCase.path}?${query}`, {
      method: testCase.method ?? 'POST',
      headers,
      body,
    });
  };

  const anonymous = { Authorization: null, 'stream-auth-type': 'anonymous' };
  const cases: BadInputCase[] = [
    {
      name: 'malformed JSON',
      path: '/channels',
      body: '{"filter_conditions": {',
      status: 400,
      code: 4,
    },
    { name: 'a JSON array as body', path: '/channels', body: '[1, 2]', status: 400, code: 4 },
    { name: 'a JSON string as body', path: '/channels', body: '"channels"', status: 400, code: 4 },
    {
      name: 'filter_conditions of the wrong type',
      path: '/channels',
      body: { filter_conditions: 'all' },
      status: 400,
      code: 4,
    },
    {
      name: 'limit of the wrong type',
      path: '/channels',
      body: { filter_conditions: {}, limit: 'ten' },
      status: 400,
      code: 4,
    },
    {
      name: 'a sort direction that is not 1 or -1',
      path: '/channels',
      body: { sort: [{ field: 'created_at', direction: 2 }] },
      status: 400,
      code: 4,
    },
    {
      name: 'an unknown filter operator',
      path: '/channels',
      body: { filter_conditions: { id: { $regex: '.*' } } },
      status: 400,
      code: 4,
    },
    {
      name: '$in with a non-array',
      path: '/channels',
      body: { filter_conditions: { type: { $in: 'messaging' } } },
      status: 400,
      code: 4,
    },
    {
      name: 'an unknown endpoint',
      method: 'GET',
      path: '/no/such/endpoint',
      status: 404,
      code: 16,
    },
    {
      name: 'a known path with the wrong method',
      method: 'GET',
      path: '/channels',
      status: 405,
      code: 4,
    },
    {
      name: 'an unknown api_key',
      path: '/channels',
      body: {},
      query: { api_key: 'wrong-key' },
      status: 401,
      code: 2,
    },
    {
      name: 'no api_key',
      path: '/channels',
      body: {},
      query: { api_key: null },
      status: 401,
      code: 2,
    },
    {
      name: 'no Authorization header',
      path: '/channels',
      body: {},
      headers: { Authorization: null },
      status: 401,
      code: 5,
    },
    {
      name: 'no stream-auth-type header',
      path: '/channels',
      body: {},
      headers: { 'stream-auth-type': null },
      status: 401,
      code: 5,
    },
    {
      name: 'a token that is not a JWT',
      path: '/channels',
      body: {},
      headers: { Authorization: 'garbage' },
      status: 401,
      code: 5,
    },
    {
      name: 'a token signed with another secret',
      path: '/channels',
      body: {},
      headers: { Authorization: jwt.sign({ user_id: 'alice' }, 'wrong-secret') },
      status: 401,
      code: 43,
    },
    {
      name: 'an expired token',
      path: '/channels',
      body: {},
      headers: { Authorization: 'EXPIRED' },
      status: 401,
      code: 40,
    },
    {
      name: 'a user_id query that does not match the token',
      path: '/channels',
      body: {},
      query: { user_id: 'bob' },
      status: 401,
      code: 5,
    },
    {
      name: 'a channel id outside the id pattern',
      path: '/channels/messaging/bad%20id/query',
      body: {},
      status: 400,
      code: 4,
    },
    {
      name: 'a channel type outside the type pattern',
      path: '/channels/bad.type/general/query',
      body: {},
      status: 400,
      code: 4,
    },
    {
      name: 'an unknown channel type',
      path: '/channels/unknown/general/query',
      body: {},
      status: 404,
      code: 16,
    },
    {
      name: 'invalid URI encoding in the path',
      path: '/channels/messaging/%E0%A4%A/query',
      body: {},
      status: 400,
      code: 4,
    },
    {
      name: 'a body over 1 MiB',
      path: '/channels/messaging/general/message',
      body: JSON.stringify({ message: { text: 'x'.repeat(1024 * 1024 + 10) } }),
      status: 413,
      code: 22,
    },
    {
      name: 'message that is not an object',
      path: '/channels/messaging/general/message',
      body: { message: 'hi' },
      status: 400,
      code: 4,
    },
    {
      name: 'a message id outside the id pattern',
      path: '/channels/messaging/general/message',
      body: { message: { id: 'a b', text: 'x' } },
      status: 400,
      code: 4,
    },
    {
      name: 'message text of the wrong type',
      path: '/channels/messaging/general/message',
      body: { message: { text: 42 } },
      status: 400,
      code: 4,
    },
    {
      name: 'an empty message',
      path: '/channels/messaging/general/message',
      body: { message: { text: '  ' } },
      status: 400,
      code: 4,
    },
    {
      name: 'a message over 5000 characters',
      path: '/channels/messaging/general/message',
      body: { message: { text: 'y'.repeat(5001) } },
      status: 400,
      code: 4,
    },
    {
      name: 'a message to a channel that does not exist',
      path: '/channels/messaging/nowhere/message',
      body: { message: { text: 'x' } },
      status: 404,
      code: 16,
    },
    {
      name: 'a parent_id that does not exist',
      path: '/channels/messaging/general/message',
      body: { message: { text: 'x', parent_id: 'nope' } },
      status: 400,
      code: 4,
    },
    {
      name: 'members of the wrong type',
      path: '/channels/messaging/brand-new/query',
      body: { data: { members: [1, 2] } },
      status: 400,
      code: 4,
    },
    {
      name: 'a users payload that is not JSON',
      method: 'GET',
      path: '/users',
      query: { payload: '{oops' },
      status: 400,
      code: 4,
    },
    {
      name: 'PATCH /users without an array',
      method: 'PATCH',
      path: '/users',
      body: { users: { id: 'alice' } },
      status: 400,
      code: 4,
    },
    {
      name: 'a user updating someone else',
      path: '/users',
      body: { users: { bob: { id: 'bob', name: 'Hacked' } } },
      status: 403,
      code: 17,
    },
    {
      name: 'a user changing their own role',
      path: '/users',
      body: { users: { alice: { id: 'alice', role: 'admin' } } },
      status: 403,
      code: 17,
    },
    {
      name: 'an event without a type',
      path: '/channels/messaging/general/event',
      body: { event: {} },
      status: 400,
      code: 4,
    },
    {
      name: 'a client sending a server event type',
      path: '/channels/messaging/general/event',
      body: { event: { type: 'message.new' } },
      status: 400,
      code: 18,
    },
    {
      name: 'typing as an anonymous user',
      path: '/channels/livestream/town-square/event',
      body: { event: { type: 'typing.start' } },
      headers: anonymous,
      query: { user_id: null },
      status: 403,
      code: 17,
    },
    {
      name: 'mark read as an anonymous user',
      path: '/channels/livestream/town-square/read',
      body: {},
      headers: anonymous,
      query: { user_id: null },
      status: 403,
      code: 17,
    },
    {
      name: 'a guest with an invalid id',
      path: '/guest',
      body: { user: { id: 'no spaces please' } },
      headers: anonymous,
      query: { user_id: null },
      status: 400,
      code: 4,
    },
  ];

  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('answers $name with HTTP $status and code $code', async (testCase) => {
    const headers = { ...testCase.headers };
    if (headers['Authorization'] === 'EXPIRED') {
      headers['Authorization'] = emulator.createToken('alice', { expiresInSeconds: -1 });
    }
    const response = await send({ ...testCase, headers });
    expect(response.status).toBe(testCase.status);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      code: testCase.code,
      StatusCode: testCase.status,
      message: expect.any(String),
      duration: expect.stringMatching(/ms$/),
      more_info: expect.stringContaining('https://'),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const healthy = await send({
      path: '/channels',
      body: { filter_conditions: { id: 'general' } },
    });
    expect(healthy.status).toBe(200);
    expect(((await healthy.json()) as { channels: unknown[] }).channels).toHaveLength(1);
  });

  it('answers a CORS preflight with the headers the client sends', async () => {
    const response = await fetch(`${emulator.url}/channels`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4200',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization,stream-auth-type,x-stream-client,x-client-request-id,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'x-client-request-id',
    );
  });
});

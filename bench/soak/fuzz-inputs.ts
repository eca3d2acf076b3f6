import { SeededRandom } from './seeded-random';

/** An HTTP request to send as it is: method, path with query, headers, raw body. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Endpoints the client uses (the `/admin` fault endpoints are left out on purpose). */
const ENDPOINTS: readonly [string, string][] = [
  ['POST', '/channels'],
  ['POST', '/channels/messaging/fuzz/query'],
  ['POST', '/channels/messaging/query'],
  ['POST', '/channels/messaging/fuzz/message'],
  ['POST', '/channels/messaging/fuzz'],
  ['PATCH', '/channels/messaging/fuzz'],
  ['POST', '/channels/messaging/fuzz/read'],
  ['POST', '/channels/messaging/fuzz/unread'],
  ['POST', '/channels/messaging/fuzz/event'],
  ['POST', '/channels/messaging/fuzz/stop-watching'],
  ['POST', '/channels/read'],
  ['GET', '/messages/fuzz-message'],
  ['POST', '/messages/fuzz-message'],
  ['PUT', '/messages/fuzz-message'],
  ['GET', '/messages/fuzz-message/replies'],
  ['GET', '/users'],
  ['POST', '/users'],
  ['PATCH', '/users'],
  ['POST', '/guest'],
  ['GET', '/members'],
  ['GET', '/unread'],
  ['GET', '/app'],
  ['DELETE', '/channels/messaging/fuzz'],
  ['POST', '/channels/%E0%A4%A/query'],
  ['GET', '/../../etc/passwd'],
  ['OPTIONS', '/channels'],
];

const STRANGE_VALUES: readonly unknown[] = [
  null,
  true,
  -1,
  1e308,
  -0,
  '',
  'x'.repeat(6000),
  '\u0000\uffff\ud800',
  [],
  {},
  [[[[[]]]]],
  { $in: null },
  { $or: 'x' },
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
];

const FIELD_NAMES = [
  'message',
  'text',
  'id',
  'filter_conditions',
  'sort',
  'limit',
  'offset',
  'data',
  'members',
  'add_members',
  'user',
  'users',
  'set',
  'unset',
  'event',
  'type',
  'parent_id',
  'messages',
  'watch',
  'presence',
  'state',
  'payload',
  'message_id',
];

/** JSON nested `depth` levels deep, as arrays or objects. */
function deepJson(depth: number, asArray: boolean): string {
  return asArray
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A JSON object of known field names with strange values. */
function strangeObject(random: SeededRandom): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const fields = 1 + random.below(4);
  for (let i = 0; i < fields; i++) {
    const value = random.pick(STRANGE_VALUES);
    object[random.pick(FIELD_NAMES)] =
      random.below(3) === 0 ? { [random.pick(FIELD_NAMES)]: value } : value;
  }
  return object;
}

/** A malformed body: broken or deep JSON, wrong types, bytes that are not UTF-8, or too large. */
export function malformedBody(random: SeededRandom): Buffer | string {
  const valid = JSON.stringify(strangeObject(random));
  switch (random.below(10)) {
    case 0:
      return valid.slice(0, random.below(valid.length));
    case 1:
      return random.bytes(1 + random.below(300));
    case 2:
      return deepJson(100 + random.below(20_000), random.below(2) === 0);
    case 3:
      return JSON.stringify(random.pick(STRANGE_VALUES));
    case 4:
      // Over the 1 MiB limit now and then, just under it otherwise.
      return `{"message":{"text":"${'x'.repeat(random.below(4) === 0 ? 1_100_000 : 900_000)}"}}`;
    case 5:
      return valid.replace(/:/g, random.pick(['::', ':,', '']));
    case 6:
      return '';
    case 7:
      return `{"message":${valid},"message":${valid}}`;
    default:
      return valid;
  }
}

/** A malformed HTTP request to one of the client's endpoints. */
export function malformedRequest(
  random: SeededRandom,
  apiKey: string,
  userId: string,
  token: string,
): FuzzRequest {
  const [method, path] = random.pick(ENDPOINTS);
  const query = new URLSearchParams();
  if (random.below(8) !== 0) query.set('api_key', random.below(10) === 0 ? 'wrong-key' : apiKey);
  if (random.below(3) !== 0) query.set('user_id', random.below(10) === 0 ? 'someone-else' : userId);
  if (random.below(4) === 0) query.set('payload', malformedBody(random).toString().slice(0, 2000));
  if (random.below(6) === 0) query.set('connection_id', random.bytes(8).toString('hex'));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = random.below(10);
  if (auth < 7) {
    headers['authorization'] = token;
    headers['stream-auth-type'] = 'jwt';
  } else if (auth === 7) {
    headers['authorization'] = `${token.slice(0, -4)}AAAA`;
    headers['stream-auth-type'] = 'jwt';
  } else if (auth === 8) {
    headers['stream-auth-type'] = random.pick(['anonymous', 'bogus', '']);
  }
  return { method, path: `${path}?${query}`, headers, body: malformedBody(random) };
}

/** A frame a client could send on its socket: junk text, binary, arrays, pings with junk. */
export function malformedFrame(random: SeededRandom): { data: Buffer | string; binary: boolean } {
  switch (random.below(7)) {
    case 0:
      return { data: random.bytes(1 + random.below(500)), binary: true };
    case 1:
      return { data: random.bytes(1 + random.below(200)).toString('latin1'), binary: false };
    case 2:
      return { data: deepJson(100 + random.below(20_000), true), binary: false };
    case 3:
      return {
        data: JSON.stringify([{ type: 'health.check', client_id: random.pick(STRANGE_VALUES) }]),
        binary: false,
      };
    case 4:
      return { data: JSON.stringify(strangeObject(random)), binary: false };
    case 5:
      return { data: random.below(20) === 0 ? 'x'.repeat(1_100_000) : '[', binary: false };
    default:
      return { data: JSON.stringify(random.pick(STRANGE_VALUES)), binary: false };
  }
}

/** A malformed `/connect` query: bad `json`, wrong or missing auth. */
export function malformedConnectQuery(
  random: SeededRandom,
  apiKey: string,
  userId: string,
  token: string,
): string {
  const query = new URLSearchParams();
  const json = random.below(4);
  if (json === 0) query.set('json', malformedBody(random).toString().slice(0, 4000));
  else if (json === 1) query.set('json', JSON.stringify({ user_id: random.pick(STRANGE_VALUES) }));
  else if (json === 2) query.set('json', JSON.stringify({ user_id: 'someone-else' }));
  if (random.below(5) !== 0) query.set('api_key', apiKey);
  if (random.below(2) === 0) query.set('authorization', random.below(2) ? token : 'not.a.token');
  query.set('stream-auth-type', random.pick(['jwt', 'anonymous', 'x']));
  query.set('json', query.get('json') ?? JSON.stringify({ user_id: userId }));
  return query.toString();
}

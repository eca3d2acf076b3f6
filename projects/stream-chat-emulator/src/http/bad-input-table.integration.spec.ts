import { RunningEmulator } from '..';
import { emulatorForSpecFile } from '../../test/client-harness';
import {
  RawRequest,
  comparableState,
  connectQuery,
  rawSocketExchange,
  sendRaw,
} from '../../test/raw-requests';

/**
 * One bad REST request and the refusal it must get: HTTP status, Stream error code and a
 * phrase of the message that says what was wrong. Rows without `code` are requests that
 * look hostile but are valid (prototype-named sort fields): they must answer 200.
 */
interface HttpRow {
  name: string;
  request: RawRequest;
  status: number;
  code?: number;
  says?: string;
}

/** How a row's expected answer reads in its test name. */
function answerOf(row: HttpRow): string {
  return row.code === undefined
    ? `HTTP ${row.status}, state unchanged`
    : `HTTP ${row.status}, code ${row.code}`;
}

/** `{"x":{"x":…1…}}` nested `levels` deep. */
function nested(levels: number): string {
  return `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

const BOUNDARY = 'bad-input-boundary';
const MULTIPART = { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` };

/** A multipart body of the given parts (a part with `filename` is a file part). */
function multipart(
  parts: Array<{ name: string; filename?: string; type?: string; content: string }>,
): string {
  const sections = parts.map(
    (part) =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"` +
      `${part.filename ? `; filename="${part.filename}"\r\nContent-Type: ${part.type ?? 'text/plain'}` : ''}` +
      `\r\n\r\n${part.content}\r\n`,
  );
  return `${sections.join('')}--${BOUNDARY}--\r\n`;
}

const BIG = 'x'.repeat(6000);
const TEXT_FILE = { name: 'file', filename: 'notes.txt', content: 'hello' };

/** GET with a URL-encoded JSON `payload`, as `queryUsers`, `queryMembers` and `search` send it. */
function payloadGet(path: string, payload: unknown, as: RawRequest['as'] = 'alice'): RawRequest {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return { method: 'GET', path, as, query: { payload: text } };
}

const httpRows: HttpRow[] = [
  // Bodies that are not a JSON object, too big or too deep.
  {
    name: 'a JSON number as body',
    request: { path: '/channels', body: '42' },
    status: 400,
    code: 4,
    says: 'must be a JSON object',
  },
  {
    name: 'JSON null as body',
    request: { path: '/channels/messaging/general/message', body: 'null' },
    status: 400,
    code: 4,
    says: 'must be a JSON object',
  },
  {
    name: 'JSON true as a PATCH /users body',
    request: { method: 'PATCH', path: '/users', body: 'true' },
    status: 400,
    code: 4,
    says: 'must be a JSON object',
  },
  {
    name: 'a form-encoded body on SendMessage',
    request: {
      path: '/channels/messaging/general/message',
      body: 'message[text]=hi',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    },
    status: 400,
    code: 4,
    says: 'not valid JSON',
  },
  {
    name: 'a body over 1 MiB on UpdateUsersPartial',
    request: {
      method: 'PATCH',
      path: '/users',
      body: JSON.stringify({ users: [{ id: 'alice', set: { bio: 'z'.repeat(1024 * 1024) } }] }),
    },
    status: 413,
    code: 22,
    says: 'larger than the limit',
  },
  {
    name: 'a body nested 65 levels deep',
    request: { path: '/channels', body: nested(65) },
    status: 400,
    code: 4,
    says: 'nests deeper than 64 levels',
  },
  {
    name: 'a message with a __proto__ field',
    request: {
      path: '/channels/messaging/general/message',
      body: '{"message":{"id":"proto-1","text":"hi","__proto__":{"role":"admin"}}}',
    },
    status: 400,
    code: 4,
    says: '__proto__',
  },
  {
    name: 'a user update setting __proto__',
    request: {
      method: 'PATCH',
      path: '/users',
      body: '{"users":[{"id":"alice","set":{"__proto__":{"role":"admin"}}}]}',
    },
    status: 400,
    code: 4,
    says: '__proto__',
  },
  {
    name: 'a new channel whose data has __proto__',
    request: {
      path: '/channels/messaging/proto-room/query',
      body: '{"data":{"__proto__":{"frozen":true}}}',
    },
    status: 400,
    code: 4,
    says: '__proto__',
  },

  // Wrong field types and missing fields on the core routes.
  {
    name: 'SendMessage without message',
    request: { path: '/channels/messaging/general/message', body: {} },
    status: 400,
    code: 4,
    says: 'message is a required field',
  },
  {
    name: 'SendMessage with attachments that are not an array',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { text: 'hi', attachments: 'photo.png' } },
    },
    status: 400,
    code: 4,
    says: 'attachments must be an array',
  },
  {
    name: 'SendMessage with mentioned_users of numbers',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { text: 'hi', mentioned_users: [1, 2] } },
    },
    status: 400,
    code: 4,
    says: 'mentioned_users',
  },
  {
    name: 'SendMessage with a numeric parent_id',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { text: 'hi', parent_id: 5 } },
    },
    status: 400,
    code: 4,
    says: 'parent_id must be a string',
  },
  {
    name: 'SendMessage with silent as a string',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { text: 'hi', silent: 'yes' } },
    },
    status: 400,
    code: 4,
    says: 'silent must be a boolean',
  },
  {
    name: 'SendMessage with a reserved message type',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { text: 'hi', type: 'error' } },
    },
    status: 400,
    code: 4,
    says: 'reserved',
  },
  {
    name: 'UpdateMessage without message',
    request: { path: '/messages/general-1', body: { text: 'edited' } },
    status: 400,
    code: 4,
    says: 'message is a required field',
  },
  {
    name: 'UpdateMessage with text over 5000 characters',
    request: { path: '/messages/general-1', body: { message: { text: 'y'.repeat(5001) } } },
    status: 400,
    code: 4,
    says: 'too long',
  },
  {
    name: 'UpdateMessagePartial with set as an array',
    request: { method: 'PUT', path: '/messages/general-1', body: { set: ['text'] } },
    status: 400,
    code: 4,
    says: 'set must be an object',
  },
  {
    name: 'UpdateMessagePartial with unset as a string',
    request: { method: 'PUT', path: '/messages/general-1', body: { unset: 'text' } },
    status: 400,
    code: 4,
    says: 'unset must be an array',
  },
  {
    name: 'UpdateMessagePartial with a numeric text',
    request: { method: 'PUT', path: '/messages/general-1', body: { set: { text: 5 } } },
    status: 400,
    code: 4,
    says: 'set.text must be a string',
  },
  {
    name: 'UpdateChannelPartial with neither set nor unset',
    request: { method: 'PATCH', path: '/channels/messaging/general', body: {} },
    status: 400,
    code: 4,
    says: 'set or unset is required',
  },
  {
    name: 'UpdateChannelPartial with set as a string',
    request: { method: 'PATCH', path: '/channels/messaging/general', body: { set: 'name' } },
    status: 400,
    code: 4,
    says: 'set must be an object',
  },
  {
    name: 'UpdateChannel with add_members as a string',
    request: { path: '/channels/messaging/general', body: { add_members: 'bob' } },
    status: 400,
    code: 4,
    says: 'add_members must be an array',
  },
  {
    name: 'UpdateChannel adding a user who does not exist',
    request: { path: '/channels/messaging/general', body: { add_members: ['ghost'] } },
    status: 400,
    code: 4,
    says: "don't exist: ghost",
  },
  {
    name: 'UpdateChannel with remove_members of numbers',
    request: { path: '/channels/messaging/general', body: { remove_members: [1] } },
    status: 400,
    code: 4,
    says: 'remove_members must be an array of strings',
  },
  {
    name: 'GetOrCreateChannel with data as a string',
    request: { path: '/channels/messaging/new-room/query', body: { data: 'room' } },
    status: 400,
    code: 4,
    says: 'data must be an object',
  },
  {
    name: 'creating a channel with a members limit that is not a number',
    request: {
      path: '/channels/messaging/new-room/query',
      body: { data: { members: ['alice'] }, members: { limit: 'all' } },
    },
    status: 400,
    code: 4,
    says: 'limit must be a whole number',
  },
  {
    name: 'creating a channel with a negative watchers limit',
    request: {
      path: '/channels/messaging/new-room/query',
      body: { watchers: { limit: -1 } },
    },
    status: 400,
    code: 4,
    says: 'limit must be a whole number',
  },
  {
    name: 'a distinct channel with an empty member list',
    request: { path: '/channels/messaging/query', body: { data: { members: [] } } },
    status: 400,
    code: 4,
    says: 'at least one member',
  },

  // Ids: empty, too long, bad characters, reserved, unicode, broken %-encoding.
  {
    name: 'a message id that is empty',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { id: '', text: 'hi' } },
    },
    status: 400,
    code: 4,
    says: 'message.id "" is not valid',
  },
  {
    name: 'a message id of 256 characters',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { id: 'm'.repeat(256), text: 'hi' } },
    },
    status: 400,
    code: 4,
    says: 'is not valid',
  },
  {
    name: 'a message id with accented letters',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { id: 'héllo', text: 'hi' } },
    },
    status: 400,
    code: 4,
    says: 'is not valid',
  },
  {
    name: 'a channel id of 65 characters',
    request: { path: `/channels/messaging/${'c'.repeat(65)}/query`, body: {} },
    status: 400,
    code: 4,
    says: 'is not valid',
  },
  {
    name: 'a channel id in unicode',
    request: { path: '/channels/messaging/%C3%A9t%C3%A9/query', body: {} },
    status: 400,
    code: 4,
    says: 'is not valid',
  },
  {
    name: 'a channel id holding an encoded slash',
    request: { path: '/channels/messaging/general%2Fx/query', body: {} },
    status: 400,
    code: 4,
    says: 'is not valid',
  },
  {
    name: 'a message id path segment with a broken %-escape',
    request: { method: 'GET', path: '/messages/%ZZ' },
    status: 400,
    code: 4,
    says: 'not valid URI encoding',
  },
  {
    name: 'a thread id path segment with a truncated UTF-8 escape',
    request: { method: 'GET', path: '/threads/%E0%A4%A' },
    status: 400,
    code: 4,
    says: 'not valid URI encoding',
  },
  {
    name: 'a message that does not exist',
    request: { method: 'DELETE', path: '/messages/no-such-message' },
    status: 404,
    code: 16,
    says: 'does not exist',
  },
  {
    name: 'the server creating the user !anon',
    request: { path: '/users', as: 'server', body: { users: { '!anon': { id: '!anon' } } } },
    status: 400,
    code: 4,
    says: 'user id "!anon" is not valid',
  },
  {
    name: 'the server creating a user with a 256-character id',
    request: {
      path: '/users',
      as: 'server',
      body: { users: { long: { id: 'u'.repeat(256) } } },
    },
    status: 400,
    code: 4,
    says: 'is not valid',
  },
  {
    name: 'the server creating a user with a unicode id',
    request: { path: '/users', as: 'server', body: { users: { x: { id: 'zoë' } } } },
    status: 400,
    code: 4,
    says: 'is not valid',
  },
  {
    name: 'banning !anon',
    request: { path: '/moderation/ban', as: 'server', body: { target_user_id: '!anon' } },
    status: 400,
    code: 4,
    says: 'not a valid user id',
  },
  {
    name: 'muting an empty user id',
    request: { path: '/moderation/mute', body: { target_id: '' } },
    status: 400,
    code: 4,
    says: 'not a valid user id',
  },

  // Custom data sizes.
  {
    name: 'a user replacing themselves with custom data over 5 KB',
    request: { path: '/users', body: { users: { alice: { id: 'alice', bio: BIG } } } },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },
  {
    name: 'a new message with custom data over 5 KB',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { id: 'big-custom', text: 'hi', note: BIG } },
    },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },
  {
    name: 'a message edit with custom data over 5 KB',
    request: { path: '/messages/general-1', body: { message: { text: 'edited', note: BIG } } },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },
  {
    name: 'a partial message update with custom data over 5 KB',
    request: { method: 'PUT', path: '/messages/general-1', body: { set: { note: BIG } } },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },
  {
    name: 'a new channel with custom data over 5 KB',
    request: { path: '/channels/messaging/big-room/query', body: { data: { blob: BIG } } },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },
  {
    name: 'a full channel update with custom data over 5 KB',
    request: { path: '/channels/messaging/general', body: { data: { blob: BIG } } },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },
  {
    name: 'a reaction with custom data over 1 KB',
    request: {
      path: '/messages/general-1/reaction',
      body: { reaction: { type: 'like', note: 'r'.repeat(1100) } },
    },
    status: 400,
    code: 4,
    says: 'at most 1024',
  },
  {
    name: 'a member update with custom data over 5 KB',
    request: {
      method: 'PATCH',
      path: '/channels/messaging/general/member',
      body: { set: { notes: BIG } },
    },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },
  {
    name: 'a thread update with custom data over 5 KB',
    request: { method: 'PATCH', path: '/threads/general-1', body: { set: { notes: BIG } } },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },

  // Prototype-named keys in filters, operators and sorts.
  {
    name: 'a channel filter comparing id to an object {toString}',
    request: { path: '/channels', body: { filter_conditions: { id: { toString: 1 } } } },
    status: 200,
  },
  {
    name: 'an operator named constructor beside $eq in a user filter',
    request: payloadGet('/users', {
      filter_conditions: { id: { $eq: 'alice', constructor: 'alice' } },
    }),
    status: 400,
    code: 4,
    says: 'unknown operator constructor',
  },
  {
    name: 'a queryBannedUsers payload holding __proto__',
    request: payloadGet('/query_banned_users', '{"filter_conditions":{"__proto__":{"x":1}}}'),
    status: 400,
    code: 4,
    says: '__proto__',
  },
  {
    name: 'a pinned-messages payload nested 65 levels deep',
    request: payloadGet('/channels/messaging/general/pinned_messages', nested(65)),
    status: 400,
    code: 4,
    says: 'nests deeper than 64 levels',
  },
  {
    name: 'a replies sort holding __proto__',
    request: {
      method: 'GET',
      path: '/messages/general-1/replies',
      query: { sort: '[{"field":"id","__proto__":{"direction":-1}}]' },
    },
    status: 400,
    code: 4,
    says: '__proto__',
  },
  {
    name: 'a member update unsetting a field named toString',
    request: {
      method: 'PATCH',
      path: '/channels/messaging/general/member',
      body: { unset: ['toString'] },
    },
    status: 200,
  },
  {
    name: 'a reaction of type __proto__',
    request: { path: '/messages/general-1/reaction', body: { reaction: { type: '__proto__' } } },
    status: 400,
    code: 4,
    says: '__proto__',
  },
  {
    name: 'a search filter on a field named constructor',
    request: payloadGet('/search', {
      filter_conditions: { cid: 'messaging:general' },
      message_filter_conditions: { constructor: 'x' },
    }),
    status: 200,
  },
  {
    name: 'a search payload holding __proto__',
    request: payloadGet(
      '/search',
      '{"filter_conditions":{"cid":"messaging:general"},"query":"hi","__proto__":{"limit":5}}',
    ),
    status: 400,
    code: 4,
    says: '__proto__',
  },
  {
    name: 'a member filter on a field named toString',
    request: payloadGet('/members', {
      type: 'messaging',
      id: 'general',
      filter_conditions: { toString: 'x' },
    }),
    status: 200,
  },
  {
    name: 'channels sorted by constructor',
    request: { path: '/channels', body: { sort: [{ field: 'constructor', direction: 1 }] } },
    status: 200,
  },
  {
    name: 'users sorted by toString',
    request: payloadGet('/users', { sort: [{ field: 'toString', direction: -1 }] }),
    status: 200,
  },
  {
    name: 'reactions sorted by constructor',
    request: {
      path: '/messages/general-1/reactions',
      body: { sort: [{ field: 'constructor', direction: 1 }] },
    },
    status: 200,
  },
  {
    name: 'threads sorted by __proto__',
    request: { path: '/threads', body: { sort: [{ field: '__proto__', direction: 1 }] } },
    status: 400,
    code: 4,
    says: 'threads cannot be sorted by __proto__',
  },

  // Limits, offsets and sorts out of range.
  {
    name: 'queryChannels with a negative limit',
    request: { path: '/channels', body: { limit: -1 } },
    status: 400,
    code: 4,
    says: 'limit must be a whole number',
  },
  {
    name: 'queryChannels with a fractional limit',
    request: { path: '/channels', body: { limit: 1.5 } },
    status: 400,
    code: 4,
    says: 'limit must be a whole number',
  },
  {
    name: 'queryChannels with an offset of 10^12',
    request: { path: '/channels', body: { offset: 1e12 } },
    status: 400,
    code: 4,
    says: 'offset must be a whole number',
  },
  {
    name: 'queryChannels with a sort that is a string',
    request: { path: '/channels', body: { sort: 'created_at' } },
    status: 400,
    code: 4,
    says: 'sort must be a list',
  },
  {
    name: 'queryUsers with a limit over 100',
    request: payloadGet('/users', { limit: 101 }),
    status: 400,
    code: 4,
    says: 'limit must be a whole number',
  },
  {
    name: 'queryMembers with a negative offset',
    request: payloadGet('/members', { type: 'messaging', id: 'general', offset: -3 }),
    status: 400,
    code: 4,
    says: 'offset must be a whole number',
  },
  {
    name: 'a channel query asking 301 messages',
    request: { path: '/channels/messaging/general/query', body: { messages: { limit: 301 } } },
    status: 400,
    code: 4,
    says: 'limit must be a whole number',
  },
  {
    name: 'replies with a negative limit',
    request: { method: 'GET', path: '/messages/general-1/replies', query: { limit: '-1' } },
    status: 400,
    code: 4,
    says: 'limit',
  },
  {
    name: 'reactions with a limit that is not a number',
    request: { method: 'GET', path: '/messages/general-1/reactions', query: { limit: 'ten' } },
    status: 400,
    code: 4,
    says: 'limit must be a whole number',
  },
  {
    name: 'a sort direction of 0',
    request: payloadGet('/users', { sort: [{ field: 'id', direction: 0 }] }),
    status: 400,
    code: 4,
    says: 'must be 1 or -1',
  },

  // Multipart uploads.
  {
    name: 'an upload whose Content-Type has no boundary',
    request: {
      path: '/channels/messaging/general/file',
      body: multipart([TEXT_FILE]),
      headers: { 'Content-Type': 'multipart/form-data' },
    },
    status: 400,
    code: 4,
    says: 'multipart/form-data',
  },
  {
    name: 'an upload whose file is a plain field',
    request: {
      path: '/channels/messaging/general/file',
      body: multipart([{ name: 'file', content: 'hello' }]),
      headers: MULTIPART,
    },
    status: 400,
    code: 4,
    says: 'must be a file part',
  },
  {
    name: 'an upload whose user field is a JSON array',
    request: {
      path: '/channels/messaging/general/file',
      body: multipart([TEXT_FILE, { name: 'user', content: '[1]' }]),
      headers: MULTIPART,
    },
    status: 400,
    code: 4,
    says: 'must be a JSON object',
  },
  {
    name: 'a user uploading in the name of another user',
    request: {
      path: '/channels/messaging/general/file',
      body: multipart([TEXT_FILE, { name: 'user', content: '{"id":"bob"}' }]),
      headers: MULTIPART,
    },
    status: 403,
    code: 17,
    says: "on behalf of 'bob'",
  },
  {
    name: 'the server uploading in the name of an invalid user id',
    request: {
      as: 'server',
      path: '/channels/messaging/general/file',
      body: multipart([TEXT_FILE, { name: 'user', content: '{"id":"a b"}' }]),
      headers: MULTIPART,
    },
    status: 400,
    code: 4,
    says: 'does not exist',
  },
  {
    name: 'an upload to a channel that does not exist',
    request: {
      path: '/channels/messaging/nowhere/file',
      body: multipart([TEXT_FILE]),
      headers: MULTIPART,
    },
    status: 404,
    code: 16,
    says: 'does not exist',
  },
  {
    name: 'an image upload named with a prototype extension (.constructor)',
    request: {
      path: '/channels/messaging/general/image',
      body: multipart([
        {
          name: 'file',
          filename: 'evil.constructor',
          type: 'application/octet-stream',
          content: 'x',
        },
      ]),
      headers: MULTIPART,
    },
    status: 400,
    code: 4,
    says: 'images only, not application/octet-stream',
  },
  {
    name: 'an upload whose user field holds __proto__',
    request: {
      as: 'server',
      path: '/channels/messaging/general/file',
      body: multipart([TEXT_FILE, { name: 'user', content: '{"__proto__":{"id":"alice"}}' }]),
      headers: MULTIPART,
    },
    status: 400,
    code: 4,
    says: '__proto__',
  },
  {
    name: 'an upload with eleven fields',
    request: {
      path: '/channels/messaging/general/file',
      body: multipart([
        TEXT_FILE,
        ...Array.from({ length: 11 }, () => ({ name: 'upload_sizes', content: '1' })),
      ]),
      headers: MULTIPART,
    },
    status: 400,
    code: 4,
    says: 'at most 10 fields',
  },
  {
    name: 'a /mute command carrying custom data over 5 KB',
    request: {
      path: '/channels/messaging/general/message',
      body: { message: { text: '/mute @bob', note: BIG } },
    },
    status: 400,
    code: 4,
    says: 'the limit is 5120 bytes',
  },
  {
    name: 'deleting an upload without url',
    request: { method: 'DELETE', path: '/channels/messaging/general/file' },
    status: 400,
    code: 4,
    says: 'url query parameter is required',
  },

  // Feature routes.
  {
    name: 'a reaction with an empty type',
    request: { path: '/messages/general-1/reaction', body: { reaction: { type: ' ' } } },
    status: 400,
    code: 4,
    says: 'reaction.type must be a non-empty string',
  },
  {
    name: 'a reaction type of 65 characters',
    request: {
      path: '/messages/general-1/reaction',
      body: { reaction: { type: 't'.repeat(65) } },
    },
    status: 400,
    code: 4,
    says: 'at most 64 characters',
  },
  {
    name: 'a reaction score of 0',
    request: {
      path: '/messages/general-1/reaction',
      body: { reaction: { type: 'like', score: 0 } },
    },
    status: 400,
    code: 4,
    says: 'score must be a whole number',
  },
  {
    name: 'a reaction score over 2^31-1',
    request: {
      path: '/messages/general-1/reaction',
      body: { reaction: { type: 'like', score: 2 ** 31 } },
    },
    status: 400,
    code: 4,
    says: 'score must be a whole number',
  },
  {
    name: 'a reaction to a message that does not exist',
    request: { path: '/messages/no-such-message/reaction', body: { reaction: { type: 'like' } } },
    status: 404,
    code: 16,
    says: 'does not exist',
  },
  {
    name: 'a pin with pinned as a string',
    request: { method: 'PUT', path: '/messages/general-1', body: { set: { pinned: 'yes' } } },
    status: 400,
    code: 4,
    says: 'pinned must be a boolean',
  },
  {
    name: 'a pin expiring at a date that is not a date',
    request: {
      method: 'PUT',
      path: '/messages/general-1',
      body: { set: { pinned: true, pin_expires: 'tomorrow' } },
    },
    status: 400,
    code: 4,
    says: 'pin_expires must be an ISO-8601 date',
  },
  {
    name: 'a pin expiring in the past',
    request: {
      method: 'PUT',
      path: '/messages/general-1',
      body: { set: { pinned: true, pin_expires: '2001-01-01T00:00:00Z' } },
    },
    status: 400,
    code: 4,
    says: 'is not in the future',
  },
  {
    name: 'a ban timeout of 0 minutes',
    request: {
      path: '/moderation/ban',
      as: 'server',
      body: { target_user_id: 'bob', timeout: 0, banned_by_id: 'alice' },
    },
    status: 400,
    code: 4,
    says: 'timeout must be a whole number',
  },
  {
    name: 'a ban timeout given as text',
    request: {
      path: '/moderation/ban',
      as: 'server',
      body: { target_user_id: 'bob', timeout: '60', banned_by_id: 'alice' },
    },
    status: 400,
    code: 4,
    says: 'timeout must be a whole number',
  },
  {
    name: 'a channel ban naming a type without an id',
    request: {
      path: '/moderation/ban',
      as: 'server',
      body: { target_user_id: 'bob', type: 'messaging', banned_by_id: 'alice' },
    },
    status: 400,
    code: 4,
    says: 'needs both type and id',
  },
  {
    name: 'an unban without target_user_id',
    request: { method: 'DELETE', path: '/moderation/ban', as: 'server' },
    status: 400,
    code: 4,
    says: 'target_user_id is a required field',
  },
  {
    name: 'a user mute with a fractional timeout',
    request: { path: '/moderation/mute', body: { target_id: 'bob', timeout: 1.5 } },
    status: 400,
    code: 4,
    says: 'timeout must be a whole number',
  },
  {
    name: 'a user mute with target_ids as a string',
    request: { path: '/moderation/mute', body: { target_ids: 'bob' } },
    status: 400,
    code: 4,
    says: 'target_ids must be an array',
  },
  {
    name: 'a channel mute with a negative expiration',
    request: {
      path: '/moderation/mute/channel',
      body: { channel_cid: 'messaging:general', expiration: -1000 },
    },
    status: 400,
    code: 4,
    says: 'expiration must be a whole number',
  },
  {
    name: 'queryThreads with a cursor it never issued',
    request: { path: '/threads', body: { next: 'not-a-cursor' } },
    status: 400,
    code: 4,
    says: 'not a cursor',
  },
  {
    name: 'queryThreads with a fractional limit',
    request: { path: '/threads', body: { limit: 2.5 } },
    status: 400,
    code: 4,
    says: 'limit must be a whole number',
  },
  {
    name: 'getThread with a reply_limit that is not a number',
    request: { method: 'GET', path: '/threads/general-1', query: { reply_limit: 'many' } },
    status: 400,
    code: 4,
    says: 'reply_limit must be a whole number',
  },
  {
    name: 'a thread update with a numeric title',
    request: { method: 'PATCH', path: '/threads/general-1', body: { set: { title: 7 } } },
    status: 400,
    code: 4,
    says: 'set.title must be a string',
  },
  {
    name: 'a search payload that is not JSON',
    request: payloadGet('/search', '{"query":'),
    status: 400,
    code: 4,
    says: 'JSON',
  },
  {
    name: 'a search without filter_conditions',
    request: payloadGet('/search', { query: 'hi' }),
    status: 400,
    code: 4,
    says: 'filter_conditions',
  },
  {
    name: 'a search with both query and message_filter_conditions',
    request: payloadGet('/search', {
      filter_conditions: { cid: 'messaging:general' },
      query: 'hi',
      message_filter_conditions: { text: 'hi' },
    }),
    status: 400,
    code: 4,
    says: 'not both',
  },
  {
    name: 'a search with a cursor it never issued',
    request: payloadGet('/search', {
      filter_conditions: { cid: 'messaging:general' },
      query: 'hi',
      next: 'garbage',
    }),
    status: 400,
    code: 4,
    says: 'not a cursor',
  },
  {
    name: 'a member update with pinned as a string',
    request: {
      method: 'PATCH',
      path: '/channels/messaging/general/member',
      body: { set: { pinned: 'yes' } },
    },
    status: 400,
    code: 4,
    says: 'set.pinned must be a boolean',
  },
  {
    name: 'a member update setting a reserved field',
    request: {
      method: 'PATCH',
      path: '/channels/messaging/general/member',
      body: { set: { banned: true } },
    },
    status: 400,
    code: 4,
    says: 'cannot be set or unset',
  },
  {
    name: 'a member update that sets and unsets the same field',
    request: {
      method: 'PATCH',
      path: '/channels/messaging/general/member',
      body: { set: { color: 'red' }, unset: ['color'] },
    },
    status: 400,
    code: 4,
    says: 'cannot be both set and unset',
  },
  {
    name: 'a member update of a channel the caller is not a member of',
    request: {
      method: 'PATCH',
      path: '/channels/messaging/design/member',
      body: { set: { pinned: true } },
    },
    status: 404,
    code: 16,
    says: 'is not a member',
  },
];

/**
 * One bad WebSocket connect or frame: the error frame code the connect is refused with
 * (then close 1000), or, for frames sent on an open socket, how the emulator closes it
 * (`undefined`: it ignores the frame and stays open).
 */
interface SocketRow {
  name: string;
  query: (emulator: RunningEmulator) => Record<string, string>;
  frames?: Array<string | Buffer>;
  errorCode?: number;
  says?: string;
  closeCode: number | undefined;
}

/** The `/connect` query for alice with some parameters replaced (`null` removes one). */
function aliceConnect(changes: Record<string, string | null>) {
  return (emulator: RunningEmulator): Record<string, string> => {
    const query: Record<string, string> = connectQuery(emulator, 'alice');
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) {
        delete query[key];
      } else {
        query[key] = value;
      }
    }
    return query;
  };
}

const socketRows: SocketRow[] = [
  {
    name: 'connect without the json parameter',
    query: aliceConnect({ json: null }),
    errorCode: 4,
    says: 'the json query parameter is not valid JSON',
    closeCode: 1000,
  },
  {
    name: 'connect with garbled json',
    query: aliceConnect({ json: '{"user_id":"alice"' }),
    errorCode: 4,
    says: 'not valid JSON',
    closeCode: 1000,
  },
  {
    name: 'connect with json that is an array',
    query: aliceConnect({ json: '["alice"]' }),
    errorCode: 4,
    says: 'not a JSON object',
    closeCode: 1000,
  },
  {
    name: 'connect with json nested 65 levels deep',
    query: aliceConnect({ json: `{"user_id":"alice","user_details":${nested(64)}}` }),
    errorCode: 4,
    says: 'nests deeper than 64 levels',
    closeCode: 1000,
  },
  {
    name: 'connect without user_id',
    query: aliceConnect({ json: '{"user_details":{"id":"alice"}}' }),
    errorCode: 4,
    says: 'user_id undefined is not valid',
    closeCode: 1000,
  },
  {
    name: 'connect as !anon with a user token',
    query: aliceConnect({ json: '{"user_id":"!anon"}' }),
    errorCode: 4,
    says: 'user_id "!anon" is not valid',
    closeCode: 1000,
  },
  {
    name: 'connect with a user_id holding a space',
    query: aliceConnect({ json: '{"user_id":"al ice"}' }),
    errorCode: 4,
    says: 'is not valid',
    closeCode: 1000,
  },
  {
    name: 'connect with a token that is not a JWT',
    query: aliceConnect({ authorization: 'garbage' }),
    errorCode: 5,
    closeCode: 1000,
  },
  {
    name: "connect as alice with bob's token",
    query: (emulator) => ({
      ...connectQuery(emulator, 'alice'),
      authorization: emulator.createToken('bob'),
    }),
    errorCode: 5,
    says: 'does not match',
    closeCode: 1000,
  },
  {
    name: 'connect with user_details over 5 KB',
    query: aliceConnect({
      json: JSON.stringify({ user_id: 'alice', user_details: { id: 'alice', bio: BIG } }),
    }),
    errorCode: 4,
    says: 'the limit is 5120 bytes',
    closeCode: 1000,
  },
  {
    name: 'connect with user_details holding __proto__',
    query: aliceConnect({
      json: '{"user_id":"alice","user_details":{"id":"alice","__proto__":{"role":"admin"}}}',
    }),
    errorCode: 4,
    says: '__proto__',
    closeCode: 1000,
  },
  {
    name: 'a frame over 1 MiB closes the socket with 1009',
    query: aliceConnect({}),
    frames: [JSON.stringify([{ type: 'health.check', pad: 'p'.repeat(1024 * 1024) }])],
    closeCode: 1009,
  },
  {
    name: 'a frame nested 20,000 levels deep is ignored',
    query: aliceConnect({}),
    frames: [nested(20_000)],
    closeCode: undefined,
  },
  {
    name: 'a binary health.check frame is ignored',
    query: aliceConnect({}),
    frames: [Buffer.from(JSON.stringify([{ type: 'health.check' }]))],
    closeCode: undefined,
  },
];

describe('the bad-input table: each refusal is typed, clear and stores nothing', () => {
  let emulator: RunningEmulator;
  emulatorForSpecFile((started) => (emulator = started));

  beforeAll(async () => {
    // general-1 becomes a thread parent, for the thread rows.
    const reply = await sendRaw(emulator, {
      path: '/channels/messaging/general/message',
      body: { message: { id: 'table-reply', text: 'a reply', parent_id: 'general-1' } },
    });
    expect(reply.status).toBe(201);
  });

  it('has at least 60 rows', () => {
    expect(httpRows.length + socketRows.length).toBeGreaterThanOrEqual(60);
  });

  it.each(httpRows.map((row) => ({ ...row, answer: answerOf(row) })))(
    '$name → $answer',
    async (row) => {
      const before = comparableState(emulator);
      const answer = await sendRaw(emulator, row.request);
      if (row.code === undefined) {
        expect(answer.status).toBe(row.status);
      } else {
        expect(answer).toMatchObject({
          status: row.status,
          body: {
            code: row.code,
            StatusCode: row.status,
            message: expect.stringContaining(row.says ?? ''),
          },
        });
      }
      expect(comparableState(emulator)).toEqual(before);
      const healthy = await sendRaw(emulator, {
        path: '/channels',
        body: { filter_conditions: { id: 'general' } },
      });
      expect(healthy).toMatchObject({ status: 200, body: { channels: [expect.anything()] } });
    },
  );

  it.each(socketRows)('WebSocket: $name', async (row) => {
    const before = comparableState(emulator);
    const outcome = await rawSocketExchange(emulator, row.query(emulator), row.frames);
    if (row.errorCode !== undefined) {
      expect(outcome.frames).toEqual([
        {
          error: expect.objectContaining({
            code: row.errorCode,
            message: expect.stringContaining(row.says ?? ''),
          }),
        },
      ]);
    } else {
      expect(outcome.frames[0]).toMatchObject({ type: 'health.check', me: { id: 'alice' } });
    }
    expect(outcome.closeCode).toBe(row.closeCode);
    expect(comparableState(emulator)).toEqual(before);
    const next = await rawSocketExchange(emulator, connectQuery(emulator, 'alice'), [
      JSON.stringify([{ type: 'health.check' }]),
    ]);
    expect(next.frames.map((frame) => frame['type'])).toEqual(['health.check', 'health.check']);
    expect(next.closeCode).toBeUndefined();
  });
});

import { HttpRow, BIG } from './rows';

/** Ids (empty, too long, bad characters, reserved, unicode, broken %-encoding) and custom data over its size limit. */
export const idAndSizeRows: HttpRow[] = [
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
];

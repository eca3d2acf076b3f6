import { HttpRow, nested, payloadGet } from './rows';

/** Prototype-named keys in filters, operators and sorts; limits, offsets and sorts out of range. */
export const queryRows: HttpRow[] = [
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
];

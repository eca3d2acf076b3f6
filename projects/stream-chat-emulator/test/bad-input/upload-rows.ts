import { HttpRow, BIG, MULTIPART, multipart, TEXT_FILE } from './rows';

/** Multipart uploads. */
export const uploadRows: HttpRow[] = [
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
];

import { connectQuery } from '../raw-requests';
import { SocketRow, BIG, nested, aliceConnect } from './rows';

/** Bad WebSocket connects and frames. */
export const socketRows: SocketRow[] = [
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

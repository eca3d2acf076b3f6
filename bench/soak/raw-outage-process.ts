/*
 * The child side of startRawSessions: the same three sessions as the soak's, on raw `stream-chat`
 * clients with nothing of ngx-stream-chat, in a process of their own so that their unhandled
 * rejections are counted apart from the library's. Reports each `connection.recovered` with its
 * time; exits when the parent asks it to stop, or goes away.
 */
import { StreamChat } from 'stream-chat';
import { CONNECT_TIMEOUT_MS } from '../support/emulator-clients';
import { fetchToken } from './outage-servers';

/** Where the child connects, sent by the parent. */
export interface RawSessionsSetup {
  url: string;
  apiKey: string;
  /** To make each new guest a member of the channel, as the app's backend would. */
  apiSecret: string;
  tokenUrl: string;
  tokenSeconds: number;
  channelId: string;
  users: { provider: string; static: string; guest: string };
  staticToken: string;
}

/** A call from the parent. */
export type RawSessionsCall = { type: 'restart-stalled' } | { type: 'stop' };

/** What the child sends. */
export type RawSessionsMessage =
  | { type: 'ready' }
  | { type: 'recovered'; session: string; at: number }
  | { type: 'restarted'; sessions: string[] }
  | { type: 'stopped'; unhandledRejections: number; firstRejection?: string };

const send = (message: RawSessionsMessage) => process.send?.(message);
const rejections: string[] = [];
process.on('unhandledRejection', (reason) =>
  rejections.push(reason instanceof Error ? reason.message : String(reason)),
);

const clients = new Map<string, StreamChat>();
/** Guest ids cannot be reused: each guest connect takes a new one. */
let guests = 0;

async function connect(setup: RawSessionsSetup, session: string): Promise<void> {
  const client = new StreamChat(setup.apiKey, { baseURL: setup.url, allowServerSideConnect: true });
  client.defaultWSTimeout = CONNECT_TIMEOUT_MS;
  if (session === 'provider') {
    await client.connectUser({ id: setup.users.provider }, () =>
      fetchToken(setup.tokenUrl, setup.users.provider, setup.tokenSeconds),
    );
  } else if (session === 'static') {
    await client.connectUser({ id: setup.users.static }, setup.staticToken);
  } else {
    const id = `${setup.users.guest}-${++guests}`;
    await client.setGuestUser({ id });
    const server = new StreamChat(setup.apiKey, setup.apiSecret, { baseURL: setup.url });
    await server.channel('messaging', setup.channelId).addMembers([id]);
  }
  await client.channel('messaging', setup.channelId).watch();
  client.on('connection.recovered', () => send({ type: 'recovered', session, at: Date.now() }));
  clients.set(session, client);
}

async function main(): Promise<void> {
  const setup = await new Promise<RawSessionsSetup>((resolve) => process.once('message', resolve));
  for (const session of ['provider', 'static', 'guest']) {
    await connect(setup, session);
  }
  send({ type: 'ready' });
  process.on('disconnect', () => process.exit(0));
  process.on('message', (call: RawSessionsCall) => {
    if (call.type === 'restart-stalled') {
      // A session the client gave up on starts afresh, so each outage is measured on its own.
      void (async () => {
        const restarted: string[] = [];
        for (const [session, client] of clients) {
          if (!client.wsConnection?.isHealthy) {
            await client.disconnectUser(0).catch(() => undefined);
            await connect(setup, session).catch(() => undefined);
            restarted.push(session);
          }
        }
        send({ type: 'restarted', sessions: restarted });
      })();
    } else {
      void Promise.all([...clients.values()].map((client) => client.disconnectUser(0))).finally(
        () => {
          send({
            type: 'stopped',
            unhandledRejections: rejections.length,
            firstRejection: rejections[0],
          });
          setTimeout(() => process.exit(0), 100);
        },
      );
    }
  });
}

void main();

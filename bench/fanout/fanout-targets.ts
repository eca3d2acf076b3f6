import { fork } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import { REPO_ROOT } from '../support/child-process';
import { RemoteEmulator, startEmulatorProcess } from '../support/remote-emulator';
import { fanoutText } from './arrival-log';
import { requestJson } from '../support/http-json';

/** A server that broadcasts messages to watching sockets: the emulator or the bare reference. */
export interface FanoutTarget {
  /** For tables: "emulator" or "bare ws". */
  name: string;
  /** Opens watcher number `index`'s socket and makes it watch the benchmark channel. */
  openWatcher(index: number, onFrame: (text: string) => void): Promise<WebSocket>;
  /** Posts benchmark message `seq`; resolves with the HTTP status. */
  post(seq: number): Promise<number>;
  /** Stops the server process. */
  stop(): Promise<void>;
}

const CHANNEL_ID = 'fanout';
const SENDER_ID = 'fanout-sender';
const watcherId = (index: number) => `watcher-${index}`;

function onText(ws: WebSocket, onFrame: (text: string) => void): void {
  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      onFrame(data.toString());
    }
  });
}

/**
 * The emulator in its own process, seeded with a `messaging` channel whose members are the
 * sender and `watchers` users; each watcher speaks the client's protocol over a raw socket:
 * `/connect` with its token, the first `health.check`, then a watching channel query.
 */
export async function emulatorTarget(watchers: number): Promise<FanoutTarget> {
  const watcherIds = Array.from({ length: watchers }, (_, i) => watcherId(i));
  const emulator: RemoteEmulator = await startEmulatorProcess({
    users: [{ id: SENDER_ID }, ...watcherIds.map((id) => ({ id }))],
    channels: [
      {
        type: 'messaging',
        id: CHANNEL_ID,
        created_by_id: SENDER_ID,
        members: [SENDER_ID, ...watcherIds],
      },
    ],
  });
  const senderToken = emulator.createToken(SENDER_ID);
  const runId = Date.now().toString(36);
  const wsBase = emulator.url.replace(/^http/, 'ws');
  return {
    name: 'emulator',
    async openWatcher(index, onFrame) {
      const userId = watcherId(index);
      const token = emulator.createToken(userId);
      const query = new URLSearchParams({
        json: JSON.stringify({ user_id: userId, user_details: { id: userId } }),
        api_key: emulator.apiKey,
        authorization: token,
        'stream-auth-type': 'jwt',
      });
      const ws = new WebSocket(`${wsBase}/connect?${query}`);
      const connectionId = await new Promise<string>((resolve, reject) => {
        ws.once('message', (data) => {
          const frame = JSON.parse(data.toString()) as { connection_id?: string; error?: unknown };
          if (frame.connection_id) {
            resolve(frame.connection_id);
          } else {
            reject(new Error(`watcher ${userId} refused: ${data.toString()}`));
          }
        });
        ws.once('error', reject);
      });
      onText(ws, onFrame);
      const params = new URLSearchParams({
        api_key: emulator.apiKey,
        user_id: userId,
        connection_id: connectionId,
      });
      const response = await requestJson(
        'POST',
        `${emulator.url}/channels/messaging/${CHANNEL_ID}/query?${params}`,
        {
          state: true,
          watch: true,
          presence: false,
          messages: { limit: 1 },
          members: { limit: 1 },
          watchers: { limit: 1 },
        },
        { authorization: token, 'stream-auth-type': 'jwt' },
      );
      if (response.status >= 300) {
        throw new Error(`watcher ${userId} could not watch: ${JSON.stringify(response.body)}`);
      }
      return ws;
    },
    async post(seq) {
      const params = new URLSearchParams({ api_key: emulator.apiKey, user_id: SENDER_ID });
      const response = await requestJson(
        'POST',
        `${emulator.url}/channels/messaging/${CHANNEL_ID}/message?${params}`,
        { message: { id: `fanout-${runId}-${seq}`, text: fanoutText(seq) } },
        { authorization: senderToken, 'stream-auth-type': 'jwt' },
      );
      return response.status;
    },
    stop: () => emulator.stop(),
  };
}

/** The bare `ws` broadcast server in its own process. */
export async function bareTarget(): Promise<FanoutTarget> {
  const child = fork(join(__dirname, 'bare-broadcast-server.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bare server exited (code ${code})`)));
  });
  const wsBase = url.replace(/^http/, 'ws');
  return {
    name: 'bare ws',
    async openWatcher(_index, onFrame) {
      const ws = new WebSocket(`${wsBase}/connect`);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      onText(ws, onFrame);
      return ws;
    },
    async post(seq) {
      const response = await requestJson('POST', `${url}/message`, {
        message: { id: `fanout-${seq}`, text: fanoutText(seq) },
      });
      return response.status;
    },
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

import { request } from 'node:http';
import { Socket, connect } from 'node:net';
import WebSocket from 'ws';
import { sleep } from '../support/emulator-clients';
import { closeIdleConnections, requestJson } from '../support/http-json';
import { RemoteEmulator, startEmulatorProcess } from '../support/remote-emulator';
import { SoakReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import {
  FuzzRequest,
  malformedConnectQuery,
  malformedFrame,
  malformedRequest,
} from './fuzz-inputs';
import { SeededRandom } from './seeded-random';
import { equals, holds } from './soak-checks';

const USER_ID = 'fuzz-user';
/** Internal errors: status 500 with code -1 (the emulator's "unexpected error, a bug"). */
const INTERNAL_ERROR_CODE = -1;

/** Sends a raw HTTP request; resolves with the status and the Stream error code, if any. */
function sendRaw(url: string, input: FuzzRequest): Promise<{ status: number; code?: number }> {
  return new Promise((resolve) => {
    const outgoing = request(`${url}${input.path}`, {
      method: input.method,
      headers: input.headers,
    });
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        let code: number | undefined;
        try {
          code = (JSON.parse(Buffer.concat(chunks).toString()) as { code?: number }).code;
        } catch {
          code = undefined;
        }
        resolve({ status: response.statusCode ?? 0, code });
      });
      response.on('error', () => resolve({ status: 0 }));
    });
    outgoing.on('error', () => resolve({ status: 0 }));
    outgoing.end(input.body);
  });
}

/** Writes bytes that are not HTTP at all to a fresh TCP connection, then closes it. */
function sendGarbage(port: number, random: SeededRandom): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(
        random.below(2) === 0
          ? random.bytes(1 + random.below(2000))
          : `GET /${random.bytes(20).toString('hex')} HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n`,
      );
      setTimeout(() => socket.destroy(), 5);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

/** Opens a socket as the fuzz user and waits for its first frame. */
function openSocket(
  emulator: RemoteEmulator,
  query: string,
): Promise<{ ws: WebSocket; first: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${emulator.url.replace(/^http/, 'ws')}/connect?${query}`);
    const done = (first: string) => resolve({ ws, first });
    ws.once('message', (data) => done(data.toString()));
    ws.once('close', () => done(''));
    ws.once('error', () => done(''));
  });
}

/** Whether the emulator still answers a well-formed request. */
async function healthy(emulator: RemoteEmulator, token: string): Promise<boolean> {
  const params = new URLSearchParams({ api_key: emulator.apiKey, user_id: USER_ID });
  const response = await requestJson('GET', `${emulator.url}/app?${params}`, undefined, {
    authorization: token,
    'stream-auth-type': 'jwt',
  }).catch(() => ({ status: 0 }));
  return response.status === 200;
}

/**
 * 10,000 malformed inputs against an emulator in its own process: HTTP requests to the client's
 * endpoints with broken, deep, oversized or mistyped bodies and bad auth; frames of junk on open
 * sockets; `/connect` with broken queries; and bytes that are not HTTP. Passes when the emulator
 * never crashes, never answers with an internal error, answers a good request after every
 * thousand, and its heap after GC stays steady.
 */
export async function run(mode: RunMode): Promise<SoakReport> {
  const inputs = bySize(mode, 10_000, 600);
  const started = Date.now();
  const emulator = await startEmulatorProcess({
    users: [{ id: USER_ID }],
    channels: [{ type: 'messaging', id: 'fuzz', created_by_id: USER_ID, members: [USER_ID] }],
  });
  const random = new SeededRandom(2024);
  const token = emulator.createToken(USER_ID);
  const goodQuery = new URLSearchParams({
    json: JSON.stringify({ user_id: USER_ID, user_details: { id: USER_ID } }),
    api_key: emulator.apiKey,
    authorization: token,
    'stream-auth-type': 'jwt',
  }).toString();
  const port = Number(new URL(emulator.url).port);
  const counts = {
    http: 0,
    frames: 0,
    connects: 0,
    garbage: 0,
    internalErrors: 0,
    oversizeCloses: 0,
  };
  const unhealthyAt: number[] = [];
  const heap: number[] = [];
  let socket: WebSocket | undefined;

  try {
    for (let i = 0; i < inputs; i++) {
      const kind = random.below(20);
      if (kind < 10) {
        counts.http++;
        const result = await sendRaw(
          emulator.url,
          malformedRequest(random, emulator.apiKey, USER_ID, token),
        );
        if (result.status === 500 && result.code === INTERNAL_ERROR_CODE) counts.internalErrors++;
      } else if (kind < 17) {
        counts.frames++;
        if (!socket || socket.readyState !== WebSocket.OPEN) {
          socket = (await openSocket(emulator, goodQuery)).ws;
          socket.on('close', (code) => {
            if (code === 1009) counts.oversizeCloses++;
          });
        }
        const frame = malformedFrame(random);
        socket.send(frame.data, { binary: frame.binary });
      } else if (kind < 19) {
        counts.connects++;
        const { ws, first } = await openSocket(
          emulator,
          malformedConnectQuery(random, emulator.apiKey, USER_ID, token),
        );
        if (first.includes(`"code":${INTERNAL_ERROR_CODE}`)) counts.internalErrors++;
        ws.terminate();
      } else {
        counts.garbage++;
        await sendGarbage(port, random);
      }
      if ((i + 1) % Math.max(1, Math.floor(inputs / 10)) === 0) {
        await sleep(50);
        if (!(await healthy(emulator, token))) unhealthyAt.push(i + 1);
        if (emulator.exited()) break;
        heap.push((await emulator.heapUsed()) / 2 ** 20);
      }
    }
    socket?.terminate();
    await sleep(200);
    const stillHealthy = await healthy(emulator, token);
    const finalHeap = emulator.exited() ? NaN : (await emulator.heapUsed()) / 2 ** 20;
    const crashed = emulator.exited();
    // Steady: the heap after the last input within 25% (+2 MiB) of the heap after the first tenth.
    const baseline = heap[0] ?? finalHeap;
    const steady = finalHeap <= baseline * 1.25 + 2;
    return {
      name: 'Fuzzing',
      checks: [
        equals('emulator crashes', crashed ? 1 : 0),
        equals('internal errors (500, code -1)', counts.internalErrors),
        holds(
          'answers a good request after every tenth of the inputs',
          unhealthyAt.length === 0 && stillHealthy,
          'always',
          unhealthyAt.length === 0 ? 'always' : `not after input ${unhealthyAt[0]}`,
        ),
        holds(
          'heap after GC steady',
          steady,
          `≤ ${(baseline * 1.25 + 2).toFixed(1)} MiB`,
          `${baseline.toFixed(1)} → ${finalHeap.toFixed(1)} MiB`,
        ),
      ],
      details: {
        inputs,
        'HTTP requests': counts.http,
        'WS frames': counts.frames,
        'malformed connects': counts.connects,
        'non-HTTP byte streams': counts.garbage,
        'sockets closed for frames over 1 MiB': counts.oversizeCloses,
        'heap samples (MiB)': heap.map((value) => value.toFixed(1)).join(' '),
      },
      durationMs: Date.now() - started,
    };
  } finally {
    socket?.terminate();
    closeIdleConnections();
    await emulator.stop();
  }
}

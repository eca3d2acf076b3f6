import WebSocket from 'ws';
import { RunningEmulator } from '../src';
import { poll } from './poll';

/**
 * Who a raw request authenticates as: a seeded user (a signed user token), the server (a
 * server token), an anonymous caller, or nobody (no `Authorization` header at all).
 */
export type RawCaller = 'alice' | 'bob' | 'carol' | 'server' | 'anonymous' | 'nobody';

/** A REST request sent byte for byte, bypassing the `stream-chat` client's own checks. */
export interface RawRequest {
  /** `POST` when omitted. */
  method?: string;
  /** The path with its encoding as sent, e.g. `/messages/%ZZ`. */
  path: string;
  /** `alice` when omitted. */
  as?: RawCaller;
  /** The body: text is sent as is, anything else JSON-encoded. */
  body?: string | object;
  /** Query parameters besides `api_key` (and `user_id` for user callers). */
  query?: Record<string, string>;
  /** Headers added to (or replacing) the defaults, e.g. a multipart `Content-Type`. */
  headers?: Record<string, string>;
}

/** What a raw request was answered with. */
export interface RawAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Sends a {@link RawRequest} to the emulator and reads the JSON answer. */
export async function sendRaw(emulator: RunningEmulator, request: RawRequest): Promise<RawAnswer> {
  const caller = request.as ?? 'alice';
  const query = new URLSearchParams({ api_key: emulator.apiKey });
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (caller === 'server') {
    headers['Authorization'] = emulator.createServerToken();
    headers['stream-auth-type'] = 'jwt';
  } else if (caller === 'anonymous') {
    headers['stream-auth-type'] = 'anonymous';
  } else if (caller !== 'nobody') {
    headers['Authorization'] = emulator.createToken(caller);
    headers['stream-auth-type'] = 'jwt';
    query.set('user_id', caller);
  }
  for (const [key, value] of Object.entries(request.query ?? {})) {
    query.set(key, value);
  }
  const separator = request.path.includes('?') ? '&' : '?';
  const response = await fetch(`${emulator.url}${request.path}${separator}${query}`, {
    method: request.method ?? 'POST',
    headers: { ...headers, ...request.headers },
    body:
      request.body === undefined || typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body),
  });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { unparsed: text };
  }
  return { status: response.status, body };
}

/**
 * The state a refused request must leave as it was: the snapshot's users (without
 * `last_active`, which connecting and calling legitimately move), channels and every
 * feature's key.
 */
export function comparableState(emulator: RunningEmulator): Record<string, unknown> {
  const snapshot = emulator.snapshot();
  return {
    ...snapshot,
    users: snapshot.users.map((user) => {
      const copy: Record<string, unknown> = { ...user };
      delete copy['last_active'];
      return copy;
    }),
  };
}

/** What a raw WebSocket saw: the frames it received and how it was closed. */
export interface RawSocketOutcome {
  frames: Record<string, unknown>[];
  closeCode: number | undefined;
}

/** The `/connect` query the `stream-chat` client sends for `userId`, signed for `userId`. */
export function connectQuery(emulator: RunningEmulator, userId: string): Record<string, string> {
  return {
    json: JSON.stringify({ user_id: userId, user_details: { id: userId } }),
    api_key: emulator.apiKey,
    authorization: emulator.createToken(userId),
    'stream-auth-type': 'jwt',
  };
}

/**
 * Opens `/connect` with the given query, sends `frames` once the first frame arrived (or
 * the socket opened, when none does), and collects what comes back until the socket closes
 * or `settleMs` pass without a new frame. The socket is closed at the end; `closeCode` is
 * set only when the emulator closed it.
 */
export async function rawSocketExchange(
  emulator: RunningEmulator,
  query: Record<string, string>,
  frames: Array<string | Buffer> = [],
  settleMs = 300,
): Promise<RawSocketOutcome> {
  const socket = new WebSocket(
    `${emulator.url.replace('http', 'ws')}/connect?${new URLSearchParams(query)}`,
  );
  const outcome: RawSocketOutcome = { frames: [], closeCode: undefined };
  let closingOurselves = false;
  let lastActivity = Date.now();
  socket.on('message', (data) => {
    lastActivity = Date.now();
    outcome.frames.push(JSON.parse(data.toString()) as Record<string, unknown>);
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) =>
    socket.once('close', (code) => {
      if (!closingOurselves) {
        outcome.closeCode = code;
      }
      resolve();
    }),
  );
  await Promise.race([new Promise((resolve) => socket.once('open', resolve)), closed]);
  // The frames are sent even when the server neither answers nor closes within 2 s.
  await poll(() => outcome.frames.length > 0 || outcome.closeCode !== undefined, {
    description: 'a first frame or the close',
    timeoutMs: 2000,
    intervalMs: 10,
  }).catch(() => undefined);
  for (const frame of frames) {
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(frame, { binary: Buffer.isBuffer(frame) });
    }
  }
  lastActivity = Date.now();
  while (outcome.closeCode === undefined && Date.now() - lastActivity < settleMs) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (outcome.closeCode === undefined) {
    closingOurselves = true;
    socket.close(1000);
    await closed;
  }
  return outcome;
}

import WebSocket from 'ws';
import { signUserToken } from 'ngx-stream-chat/testing';
import { unpairedFigure } from '../support/figures';
import { closeIdleConnections, requestJson } from '../support/http-json';
import { BenchmarkReport, Figure } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { percentile } from '../support/statistics';
import { ScaleEmulator, startScaleEmulator } from './scale-process';
import { BIG_CHANNEL, THREAD_PARENT } from './scale-seed';

/** How big a run is. */
interface ScaleSizes {
  bigMessages: number;
  smallMessages: number;
  channels: number;
  rounds: number;
  requestsPerRound: number;
  idleSockets: number;
  loadMs: number;
  slowReaderMessages: number;
  socketLimitBytes: number;
}

/** Latency samples (one p99 per round, ms) and memory of one state. */
interface StateFigures {
  query: number[];
  paging: number[];
  replies: number[];
  send: number[];
  heapAfterSeed: number;
  bytesPerSocket: number;
}

const MIB = 1024 * 1024;

/** Signed-in HTTP calls as `userId`. */
function api(emulator: ScaleEmulator, userId: string) {
  const token = signUserToken(emulator.apiSecret, userId);
  const headers = { authorization: token, 'stream-auth-type': 'jwt' };
  const url = (path: string, query: Record<string, string> = {}) =>
    `${emulator.url}${path}?${new URLSearchParams({ api_key: emulator.apiKey, ...query })}`;
  return {
    async call(method: string, path: string, body?: unknown, query?: Record<string, string>) {
      const response = await requestJson(method, url(path, query), body, headers);
      if (response.status >= 300) {
        throw new Error(
          `${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`,
        );
      }
      return response.body;
    },
    token,
  };
}

/** Times `count` sequential calls of `step`; @returns their p99 in ms. */
async function roundP99(count: number, step: (index: number) => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    await step(index);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 99);
}

async function rounds(
  sizes: ScaleSizes,
  step: (index: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < sizes.rounds; round++) {
    samples.push(await roundP99(sizes.requestsPerRound, step));
  }
  return samples;
}

const ids = (body: Record<string, unknown>): string[] =>
  (body['messages'] as { id: string }[]).map((message) => message.id);

/** Opens a raw socket of `userId`; resolves with it and its connection id after health.check. */
async function openSocket(
  emulator: ScaleEmulator,
  userId: string,
  onFrame?: (bytes: number) => void,
): Promise<{ socket: WebSocket; connectionId: string }> {
  const query = new URLSearchParams({
    json: JSON.stringify({ user_id: userId, user_details: { id: userId } }),
    api_key: emulator.apiKey,
    authorization: signUserToken(emulator.apiSecret, userId),
    'stream-auth-type': 'jwt',
  });
  const socket = new WebSocket(`${emulator.url.replace('http', 'ws')}/connect?${query}`);
  const first = await new Promise<Record<string, unknown>>((resolve, reject) => {
    socket.once('message', (data) =>
      resolve(JSON.parse(data.toString()) as Record<string, unknown>),
    );
    socket.once('error', reject);
  });
  if (onFrame) {
    socket.on('message', (data: Buffer) => onFrame(data.length));
  }
  return { socket, connectionId: first['connection_id'] as string };
}

async function measureState(emulator: ScaleEmulator, sizes: ScaleSizes): Promise<StateFigures> {
  const heapAfterSeed = (await emulator.memory(true)).heapUsed;
  const alice = api(emulator, 'alice');
  const channelPath = `/channels/messaging/${BIG_CHANNEL}/query`;
  const query = await rounds(sizes, async () => {
    await alice.call('POST', channelPath, { state: true, messages: { limit: 25 } });
  });
  let cursor: string | undefined;
  const paging = await rounds(sizes, async () => {
    const body = await alice.call('POST', channelPath, {
      state: true,
      messages: { limit: 25, ...(cursor ? { id_lt: cursor } : {}) },
    });
    const page = ids(body);
    cursor = page.length === 25 ? page[0] : undefined;
  });
  let replyCursor: string | undefined;
  const replies = await rounds(sizes, async () => {
    const body = await alice.call('GET', `/messages/${THREAD_PARENT}/replies`, undefined, {
      limit: '25',
      ...(replyCursor ? { id_lt: replyCursor } : {}),
    });
    const page = ids(body);
    replyCursor = page.length === 25 ? page[0] : undefined;
  });
  const send = await rounds(sizes, async () => {
    await alice.call('POST', `/channels/messaging/${BIG_CHANNEL}/message`, {
      message: { text: 'scale' },
    });
  });
  const before = (await emulator.memory(true)).heapUsed;
  const sockets = await Promise.all(
    Array.from({ length: sizes.idleSockets }, () => openSocket(emulator, 'bob')),
  );
  const after = (await emulator.memory(true)).heapUsed;
  await Promise.all(
    sockets.map(
      ({ socket }) =>
        new Promise<void>((resolve) => {
          socket.once('close', () => resolve());
          socket.close(1000);
        }),
    ),
  );
  return {
    query,
    paging,
    replies,
    send,
    heapAfterSeed,
    bytesPerSocket: (after - before) / sizes.idleSockets,
  };
}

/** `/app` p99 per 500 ms window, idle and while 8 senders post back to back. */
async function measureAppUnderLoad(
  emulator: ScaleEmulator,
  sizes: ScaleSizes,
): Promise<{ idle: number[]; loaded: number[] }> {
  const alice = api(emulator, 'alice');
  const windows = async (durationMs: number): Promise<number[]> => {
    const started = performance.now();
    const samples: number[][] = [];
    while (performance.now() - started < durationMs) {
      const begin = performance.now();
      await alice.call('GET', '/app');
      const window = Math.floor((begin - started) / 500);
      (samples[window] ??= []).push(performance.now() - begin);
    }
    return samples
      .filter((window) => window.length > 0)
      .map((window) =>
        percentile(
          [...window].sort((a, b) => a - b),
          99,
        ),
      );
  };
  const idle = await windows(sizes.loadMs);
  let sending = true;
  const sender = async () => {
    while (sending) {
      await alice.call('POST', `/channels/messaging/${BIG_CHANNEL}/message`, {
        message: { text: 'load' },
      });
    }
  };
  const senders = Array.from({ length: 8 }, sender);
  const loaded = await windows(sizes.loadMs);
  sending = false;
  await Promise.all(senders);
  return { idle, loaded };
}

/** What the emulator's memory did during a flood of messages. */
interface FloodFigures {
  heapGrowth: number;
  rssGrowth: number;
  /** Bytes of events bob's socket was sent (by the reading one: what it received). */
  closeCode: number;
}

/**
 * Floods the big channel with `sizes.slowReaderMessages` messages of 4,000 characters while bob
 * watches it from a raw socket that reads normally or has paused its TCP socket.
 * @returns the emulator's peak heap and RSS growth, and the close code bob's socket got
 * (0 when it stayed open).
 */
async function measureFlood(
  emulator: ScaleEmulator,
  sizes: ScaleSizes,
  pauseReader: boolean,
): Promise<FloodFigures> {
  const alice = api(emulator, 'alice');
  const bob = api(emulator, 'bob');
  const watcher = await openSocket(emulator, 'bob', () => undefined);
  await bob.call(
    'POST',
    `/channels/messaging/${BIG_CHANNEL}/query`,
    { watch: true },
    { connection_id: watcher.connectionId },
  );
  let closeCode = 0;
  const closed = new Promise<void>((resolve) =>
    watcher.socket.once('close', (code) => {
      closeCode = code;
      resolve();
    }),
  );
  const tcp = (watcher.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  if (pauseReader) {
    tcp.pause();
  }
  const baseline = await emulator.memory(true);
  await emulator.peakStart();
  const text = 'x'.repeat(4000);
  let next = 0;
  const sender = async () => {
    while (next < sizes.slowReaderMessages) {
      next++;
      await alice.call('POST', `/channels/messaging/${BIG_CHANNEL}/message`, { message: { text } });
    }
  };
  await Promise.all(Array.from({ length: 8 }, sender));
  const peak = await emulator.peakStop();
  tcp.resume();
  if (!pauseReader) {
    watcher.socket.close(1000);
  }
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  return {
    heapGrowth: peak.heapUsed - baseline.heapUsed,
    rssGrowth: peak.rss - baseline.rss,
    closeCode: pauseReader ? closeCode : 0,
  };
}

/**
 * 6. Emulator scale: the same queries, pages, replies and sends on one channel with 100,000
 * messages and on one with 1,000 (1,000 other channels in both), `/app` under send load,
 * memory per socket and per message, and a reader that stops reading.
 */
export async function run(mode: RunMode): Promise<BenchmarkReport> {
  const sizes: ScaleSizes = {
    bigMessages: bySize(mode, 100_000, 5_000),
    smallMessages: bySize(mode, 1_000, 500),
    channels: bySize(mode, 1_000, 50),
    rounds: bySize(mode, 7, 3),
    requestsPerRound: bySize(mode, 100, 20),
    idleSockets: bySize(mode, 500, 20),
    loadMs: bySize(mode, 5_000, 1_000),
    slowReaderMessages: bySize(mode, 10_000, 3_000),
    socketLimitBytes: bySize(mode, 4 * MIB, 256 * 1024),
  };
  const start = (messages: number) =>
    startScaleEmulator(
      { messages, replies: Math.floor(messages / 20), channels: sizes.channels },
      sizes.socketLimitBytes,
    );
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    const small = await start(sizes.smallMessages);
    const smallFigures = await measureState(small, sizes).finally(() => small.stop());
    const big = await start(sizes.bigMessages);
    let bigFigures: StateFigures;
    let app: { idle: number[]; loaded: number[] };
    let slow: FloodFigures;
    let reading: FloodFigures;
    try {
      bigFigures = await measureState(big, sizes);
      app = await measureAppUnderLoad(big, sizes);
      reading = await measureFlood(big, sizes, false);
      slow = await measureFlood(big, sizes, true);
    } finally {
      await big.stop();
    }
    const labels = {
      subjectName: `${sizes.bigMessages.toLocaleString('en')} messages`,
      referenceName: `${sizes.smallMessages.toLocaleString('en')} messages`,
      unit: 'ms',
    };
    const perState: [string, keyof StateFigures][] = [
      ['channel query p99', 'query'],
      ['id_lt page p99', 'paging'],
      ['replies page p99', 'replies'],
      ['sendMessage p99', 'send'],
    ];
    for (const [figure, key] of perState) {
      figures.push(
        unpairedFigure(
          { ...labels, figure },
          bigFigures[key] as number[],
          smallFigures[key] as number[],
        ),
      );
    }
    figures.push(
      unpairedFigure(
        { ...labels, figure: 'heap per idle socket', unit: 'KiB' },
        [bigFigures.bytesPerSocket / 1024],
        [smallFigures.bytesPerSocket / 1024],
      ),
      unpairedFigure(
        {
          figure: 'heap per stored message',
          unit: 'B',
          subjectName: 'emulator heap',
          referenceName: 'its seed JSON',
        },
        [
          (bigFigures.heapAfterSeed - smallFigures.heapAfterSeed) /
            (sizes.bigMessages - sizes.smallMessages),
        ],
        [
          JSON.stringify({
            id: 'm12345',
            user_id: 'alice',
            text: 'message 12345',
            created_at: new Date().toISOString(),
          }).length,
        ],
      ),
      unpairedFigure(
        {
          figure: '/app p99 per 500 ms',
          unit: 'ms',
          subjectName: '8 senders busy',
          referenceName: 'idle',
        },
        app.loaded,
        app.idle,
      ),
      unpairedFigure(
        {
          figure: `flood, peak heap growth (slow reader closed ${slow.closeCode})`,
          unit: 'MiB',
          subjectName: 'reader paused',
          referenceName: 'reader reading',
        },
        [slow.heapGrowth / MIB],
        [reading.heapGrowth / MIB],
      ),
      unpairedFigure(
        {
          figure: 'flood, peak RSS growth',
          unit: 'MiB',
          subjectName: 'reader paused',
          referenceName: 'reader reading',
        },
        [slow.rssGrowth / MIB],
        [reading.rssGrowth / MIB],
      ),
    );
    notes.push(
      `Each state runs in its own emulator process (this checkout's sources), seeded in memory: ` +
        `messaging:${BIG_CHANNEL} with the messages (one in 20 a reply of one thread) and ` +
        `${sizes.channels} other channels. Raw keep-alive HTTP as alice; each sample is the p99 ` +
        `of ${sizes.requestsPerRound} sequential requests, ${sizes.rounds} samples: channel query ` +
        `(state, 25 messages), id_lt pages of 25 walking back, replies pages of 25 (id_lt), ` +
        `sendMessage. Socket heap: ${sizes.idleSockets} raw sockets, heap after GC before/after. ` +
        `Per message: heap difference between the two states over the message difference. ` +
        `/app: sequential GETs, p99 per 500 ms window, idle then with 8 senders for ${sizes.loadMs} ms. ` +
        `Flood: ${sizes.slowReaderMessages} messages of 4,000 characters (8 senders) while bob ` +
        `watches from a raw socket, first reading, then with its TCP socket paused; the ` +
        `emulator's heap/RSS is sampled every 5 ms from a post-GC baseline (the stored messages ` +
        `grow both alike; socket limit ${sizes.socketLimitBytes / 1024} KiB).`,
    );
  } finally {
    closeIdleConnections();
  }
  return { name: '6. Emulator scale', figures, notes };
}

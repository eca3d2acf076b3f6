import WebSocket from 'ws';
import { sleep } from '../support/emulator-clients';
import { unpairedFigure } from '../support/figures';
import { BenchmarkReport, Figure } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { percentile } from '../support/statistics';
import { ArrivalLog } from './arrival-log';
import { FanoutTarget, bareTarget, emulatorTarget } from './fanout-targets';
import { closeIdleConnections } from '../support/http-json';

/** What one target measured with one number of watchers. */
interface FanoutSamples {
  /** Per message: the median latency over all watchers, ms. */
  p50: number[];
  /** Per message: the 99th-percentile latency over all watchers, ms. */
  p99: number[];
  /** Messages accepted per second, per measurement window. */
  acceptedPerSecond: number[];
}

interface FanoutSizes {
  latencyMessages: number;
  throughputMs: number;
  windowMs: number;
  inFlight: number;
}

async function openWatchers(
  target: FanoutTarget,
  count: number,
  log: ArrivalLog,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  const batch = 50;
  for (let start = 0; start < count; start += batch) {
    const indexes = Array.from({ length: Math.min(batch, count - start) }, (_, i) => start + i);
    sockets.push(
      ...(await Promise.all(
        indexes.map((i) => target.openWatcher(i, (text) => log.onFrame(text))),
      )),
    );
  }
  return sockets;
}

async function closeWatchers(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) {
            resolve();
            return;
          }
          ws.once('close', () => resolve());
          ws.terminate();
        }),
    ),
  );
}

/** Latency: one message at a time, each waited for until every watcher has it. */
async function measureLatency(
  target: FanoutTarget,
  watchers: number,
  log: ArrivalLog,
  sizes: FanoutSizes,
  firstSeq: number,
): Promise<Pick<FanoutSamples, 'p50' | 'p99'>> {
  const p50: number[] = [];
  const p99: number[] = [];
  for (let i = 0; i < sizes.latencyMessages; i++) {
    const seq = firstSeq + i;
    const sentAt = performance.now();
    const delivered = log.waitFor(seq, watchers, 30_000);
    const status = await target.post(seq);
    if (status >= 300) {
      throw new Error(`${target.name} refused message ${seq} (HTTP ${status})`);
    }
    await delivered;
    const latencies = log.arrivalTimes(seq).map((time) => time - sentAt);
    latencies.sort((a, b) => a - b);
    p50.push(percentile(latencies, 50));
    p99.push(percentile(latencies, 99));
    await sleep(10);
  }
  return { p50, p99 };
}

/**
 * Throughput: `inFlight` senders post back to back for `throughputMs`; accepted messages are
 * counted per window. Then waits until every watcher has every message, so the next phase
 * starts from idle.
 */
async function measureThroughput(
  target: FanoutTarget,
  watchers: number,
  log: ArrivalLog,
  sizes: FanoutSizes,
  firstSeq: number,
): Promise<number[]> {
  const start = performance.now();
  const windows = new Array<number>(Math.ceil(sizes.throughputMs / sizes.windowMs)).fill(0);
  let nextSeq = firstSeq;
  const sent: number[] = [];
  const sender = async () => {
    while (performance.now() - start < sizes.throughputMs) {
      const seq = nextSeq++;
      const status = await target.post(seq);
      const window = Math.floor((performance.now() - start) / sizes.windowMs);
      if (status < 300 && window < windows.length) {
        windows[window]++;
        sent.push(seq);
      }
    }
  };
  await Promise.all(Array.from({ length: sizes.inFlight }, sender));
  for (const seq of sent) {
    await log.waitFor(seq, watchers, 60_000);
  }
  return windows.map((count) => (count * 1000) / sizes.windowMs);
}

async function measureTarget(
  makeTarget: () => Promise<FanoutTarget>,
  watchers: number,
  sizes: FanoutSizes,
): Promise<FanoutSamples> {
  const target = await makeTarget();
  const log = new ArrivalLog();
  const sockets = await openWatchers(target, watchers, log);
  try {
    await sleep(200);
    const latency = await measureLatency(target, watchers, log, sizes, 0);
    log.clear();
    const acceptedPerSecond = await measureThroughput(target, watchers, log, sizes, 1_000_000);
    return { ...latency, acceptedPerSecond };
  } finally {
    await closeWatchers(sockets);
    await target.stop();
  }
}

/**
 * 5. Emulator fan-out: latency of one message reaching every watcher, and messages accepted per
 * second, for the emulator and for a bare `ws` broadcast server, each in its own process.
 */
export async function run(mode: RunMode): Promise<BenchmarkReport> {
  const watcherCounts = bySize(mode, [100, 1000], [10, 50]);
  const sizes: FanoutSizes = {
    latencyMessages: bySize(mode, 50, 5),
    throughputMs: bySize(mode, 4000, 500),
    windowMs: bySize(mode, 250, 100),
    inFlight: 8,
  };
  const figures: Figure[] = [];
  try {
    for (const watchers of watcherCounts) {
      const emulator = await measureTarget(() => emulatorTarget(watchers), watchers, sizes);
      const bare = await measureTarget(() => bareTarget(), watchers, sizes);
      const labels = { subjectName: 'emulator', referenceName: 'bare ws broadcast' };
      figures.push(
        unpairedFigure(
          { ...labels, figure: `p50 latency, ${watchers} watchers`, unit: 'ms' },
          emulator.p50,
          bare.p50,
        ),
        unpairedFigure(
          { ...labels, figure: `p99 latency, ${watchers} watchers`, unit: 'ms' },
          emulator.p99,
          bare.p99,
        ),
        unpairedFigure(
          {
            ...labels,
            figure: `messages accepted, ${watchers} watchers`,
            unit: 'msg/s',
            lowerIsBetter: false,
          },
          emulator.acceptedPerSecond,
          bare.acceptedPerSecond,
        ),
      );
    }
  } finally {
    closeIdleConnections();
  }
  return {
    name: '5. Emulator fan-out',
    figures,
    notes: [
      `Watchers are raw ws sockets in the measuring process (1,000 stream-chat clients would ` +
        `measure the client more than the server): on the emulator each connects with its own ` +
        `token, waits for the first health.check and watches a messaging channel it is a member ` +
        `of; on the bare server it just connects. The sender posts over keep-alive HTTP. Latency: ` +
        `${sizes.latencyMessages} messages one at a time, from the POST until the frame reaches each ` +
        `watcher; the median and spread are over messages of each message's p50 and p99 across ` +
        `watchers. Throughput: ${sizes.inFlight} senders back to back for ${sizes.throughputMs} ms, ` +
        `counted per ${sizes.windowMs} ms window. Each server runs in its own process; the bare one ` +
        `serialises each message once and sends it to every socket, with no auth or state.`,
    ],
  };
}

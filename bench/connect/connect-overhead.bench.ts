import { ChatClientService } from 'ngx-stream-chat';
import { StreamChat } from 'stream-chat';
import { EMPTY_SEED, startEmulator } from 'stream-chat-emulator';
import { rawClient } from '../support/emulator-clients';
import { pairedFigure } from '../support/figures';
import { libraryInjector } from '../support/library-injector';
import { BenchmarkReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';

const USER_ID = 'connect-bench-user';

/** Samples of one side, in ms. */
interface ConnectTimes {
  wall: number[];
  cpu: number[];
}

/**
 * 1. Connect overhead: `ChatClientService.init()` against the raw client's `connectUser()`, on
 * the same emulator, one after the other in alternating order, each on a fresh client.
 */
export async function run(mode: RunMode): Promise<BenchmarkReport> {
  const connects = bySize(mode, 200, 20);
  const warmup = bySize(mode, 10, 2);
  const emulator = await startEmulator({ port: 0, quiet: true, seed: EMPTY_SEED });
  const injector = libraryInjector(emulator);
  const chat = injector.get(ChatClientService);
  const token = emulator.createToken(USER_ID);

  /** Times one connect: wall time, and CPU time of this process (client and emulator alike). */
  const timed = async (connect: () => Promise<unknown>, into: ConnectTimes) => {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    await connect();
    into.wall.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuBefore);
    into.cpu.push((cpu.user + cpu.system) / 1000);
  };
  const raw: ConnectTimes = { wall: [], cpu: [] };
  const library: ConnectTimes = { wall: [], cpu: [] };
  const connectRaw = async (into: ConnectTimes) => {
    let client: StreamChat | undefined;
    await timed(() => {
      client = rawClient(emulator);
      return client.connectUser({ id: USER_ID }, token);
    }, into);
    await client?.disconnectUser();
    await emulator.faults.waitForConnectionCount(0);
  };
  const connectLibrary = async (into: ConnectTimes) => {
    await timed(() => chat.init(emulator.apiKey, { id: USER_ID }, token), into);
    await chat.disconnectUser();
    await emulator.faults.waitForConnectionCount(0);
  };

  try {
    const discarded: ConnectTimes = { wall: [], cpu: [] };
    for (let i = 0; i < warmup; i++) {
      await connectRaw(discarded);
      await connectLibrary(discarded);
    }
    for (let i = 0; i < connects; i++) {
      if (i % 2 === 0) {
        await connectRaw(raw);
        await connectLibrary(library);
      } else {
        await connectLibrary(library);
        await connectRaw(raw);
      }
    }
  } finally {
    injector.destroy();
    await emulator.close();
  }

  const labels = { subjectName: 'ChatClientService.init()', referenceName: 'raw connectUser()' };
  return {
    name: '1. Connect overhead',
    figures: [
      pairedFigure(
        { ...labels, figure: 'connect time (wall)', unit: 'ms' },
        library.wall,
        raw.wall,
      ),
      pairedFigure({ ...labels, figure: 'connect CPU time', unit: 'ms' }, library.cpu, raw.cpu),
    ],
    notes: [
      `${connects} connects each (after ${warmup} warm-up connects each), alternating which goes first; ` +
        'wall time from the call until it resolves (first health.check received), each creating ' +
        'its own client (the raw side times `new StreamChat()` too, as init() builds one), with a static token, against one in-process emulator. The ratio is the median of ' +
        'the paired ratios. CPU time is that of this process (client and emulator alike), which other ' +
        'work on a shared machine disturbs less than wall time.',
    ],
  };
}

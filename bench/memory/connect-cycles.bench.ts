import { ChannelService, ChatClientService, streamChatSingletonFactory } from 'ngx-stream-chat';
import { StreamChat } from 'stream-chat';
import { CONNECT_TIMEOUT_MS } from '../support/emulator-clients';
import { unpairedFigure } from '../support/figures';
import { libraryInjector } from '../support/library-injector';
import { RemoteEmulator, startEmulatorProcess } from '../support/remote-emulator';
import { BenchmarkReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { summarize } from '../support/statistics';
import { CycleMeasurements, heapGrowth, measureCycles } from './memory-cycles';

const ALICE = 'memory-alice';
const BOB = 'memory-bob';

/** Every listener registered on a client, over all event types. */
function listenerCount(client: StreamChat | undefined): number {
  return Object.values(client?.listeners ?? {}).reduce((sum, list) => sum + list.length, 0);
}

/**
 * The same cycles on one raw client, reused as the singleton is: connectUser, queryChannels
 * (watching), disconnectUser, for alice then bob. The reference for heap growth.
 */
async function rawCycles(
  emulator: RemoteEmulator,
  cycles: number,
  early: number,
): Promise<CycleMeasurements> {
  const client = new StreamChat(emulator.apiKey, {
    baseURL: emulator.url,
    allowServerSideConnect: true,
  });
  client.defaultWSTimeout = CONNECT_TIMEOUT_MS;
  const connect = async (userId: string) => {
    await client.connectUser({ id: userId }, emulator.createToken(userId));
    await client.queryChannels({ members: { $in: [userId] } }, {}, { presence: false });
  };
  return measureCycles(cycles, early, async () => {
    await connect(ALICE);
    await client.disconnectUser();
    await connect(BOB);
    const listeners = listenerCount(client);
    await client.disconnectUser();
    return listeners;
  });
}

/**
 * ngx-stream-chat's cycles on the StreamChat.getInstance singleton (the library's default):
 * init(alice) and ChannelService.init(), init(bob) (the services drop alice's session
 * themselves) and ChannelService.init(), then disconnectUser().
 */
async function libraryCycles(
  emulator: RemoteEmulator,
  cycles: number,
  early: number,
): Promise<CycleMeasurements & { listenersAfterDisconnect: number }> {
  const injector = libraryInjector(emulator, { clientFactory: streamChatSingletonFactory });
  const chat = injector.get(ChatClientService);
  const channels = injector.get(ChannelService);
  const singleton = StreamChat.getInstance(emulator.apiKey, {
    baseURL: emulator.url,
    allowServerSideConnect: true,
  });
  singleton.defaultWSTimeout = CONNECT_TIMEOUT_MS;
  const subscriptions = [chat.user$.subscribe(), channels.channels$.subscribe()];
  const connect = async (userId: string) => {
    await chat.init(emulator.apiKey, userId, emulator.createToken(userId));
    await channels.init({ members: { $in: [userId] } }, undefined, { presence: false });
  };
  try {
    const measurements = await measureCycles(cycles, early, async () => {
      await connect(ALICE);
      await connect(BOB);
      const listeners = listenerCount(chat.chatClient);
      await chat.disconnectUser();
      return listeners;
    });
    return { ...measurements, listenersAfterDisconnect: listenerCount(chat.chatClient) };
  } finally {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    injector.destroy();
  }
}

/**
 * 3. Memory: heap and the client's listener count after 1,000 connect/switch/disconnect cycles,
 * against the same after 10; and the heap's growth over those cycles against a raw client doing
 * the same. The emulator runs in its own process, so its heap is not counted.
 */
export async function run(mode: RunMode): Promise<BenchmarkReport> {
  const cycles = bySize(mode, 1000, 40);
  const early = 10;
  const emulator = await startEmulatorProcess({
    users: [{ id: ALICE }, { id: BOB }],
    channels: [
      { type: 'messaging', id: 'memory-a', created_by_id: ALICE, members: [ALICE, BOB] },
      { type: 'messaging', id: 'memory-b', created_by_id: BOB, members: [ALICE, BOB] },
    ],
  });
  try {
    const raw = await rawCycles(emulator, cycles, early);
    const library = await libraryCycles(emulator, cycles, early);
    const openSockets = await emulator.connectionCount();
    const after = (count: number) => `after ${count} cycles`;
    const mib = (values: number[]) => summarize(values).median.toFixed(1);
    return {
      name: '3. Memory',
      figures: [
        unpairedFigure(
          {
            figure: 'heap used after GC',
            unit: 'MiB',
            subjectName: after(cycles),
            referenceName: after(early),
          },
          library.heapLate,
          library.heapEarly,
        ),
        unpairedFigure(
          {
            figure: `heap growth, cycle ${cycles >= 100 ? Math.floor(cycles / 2) : early} to ${cycles}`,
            unit: 'MiB',
            subjectName: 'ngx-stream-chat',
            referenceName: 'raw stream-chat client',
          },
          heapGrowth(library),
          heapGrowth(raw),
        ),
        unpairedFigure(
          {
            figure: 'client listeners while connected',
            unit: 'count',
            subjectName: after(cycles),
            referenceName: after(early),
          },
          [library.reportedLate],
          [library.reportedEarly],
        ),
      ],
      notes: [
        `A library cycle is init(alice) and ChannelService.init(), init(bob) (the services drop ` +
          `alice's session themselves) and ChannelService.init(), then disconnectUser(), on the ` +
          `StreamChat.getInstance singleton (the library's default factory), with user$ and ` +
          `channels$ subscribers; each user has two channels. The raw cycle does the same with ` +
          `connectUser, queryChannels and disconnectUser on one client, first, in the same process. ` +
          `${cycles} cycles took ${library.seconds.toFixed(1)} s (raw ${raw.seconds.toFixed(1)} s). ` +
          `Heap: 5 samples after full GCs (node --expose-gc), once the connect timers of the last ` +
          `cycles have run out; library ${mib(library.heapEarly)} → ${library.heapHalfway.toFixed(1)} ` +
          `(halfway) → ${mib(library.heapLate)} MiB, raw ${mib(raw.heapEarly)} → ` +
          `${raw.heapHalfway.toFixed(1)} → ${mib(raw.heapLate)} MiB; the emulator runs in its own ` +
          `process. Listeners: every entry of client.listeners while bob is connected (the ` +
          `services' own); ${library.listenersAfterDisconnect} left after the last ` +
          `disconnectUser(). Sockets left open on the emulator at the end: ${openSockets}.`,
      ],
    };
  } finally {
    await emulator.stop();
  }
}

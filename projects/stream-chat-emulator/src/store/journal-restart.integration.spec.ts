import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Channel, StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../emulator';
import { SeedData } from './seed-schema';
import { ClientPool, customFields } from '../../test/client-harness';

/** A small deterministic random source (mulberry32): a failure names its seed. */
class SeededRandom {
  constructor(private state: number) {}

  /** A whole number in [0, n). */
  below(n: number): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  }

  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

const SEED: SeedData = {
  users: [{ id: 'alice' }, { id: 'bob' }, { id: 'carol' }],
  channels: [
    { type: 'messaging', id: 'room', created_by_id: 'alice', members: ['alice', 'bob'] },
    { type: 'team', id: 'team-room', created_by_id: 'bob', members: ['alice', 'bob'] },
  ],
};

/** Ids that are valid but unusual: `!`, `-`, `_`, digits first, long. */
const ODD_IDS = ['m', '0-0', 'a!b', '__x__', 'Z-9_!', 'x'.repeat(120)];

interface Actors {
  alice: StreamChat;
  bob: StreamChat;
  server: StreamChat;
  channels: Record<'alice' | 'bob', Channel[]>;
}

/** Sent messages, by id, with their author. */
type Sent = Map<string, 'alice' | 'bob'>;

/** One random operation through the unmodified client; refusals are fine (nothing changes). */
async function randomOperation(random: SeededRandom, actors: Actors, sent: Sent, step: number) {
  const who = random.pick(['alice', 'bob'] as const);
  const client = actors[who];
  const channel = random.pick(actors.channels[who]);
  const ids = [...sent.keys()];
  const someMessage = ids.length > 0 ? random.pick(ids) : undefined;
  const id = `${random.pick(ODD_IDS)}-${step}`.slice(0, 255);
  switch (random.below(14)) {
    case 0:
    case 1:
    case 2:
      await channel.sendMessage({ id, text: `text ${step}`, ...customFields({ mood: step }) });
      sent.set(id, who);
      return;
    case 3:
      if (someMessage) {
        await channel.sendMessage({
          id,
          text: `reply ${step}`,
          parent_id: someMessage,
          show_in_channel: random.below(2) === 0,
        });
        sent.set(id, who);
      }
      return;
    case 4:
      if (someMessage) {
        await actors[sent.get(someMessage) ?? who].updateMessage({
          id: someMessage,
          text: `edited ${step}`,
        });
      }
      return;
    case 5:
      if (someMessage) {
        await actors[sent.get(someMessage) ?? who].deleteMessage(
          someMessage,
          random.below(2) === 0,
        );
      }
      return;
    case 6:
      if (someMessage) {
        await channel.sendReaction(someMessage, { type: random.pick(['like', 'love', 'haha']) });
      }
      return;
    case 7:
      if (someMessage) {
        await channel.deleteReaction(someMessage, 'like');
      }
      return;
    case 8:
      await channel.sendFile(Buffer.from(`file ${step}`), `f${step}.txt`, 'text/plain');
      return;
    case 9:
      await actors.server.partialUpdateUser({
        id: who,
        set: customFields({ nickname: `n${step}` }),
        unset: customFields(random.below(3) === 0 ? ['nickname'] : []),
      });
      return;
    case 10:
      if (random.below(2) === 0) {
        await channel.addMembers(['carol']);
      } else {
        await channel.removeMembers(['carol']);
      }
      return;
    case 11:
      await channel.markRead();
      return;
    case 12:
      if (someMessage) {
        await client.pinMessage(someMessage);
      }
      return;
    default:
      await channel.updatePartial({ set: customFields({ topic: `t${step}` }) });
      return;
  }
}

describe('restart from a data file and its journal (property)', () => {
  let directory: string;
  const emulators: RunningEmulator[] = [];
  let current: RunningEmulator | undefined;
  const pool = new ClientPool(() => current as RunningEmulator);

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'stream-chat-emulator-journal-'));
  });
  afterEach(async () => {
    await pool.disconnectAll().catch(() => undefined);
    for (const emulator of emulators.splice(0)) {
      await emulator.close().catch(() => undefined);
    }
    rmSync(directory, { recursive: true, force: true });
  });

  const start = async (dataFile: string): Promise<RunningEmulator> => {
    const emulator = await startEmulator({ port: 0, quiet: true, dataFile, seed: SEED });
    emulators.push(emulator);
    return emulator;
  };

  const seeds = process.env['JOURNAL_SEED'] ? [Number(process.env['JOURNAL_SEED'])] : [1, 2, 3];
  it.each(seeds)(
    'gives the same state back, with and without a clean close (seed %i)',
    async (seed) => {
      const random = new SeededRandom(seed);
      const dataFile = join(directory, `state-${seed}.json`);
      current = await start(dataFile);
      const alice = await pool.connected('alice');
      const bob = await pool.connected('bob');
      const channelsOf = async (client: StreamChat) =>
        client.queryChannels({ members: { $in: [client.userID as string] } });
      const actors: Actors = {
        alice,
        bob,
        server: pool.server(),
        channels: { alice: await channelsOf(alice), bob: await channelsOf(bob) },
      };
      const sent: Sent = new Map();
      for (let step = 0; step < 80; step++) {
        await randomOperation(random, actors, sent, step).catch(() => undefined);
      }
      // Every answered change is on disk: a second emulator reads the files as after a crash.
      const beforeCrash = current.snapshot();
      const afterCrash = await start(dataFile);
      expect({ seed, state: afterCrash.snapshot() }).toEqual({ seed, state: beforeCrash });
      await afterCrash.close();

      // The first one closes cleanly (writing the data file), a third one starts from it.
      await pool.disconnectAll();
      await current.close();
      const beforeClose = current.snapshot();
      current = await start(dataFile);
      expect({ seed, state: current.snapshot() }).toEqual({ seed, state: beforeClose });
    },
  );
});

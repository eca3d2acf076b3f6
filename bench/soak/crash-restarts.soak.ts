import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamChat } from 'stream-chat';
import { SoakReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { equals } from './soak-checks';
import { SeededRandom } from './seeded-random';

/**
 * The emulator's command line, from this checkout's sources, run through tsx (`CRASH_SOAK_CLI`
 * names another, e.g. an older checkout's `src/cli.ts` or a compiled bin, to compare).
 */
const CLI =
  process.env['CRASH_SOAK_CLI'] ??
  join(__dirname, '..', '..', 'projects', 'stream-chat-emulator', 'src', 'cli.ts');
const API_KEY = 'crash-key';
const API_SECRET = 'crash-secret';

interface RunningCli {
  child: ChildProcess;
  url: string;
}

/** Starts the CLI with `--data`; resolves with its URL, rejects when it exits before listening. */
function startCli(dataFile: string, log: string[]): Promise<RunningCli> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      '--port',
      '0',
      '--data',
      dataFile,
      '--api-key',
      API_KEY,
      '--api-secret',
      API_SECRET,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString().trim()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        resolve({ child, url: match[1] });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`the emulator exited with ${code}: ${log.join(' ')}`)),
    );
  });
}

function kill(cli: RunningCli): Promise<void> {
  return new Promise((resolve) => {
    if (cli.child.exitCode !== null || cli.child.signalCode !== null) {
      resolve();
      return;
    }
    cli.child.once('exit', () => resolve());
    cli.child.kill('SIGKILL');
  });
}

async function connect(url: string, userId: string): Promise<StreamChat> {
  const client = new StreamChat(API_KEY, { baseURL: url, allowServerSideConnect: true });
  await client.connectUser({ id: userId }, client.devToken(userId));
  return client;
}

/**
 * Two users chat through the unmodified client against the emulator's CLI with `--data`; the
 * process is killed with SIGKILL at a random moment of each round (while messages are in
 * flight), then restarted from its files, until the whole chat is sent; sends the kill cut
 * short are sent again with the same id. Passes when every restart loads and every message
 * whose send was answered is there afterwards.
 */
export async function run(mode: RunMode): Promise<SoakReport> {
  const rounds = bySize(mode, 20, 3);
  const totalMessages = bySize(mode, 2000, 200);
  const perRound = Math.ceil(totalMessages / rounds);
  const random = new SeededRandom(20240611);
  const started = Date.now();
  const directory = mkdtempSync(join(tmpdir(), 'stream-chat-emulator-crash-'));
  const dataFile = join(directory, 'state.json');
  const log: string[] = [];
  const acknowledged = new Set<string>();
  let failedRestarts = 0;
  const lost = new Set<string>();
  let unanswered = 0;
  let sent = 0;
  /** The chat still to send, by message id; sends cut by a kill go back to its front. */
  const chat = Array.from({ length: totalMessages }, (_, index) => `m${index}`);
  const cut: string[] = [];
  try {
    for (let round = 0; round <= rounds; round++) {
      let cli: RunningCli;
      try {
        cli = await startCli(dataFile, log);
      } catch (error) {
        failedRestarts++;
        log.push(String(error));
        break;
      }
      const server = new StreamChat(API_KEY, API_SECRET, { baseURL: cli.url });
      if (round === 0) {
        await server.upsertUsers([{ id: 'ann' }, { id: 'ben' }]);
        await server
          .channel('messaging', 'crash', { created_by_id: 'ann', members: ['ann', 'ben'] })
          .create();
      }
      // Every message answered before a crash must be there after it.
      const state = await server.get<{ channels: { messages?: { id: string }[] }[] }>(
        `${cli.url}/admin/state`,
      );
      const present = new Set(
        state.channels.flatMap((channel) => channel.messages ?? []).map((message) => message.id),
      );
      [...acknowledged].filter((id) => !present.has(id)).forEach((id) => lost.add(id));
      if (round === rounds) {
        await kill(cli);
        break;
      }
      const ann = await connect(cli.url, 'ann');
      const ben = await connect(cli.url, 'ben');
      const channels = [ann.channel('messaging', 'crash'), ben.channel('messaging', 'crash')];
      await Promise.all(channels.map((channel) => channel.watch()));
      // Kill after a random number of this round's sends; the last round sends what is left.
      const last = round === rounds - 1;
      const killAfter = last ? chat.length : 1 + random.below(2 * perRound - 1);
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < killAfter && chat.length > 0; i++) {
        const id = chat.shift() as string;
        sent++;
        const send = channels[sent % 2].sendMessage({ id, text: `message ${id}` }).then(
          () => {
            acknowledged.add(id);
          },
          (error: { code?: number }) => {
            // Sent again after a crash: code 4 "already exists" means it was saved.
            if (error.code === 4) {
              acknowledged.add(id);
            } else {
              unanswered++;
              cut.push(id);
            }
          },
        );
        inFlight.push(send);
        // Two users each with a few messages in flight.
        if (inFlight.length >= 4) await inFlight.shift();
      }
      if (last) {
        // The end of the chat is answered before this round's kill.
        await Promise.allSettled(inFlight);
      }
      const killed = kill(cli);
      await Promise.allSettled(inFlight);
      await killed;
      // Sends the kill cut short are sent again, with the same id, after the restart.
      chat.unshift(...cut.splice(0));
      await Promise.all([ann.disconnectUser(0), ben.disconnectUser(0)]).catch(() => undefined);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return {
    name: 'crash-restarts',
    checks: [
      equals('acknowledged messages lost', lost.size),
      equals('restarts that failed to load', failedRestarts),
    ],
    details: {
      rounds,
      'chat messages': totalMessages,
      'messages sent (with resends)': sent,
      'messages acknowledged': acknowledged.size,
      'messages never acknowledged': totalMessages - acknowledged.size,
      'sends cut by the kill': unanswered,
      ...(failedRestarts > 0 ? { log: log.slice(-3).join(' | ') } : {}),
    },
    durationMs: Date.now() - started,
  };
}

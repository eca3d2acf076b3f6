/*
 * `npx tsx --tsconfig tsconfig.spec.json bench/persistence-latency.ts [--smoke]`: the cost of
 * saving under a sustained send load at 30,000 stored messages. An emulator with a data file
 * holds 30,000 messages; two users send messages (4 in flight) while a server client reads
 * `GET /app` every 20 ms. Prints send and `/app` latency percentiles, and the data file's size.
 * `EMULATOR_SOURCES=/path/to/projects/stream-chat-emulator/src` measures another checkout.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamChat } from 'stream-chat';
import type {
  SeedData,
  startEmulator as StartEmulator,
} from '../projects/stream-chat-emulator/src';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function seedWith(messages: number): SeedData {
  const start = Date.parse('2024-01-01T00:00:00.000Z');
  return {
    users: [{ id: 'ann' }, { id: 'ben' }],
    channels: [
      {
        type: 'messaging',
        id: 'load',
        created_by_id: 'ann',
        members: ['ann', 'ben'],
        messages: Array.from({ length: messages }, (_, i) => ({
          id: `seeded-${i}`,
          user_id: i % 2 ? 'ann' : 'ben',
          text: `seeded message ${i} with a little text to make it realistic`,
          created_at: new Date(start + i * 1000).toISOString(),
        })),
      },
    ],
  };
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const sources = process.env['EMULATOR_SOURCES'] ?? '../projects/stream-chat-emulator/src';
  const { startEmulator } = (await import(sources)) as { startEmulator: typeof StartEmulator };
  const directory = mkdtempSync(join(tmpdir(), 'stream-chat-emulator-latency-'));
  const dataFile = join(directory, 'state.json');
  const emulator = await startEmulator({
    port: 0,
    quiet: true,
    dataFile,
    seed: seedWith(smoke ? 3000 : 30_000),
  });
  const connect = async (id: string) => {
    const client = new StreamChat(emulator.apiKey, { baseURL: emulator.url });
    await client.connectUser({ id }, emulator.createToken(id));
    return client;
  };
  const clients = [await connect('ann'), await connect('ben')];
  const channels = clients.map((client) => client.channel('messaging', 'load'));
  await Promise.all(channels.map((channel) => channel.watch({ messages: { limit: 1 } })));
  const server = new StreamChat(emulator.apiKey, emulator.apiSecret, { baseURL: emulator.url });
  const sends: number[] = [];
  const appReads: number[] = [];
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const started = performance.now();
      await server.getAppSettings();
      appReads.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const total = smoke ? 200 : 2000;
  let next = 0;
  const sender = async (lane: number) => {
    while (next < total) {
      const i = next++;
      const started = performance.now();
      await channels[lane % 2].sendMessage({ text: `load ${i}` });
      sends.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all([0, 1, 2, 3].map(sender));
  const elapsed = performance.now() - started;
  // What a compaction does synchronously: the whole state serialized (median of 5).
  const serializations = Array.from({ length: 5 }, () => {
    const begun = performance.now();
    JSON.stringify(emulator.snapshot());
    return performance.now() - begun;
  });
  reading = false;
  await reader;
  await Promise.all(clients.map((client) => client.disconnectUser(0)));
  await emulator.close();
  const size = statSync(dataFile).size;
  rmSync(directory, { recursive: true, force: true });
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    JSON.stringify(
      {
        sources,
        messages: smoke ? 3000 : 30_000,
        sends: total,
        'sends/s': Math.round(total / (elapsed / 1000)),
        'send p50': ms(percentile(sends, 50)),
        'send p99': ms(percentile(sends, 99)),
        'send max': ms(Math.max(...sends)),
        '/app reads': appReads.length,
        '/app p99': ms(percentile(appReads, 99)),
        '/app max': ms(Math.max(...appReads)),
        'data file MB': (size / 1e6).toFixed(1),
        'full serialization (compaction stall)': ms(percentile(serializations, 50)),
      },
      null,
      2,
    ),
  );
}

void main();

/*
 * The child side of startEmulatorProcess: receives its seed, starts an emulator, reports where it
 * listens, answers calls from the parent, and exits when the parent goes away or asks it to stop.
 */
import { SeedData, startEmulator } from 'stream-chat-emulator';

/** A call from the parent. */
export type EmulatorCall =
  | { id: number; method: 'stop' }
  | { id: number; method: 'connectionCount'; userId?: string }
  | { id: number; method: 'dropSockets'; userId?: string; code?: number }
  | { id: number; method: 'heapUsed' };

/** What the child sends when it is ready. */
export interface EmulatorReady {
  ready: true;
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** The parent's first message: the seed (too large for a command-line argument). */
function receiveSeed(): Promise<SeedData> {
  return new Promise((resolve) => process.once('message', (seed: SeedData) => resolve(seed)));
}

async function main(): Promise<void> {
  const seed = await receiveSeed();
  const emulator = await startEmulator({ port: 0, quiet: true, seed });
  const ready: EmulatorReady = {
    ready: true,
    url: emulator.url,
    apiKey: emulator.apiKey,
    apiSecret: emulator.apiSecret,
  };
  process.send?.(ready);
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
  process.on('message', (call: EmulatorCall) => {
    const answer = (value: unknown) => process.send?.({ id: call.id, value });
    switch (call.method) {
      case 'stop':
        void emulator.close().then(() => {
          answer(true);
          process.exit(0);
        });
        return;
      case 'connectionCount':
        answer(emulator.faults.connectionCount(call.userId));
        return;
      case 'dropSockets':
        answer(emulator.faults.dropSockets({ userId: call.userId, code: call.code }));
        return;
      case 'heapUsed':
        global.gc?.();
        answer(process.memoryUsage().heapUsed);
        return;
    }
  });
}

void main();

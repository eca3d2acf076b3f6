/*
 * The emulator side of the scale benchmark, in a process of its own: builds a large seed in
 * memory (one channel with many messages and a long thread, plus many small channels), starts
 * the emulator from this checkout's sources with it, and answers memory probes from the parent.
 */
import { startEmulator } from '../../projects/stream-chat-emulator/src';
import { ScaleCall, ScaleMemory, ScaleReady, ScaleSeedSize, scaleSeed } from './scale-seed';

function receiveSize(): Promise<{ size: ScaleSeedSize; maxSocketBufferBytes: number }> {
  return new Promise((resolve) => process.once('message', resolve));
}

async function main(): Promise<void> {
  const { size, maxSocketBufferBytes } = await receiveSize();
  const started = performance.now();
  const emulator = await startEmulator({
    port: 0,
    quiet: true,
    seed: scaleSeed(size),
    maxSocketBufferBytes,
  });
  const ready: ScaleReady = {
    ready: true,
    url: emulator.url,
    apiKey: emulator.apiKey,
    apiSecret: emulator.apiSecret,
    seedMs: performance.now() - started,
  };
  process.send?.(ready);
  let peak: ScaleMemory = { heapUsed: 0, rss: 0 };
  let sampler: NodeJS.Timeout | undefined;
  const sample = () => {
    const usage = process.memoryUsage();
    peak = {
      heapUsed: Math.max(peak.heapUsed, usage.heapUsed),
      rss: Math.max(peak.rss, usage.rss),
    };
  };
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
  process.on('message', (call: ScaleCall) => {
    const answer = (value: unknown) => process.send?.({ id: call.id, value });
    switch (call.method) {
      case 'stop':
        void emulator.close().then(() => {
          answer(true);
          process.exit(0);
        });
        return;
      case 'memory': {
        if (call.gc) {
          global.gc?.();
        }
        const { heapUsed, rss } = process.memoryUsage();
        answer({ heapUsed, rss });
        return;
      }
      case 'peakStart':
        peak = { heapUsed: 0, rss: 0 };
        sample();
        sampler = setInterval(sample, 5);
        answer(true);
        return;
      case 'peakStop':
        clearInterval(sampler);
        sample();
        answer(peak);
        return;
    }
  });
}

void main();

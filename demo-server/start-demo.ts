/**
 * `npm start`: builds the library, starts the emulator and the token endpoint that
 * `public/chat-backend.json` points at (when they are local), and serves the demo with
 * `ng serve` at http://localhost:4200. Ctrl-C stops everything it started.
 *
 * The local emulator keeps its data in `.demo-data/` (git-ignored), so messages survive a restart;
 * the first run, and `npm start -- --fresh`, start from the demo's seed (`demo-seed.ts`).
 *
 * Environment: `STREAM_API_SECRET` signs tokens (the emulator's secret by default; required
 * when the token endpoint is local and the backend is Stream's cloud). Other arguments after
 * `--` go to `ng serve`, e.g. `npm start -- --port 4300`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_API_SECRET, RunningEmulator, startEmulator } from 'stream-chat-emulator';
import { ChatBackend, isLocalBackend, parseChatBackend } from '../src/app/chat-backend';
import { RunningChild, WORKSPACE_ROOT, startNg, stopChild } from './child-processes';
import { DEMO_DATA_FOLDER, FRESH_FLAG, parseStartArguments, prepareDemoData } from './demo-data';
import { demoSeed } from './demo-seed';
import { RunningTokenEndpoint, startTokenEndpoint } from './token-endpoint';

const BACKEND_FILE = join(WORKSPACE_ROOT, 'public', 'chat-backend.json');

function log(message: string): void {
  process.stdout.write(`[demo] ${message}\n`);
}

function readBackend(): ChatBackend {
  return parseChatBackend(JSON.parse(readFileSync(BACKEND_FILE, 'utf8')));
}

function isLoopback(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}

function portOf(url: string): number {
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

function explainListenError(error: unknown, what: string, url: string): Error {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new Error(
      `${what} cannot listen on ${url}: the port is in use. Is another "npm start" running? ` +
        'Stop it, or change the port in public/chat-backend.json.',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Everything `npm start` started, stopped in reverse order. */
class DemoProcesses {
  emulator: RunningEmulator | undefined;
  tokenEndpoint: RunningTokenEndpoint | undefined;
  ng: RunningChild | undefined;
  private stopping: Promise<void> | undefined;

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await stopChild(this.ng);
      await this.tokenEndpoint?.close();
      await this.emulator?.close();
    })();
    return this.stopping;
  }
}

const processes = new DemoProcesses();

async function main(): Promise<void> {
  const backend = readBackend();
  const args = parseStartArguments(process.argv.slice(2));
  let exitCode = 0;
  const shutDown = (signal: NodeJS.Signals) => {
    log(`${signal} received, stopping everything`);
    processes.stop().then(
      () => process.exit(exitCode),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);

  log('building the library (ng build ngx-stream-chat)');
  processes.ng = startNg(['build', 'ngx-stream-chat']);
  const buildCode = await processes.ng.exited;
  processes.ng = undefined;
  if (buildCode !== 0) {
    throw new Error(`the library build failed (exit code ${buildCode})`);
  }

  const localEmulator = isLocalBackend(backend);
  const apiSecret = process.env['STREAM_API_SECRET'] ?? (localEmulator ? DEFAULT_API_SECRET : '');
  if (localEmulator && backend.baseURL) {
    const data = prepareDemoData(WORKSPACE_ROOT, args.fresh);
    processes.emulator = await startEmulator({
      dataFile: data.path,
      seed: demoSeed(),
      port: portOf(backend.baseURL),
      host: new URL(backend.baseURL).hostname.replace(/^\[|\]$/g, ''),
      apiKey: backend.apiKey,
      apiSecret,
      quiet: true,
    }).catch((error: unknown) => {
      throw explainListenError(error, 'The emulator', backend.baseURL!);
    });
    log(`emulator (users alice, bob, carol) at ${processes.emulator.url}`);
    log(
      data.existed
        ? `kept the data saved in ${DEMO_DATA_FOLDER}/ (npm start -- ${FRESH_FLAG} starts clean)`
        : `started from the demo seed; data is saved in ${DEMO_DATA_FOLDER}/`,
    );
  }
  if (isLoopback(backend.tokenEndpoint)) {
    if (!apiSecret) {
      throw new Error(
        'the token endpoint signs tokens with your app secret: set STREAM_API_SECRET, ' +
          'or point "tokenEndpoint" in public/chat-backend.json at your own backend.',
      );
    }
    const endpointUrl = new URL(backend.tokenEndpoint);
    processes.tokenEndpoint = await startTokenEndpoint({
      apiKey: backend.apiKey,
      apiSecret,
      port: portOf(backend.tokenEndpoint),
      host: endpointUrl.hostname.replace(/^\[|\]$/g, ''),
    }).catch((error: unknown) => {
      throw explainListenError(error, 'The token endpoint', backend.tokenEndpoint);
    });
    log(`token endpoint ("your own backend") at ${processes.tokenEndpoint.tokenUrl}`);
  }
  if (!localEmulator) {
    log(`using ${backend.baseURL ?? "Stream's cloud"} with API key ${backend.apiKey}`);
  }

  processes.ng = startNg(['serve', 'demo', '--port', '4200', ...args.ngServeArgs]);
  exitCode = (await processes.ng.exited) ?? 0;
  await processes.stop();
  process.exit(exitCode);
}

main().catch(async (error: unknown) => {
  process.stderr.write(`[demo] ${error instanceof Error ? error.message : String(error)}\n`);
  await processes.stop().catch(() => undefined);
  process.exit(1);
});

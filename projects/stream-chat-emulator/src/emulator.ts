import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { mintUserToken, mintServerToken } from './auth/guest-token';
import { TokenRevocations } from './auth/token-revocations';
import { TokenVerifier } from './auth/token-verifier';
import { AppSettings } from './auth/app-settings';
import { CoreServices, EmulatorServices } from './services/emulator-services';
import {
  DEFAULT_API_KEY,
  DEFAULT_API_SECRET,
  DEFAULT_HOST,
  DEFAULT_PORT,
  EmulatorOptions,
} from './emulator-options';
import { ChannelWatching } from './fanout/channel-watching';
import { EventFanout } from './fanout/event-fanout';
import { PresenceTracker } from './fanout/presence';
import { EmulatorFaults, createEmulatorFaults } from './faults/emulator-faults';
import { ConnectionRefusals } from './faults/connection-refusals';
import { RequestFaults } from './faults/request-faults';
import { SaveFaults } from './faults/save-faults';
import { allFeatures } from './features/all-features';
import { createRequestHandler } from './http/request-handler';
import { coreRoutes } from './http/routes/all-routes';
import { MessageResponse, messageResponse } from './responses/message-responses';
import { ChatStore } from './store/chat-store';
import { DataFilePersister } from './store/data-file';
import { dataFileExists, readDataFile, readJsonFile } from './store/data-file-reading';
import { loadSeed } from './store/seed-loader';
import { SeedData } from './store/seed-schema';
import { snapshotState } from './store/state-snapshot';
import { SessionRegistry } from './sessions/session-registry';
import { SocketServer } from './ws/socket-server';

/** Where the bundled default seed lives. */
export const DEFAULT_SEED_PATH = join(__dirname, '..', 'seed', 'default-seed.json');

/** Options of {@link RunningEmulator.createToken}. */
export interface CreateTokenOptions {
  /** Seconds until the token expires (sets `exp`). */
  expiresInSeconds?: number;
  /** The `iat` claim, in seconds since the epoch. */
  issuedAt?: number;
}

/** A started emulator. */
export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:41234` (no trailing slash): the client's `baseURL`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The API key clients must use. */
  apiKey: string;
  /** The API secret (for `new StreamChat(apiKey, apiSecret, {baseURL})` server clients). */
  apiSecret: string;
  /** Fault injection and connection counts. */
  faults: EmulatorFaults;
  /** The live state, for assertions (treat as read-only; change it through the API). */
  store: ChatStore;
  /** The messages of a channel (thread replies included), oldest first, as the API returns them; `[]` for an unknown cid. */
  messages(cid: string): MessageResponse[];
  /** The whole state in the seed format (what `--data` files hold). */
  snapshot(): SeedData;
  /** Signs a user token with the app secret (payload free of `-` and `_`). */
  createToken(userId: string, options?: CreateTokenOptions): string;
  /** Signs a server token (`{server: true}`), e.g. for the `/admin` endpoints. */
  createServerToken(): string;
  /** Closes every socket and the server, and saves the data file. Safe to call twice. */
  close(): Promise<void>;
}

function loadInitialState(
  store: ChatStore,
  options: EmulatorOptions,
  log: (message: string) => void,
): boolean {
  if (options.dataFile && !dataFileExists(dirname(resolve(options.dataFile)))) {
    throw new Error(
      `stream-chat-emulator: the folder of data file ${options.dataFile} does not exist`,
    );
  }
  const saved = options.dataFile ? readDataFile(options.dataFile, log) : undefined;
  if (options.dataFile && saved !== undefined) {
    loadSeed(store, saved, options.dataFile);
    return true;
  }
  const seed = options.seed ?? DEFAULT_SEED_PATH;
  if (typeof seed === 'string') {
    loadSeed(store, readJsonFile(seed), seed);
  } else {
    loadSeed(store, seed, 'seed object');
  }
  return false;
}

/**
 * Starts an emulator: an HTTP + WebSocket server that speaks Stream Chat's protocol.
 *
 * @example
 * const emulator = await startEmulator({ port: 0 });
 * const client = new StreamChat(emulator.apiKey, { baseURL: emulator.url });
 * await client.connectUser({ id: 'alice' }, client.devToken('alice'));
 * // ...
 * await client.disconnectUser(0);
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const port = options.port ?? DEFAULT_PORT;
  if (port === 3030) {
    throw new Error(
      'stream-chat-emulator: port 3030 cannot be used (stream-chat moves WebSockets on :3030 to :8800)',
    );
  }
  const { maxSocketBufferBytes } = options;
  if (
    maxSocketBufferBytes !== undefined &&
    (!Number.isInteger(maxSocketBufferBytes) || maxSocketBufferBytes < 1)
  ) {
    throw new Error('stream-chat-emulator: maxSocketBufferBytes must be a positive whole number');
  }
  const host = options.host ?? DEFAULT_HOST;
  const app: AppSettings = {
    apiKey: options.apiKey ?? DEFAULT_API_KEY,
    apiSecret: options.apiSecret ?? DEFAULT_API_SECRET,
    devTokens: options.devTokens ?? true,
  };
  const log = options.quiet
    ? () => undefined
    : (message: string) => process.stderr.write(`[stream-chat-emulator] ${message}\n`);
  const store = new ChatStore(allFeatures.flatMap((feature) => feature.slices ?? []));
  loadInitialState(store, options, log);
  const saveFaults = new SaveFaults();
  const persister = options.dataFile
    ? new DataFilePersister(store, options.dataFile, {
        onError: (error) => log(`cannot save ${options.dataFile}: ${error.message}`),
        log,
        injectedFailure: () => saveFaults.take(),
      })
    : undefined;
  if (persister) {
    await persister.saveNow().catch((error: unknown) => {
      persister.abandon();
      throw new Error(
        `stream-chat-emulator: cannot write data file ${options.dataFile}: ` +
          `${(error as Error).message}. Choose a path the emulator can write to.`,
      );
    });
  }
  const sessions = new SessionRegistry();
  const revocations = new TokenRevocations();
  const requestFaults = new RequestFaults();
  const connectionRefusals = new ConnectionRefusals();
  const context = { store, sessions, responseExtensions: allFeatures };
  const core: CoreServices = {
    ...context,
    app,
    verifier: new TokenVerifier({ ...app, revocations }),
    revocations,
    fanout: new EventFanout(context),
    watching: new ChannelWatching(context),
    presence: new PresenceTracker(context),
    requestFaults,
    connectionRefusals,
    hooks: allFeatures,
    saves: persister,
    log,
    ...(options.dataFile ? { uploadsFolder: `${resolve(options.dataFile)}.uploads` } : {}),
  };
  for (const hooks of core.hooks) {
    hooks.onStart?.(core);
  }
  const socketServer = new SocketServer(core, options.maxSocketBufferBytes);
  const faults = createEmulatorFaults({
    sessions,
    requestFaults,
    connectionRefusals,
    revocations,
    saveFaults,
    dropSockets: (userId, code) => socketServer.dropSockets(userId, code),
  });
  const services: EmulatorServices = { ...core, faults };
  const server = createServer(
    createRequestHandler(services, [
      ...allFeatures.flatMap((feature) => feature.routes ?? []),
      ...coreRoutes(app, faults),
    ]),
  );
  server.on('upgrade', socketServer.handleUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await persister?.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    apiKey: app.apiKey,
    apiSecret: app.apiSecret,
    faults,
    store,
    messages: (cid) =>
      (store.getChannel(cid)?.messages ?? []).map((message) => messageResponse(context, message)),
    snapshot: () => snapshotState(store),
    createToken: (userId, tokenOptions = {}) =>
      mintUserToken(userId, app.apiSecret, {
        ...(tokenOptions.issuedAt !== undefined ? { iat: tokenOptions.issuedAt } : {}),
        ...(tokenOptions.expiresInSeconds !== undefined
          ? { exp: Math.floor(Date.now() / 1000) + tokenOptions.expiresInSeconds }
          : {}),
      }),
    createServerToken: () => mintServerToken(app.apiSecret),
    close: () => {
      closing ??= (async () => {
        await socketServer.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await persister?.close();
      })();
      return closing;
    },
  };
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RunningEmulator, SeedData, startEmulator } from 'stream-chat-emulator';
import { WORKSPACE_ROOT } from '../../demo-server/child-processes';
import { RunningTokenEndpoint, startTokenEndpoint } from '../../demo-server/token-endpoint';
import { RunningStaticServer, startStaticServer } from './static-server';

/** Where `ng build demo` puts the app. */
export const DEMO_DIST = join(WORKSPACE_ROOT, 'dist', 'demo', 'browser');

/** A message as the emulator stores it, with its author. */
export interface StoredMessage {
  text: string;
  userId: string | undefined;
  role: string | undefined;
}

/** One test file's world: a fresh emulator, the token endpoint and the built demo. */
export interface DemoStack {
  /** The demo's URL. */
  appUrl: string;
  emulator: RunningEmulator;
  tokenEndpoint: RunningTokenEndpoint;
  /** The messages the emulator stores for a channel (`type:id`), oldest first. */
  storedMessages(cid: string): StoredMessage[];
  /** Stops every server. */
  close(): Promise<void>;
}

/**
 * Starts the emulator (default seed), the token endpoint and a static server for the built demo,
 * each on a free port of 127.0.0.1, with `chat-backend.json` pointing at them. The browser is
 * Playwright's (`playwright.config.ts`).
 * @param options.seed another seed than the emulator's default one.
 */
export async function startDemoStack(options: { seed?: SeedData } = {}): Promise<DemoStack> {
  if (!existsSync(join(DEMO_DIST, 'index.html'))) {
    throw new Error(`No built demo in ${DEMO_DIST}: run "npm run e2e", which builds it first.`);
  }
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    ...(options.seed ? { seed: options.seed } : {}),
  });
  let tokenEndpoint: RunningTokenEndpoint | undefined;
  let server: RunningStaticServer | undefined;
  try {
    server = await startStaticServer(DEMO_DIST, {
      '/chat-backend.json': () => ({
        apiKey: emulator.apiKey,
        baseURL: emulator.url,
        tokenEndpoint: tokenEndpoint?.tokenUrl,
      }),
    });
    tokenEndpoint = await startTokenEndpoint({
      apiKey: emulator.apiKey,
      apiSecret: emulator.apiSecret,
      port: 0,
      allowedOrigins: [server.url],
    });
  } catch (error) {
    await Promise.all([server?.close(), tokenEndpoint?.close(), emulator.close()]);
    throw error;
  }
  const started = { server, tokenEndpoint };
  return {
    appUrl: server.url,
    emulator,
    tokenEndpoint,
    storedMessages: (cid) =>
      emulator.messages(cid).map((message) => {
        const user = message['user'] as { id?: string; role?: string } | undefined;
        return { text: String(message['text'] ?? ''), userId: user?.id, role: user?.role };
      }),
    close: async () => {
      await Promise.all([started.server.close(), started.tokenEndpoint.close()]);
      await emulator.close();
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningEmulator, SeedData, startEmulator } from 'stream-chat-emulator';
import { RunningTokenEndpoint, startTokenEndpoint } from '../../demo-server/token-endpoint';

/**
 * The two servers a chat app depends on, each of which can go down and come back on the same
 * address: the chat server (the emulator, whose state is kept in a data file across restarts, as
 * a real server keeps it in its database) and the app's own token endpoint (the demo's).
 */
export class OutageServers {
  private emulatorPort = 0;
  private endpointPort = 0;
  private running: RunningEmulator | undefined;
  private endpoint: RunningTokenEndpoint | undefined;
  private credentials = { apiKey: '', apiSecret: '' };
  private readonly directory = mkdtempSync(join(tmpdir(), 'ngx-stream-chat-outages-'));
  private readonly dataFile = join(this.directory, 'state.json');

  private constructor(private readonly seed: SeedData) {}

  /** Starts both servers on free ports of 127.0.0.1. */
  static async start(seed: SeedData): Promise<OutageServers> {
    const servers = new OutageServers(seed);
    await servers.serverUp();
    await servers.endpointUp();
    return servers;
  }

  /** The chat server while it runs. */
  get emulator(): RunningEmulator {
    if (!this.running) {
      throw new Error('the chat server is down');
    }
    return this.running;
  }

  /** The chat server's URL (the same across restarts). */
  get url(): string {
    return `http://127.0.0.1:${this.emulatorPort}`;
  }

  /** The token endpoint's `GET /token` URL (the same across restarts). */
  get tokenUrl(): string {
    return `http://127.0.0.1:${this.endpointPort}/token`;
  }

  /** Starts the chat server (again), from its data file. */
  async serverUp(): Promise<void> {
    if (this.running) return;
    this.running = await startEmulator({
      port: this.emulatorPort,
      host: '127.0.0.1',
      quiet: true,
      seed: this.seed,
      dataFile: this.dataFile,
    });
    this.emulatorPort = this.running.port;
    this.credentials = { apiKey: this.running.apiKey, apiSecret: this.running.apiSecret };
  }

  /** The API key and secret (the same across restarts). */
  get apiKey(): string {
    return this.credentials.apiKey;
  }

  /** Stops the chat server: sockets closed with 1001, new connections refused. */
  async serverDown(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.close();
  }

  /** Starts the token endpoint (again). */
  async endpointUp(): Promise<void> {
    if (this.endpoint) return;
    this.endpoint = await startTokenEndpoint({
      ...this.credentials,
      port: this.endpointPort,
      allowedOrigins: () => true,
    });
    this.endpointPort = Number(new URL(this.endpoint.url).port);
  }

  /** Stops the token endpoint: calls are refused. */
  async endpointDown(): Promise<void> {
    const endpoint = this.endpoint;
    this.endpoint = undefined;
    await endpoint?.close();
  }

  /** Stops both and removes the data file. */
  async close(): Promise<void> {
    await Promise.all([this.serverDown(), this.endpointDown()]);
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** A token from the token endpoint, as an app's provider gets it: `fetch`, then `.token`. */
export async function fetchToken(tokenUrl: string, userId: string, expiresIn: number) {
  const response = await fetch(`${tokenUrl}?user_id=${userId}&expires_in=${expiresIn}`);
  if (!response.ok) {
    throw new Error(`token endpoint answered ${response.status}`);
  }
  return ((await response.json()) as { token: string }).token;
}

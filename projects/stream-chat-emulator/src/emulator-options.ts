import { SeedData } from './store/seed-schema';

/** The API key used when none is given. */
export const DEFAULT_API_KEY = 'emulator-key';
/** The API secret used when none is given. */
export const DEFAULT_API_SECRET = 'emulator-secret';
/** The port used when none is given (never 3030: the client moves WebSockets on 3030 to 8800). */
export const DEFAULT_PORT = 3100;
/** The interface bound when none is given. */
export const DEFAULT_HOST = '127.0.0.1';

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 3100. 3030 is refused. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** The API key clients must send. Default `emulator-key`. */
  apiKey?: string;
  /** The secret tokens are signed with. Default `emulator-secret`. */
  apiSecret?: string;
  /**
   * Initial state: a seed object, or the path of a seed JSON file. Default: the bundled
   * default seed (alice, bob, carol and a few channels). `{users: [], channels: []}` starts empty.
   */
  seed?: SeedData | string;
  /**
   * A JSON file that holds the state across runs: loaded at start when it exists
   * (instead of the seed), written after changes (debounced, atomically) and on close.
   */
  dataFile?: string;
  /** Whether development tokens (`client.devToken(id)`) are accepted. Default true. */
  devTokens?: boolean;
  /** Whether to stay silent (no diagnostics on stderr). Default false. */
  quiet?: boolean;
  /**
   * Most bytes of events a WebSocket may hold unsent (its reader is not reading) before it is
   * closed with code 1008 "slow consumer". Default 4 MiB.
   */
  maxSocketBufferBytes?: number;
}

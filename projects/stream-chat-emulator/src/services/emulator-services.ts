import { AppSettings } from '../auth/app-settings';
import { TokenRevocations } from '../auth/token-revocations';
import { TokenVerifier } from '../auth/token-verifier';
import { ChannelWatching } from '../fanout/channel-watching';
import { EventFanout } from '../fanout/event-fanout';
import { PresenceTracker } from '../fanout/presence';
import { EmulatorFaults } from '../faults/emulator-faults';
import { ConnectionRefusals } from '../faults/connection-refusals';
import { RequestFaults } from '../faults/request-faults';
import { WireContext } from '../responses/wire-context';
import { SaveTracker } from '../store/data-file';
import { ServiceHooks } from './service-hooks';

/** Everything the HTTP routes and the WebSocket layer work with, wired once per emulator. */
export interface EmulatorServices extends WireContext {
  app: AppSettings;
  verifier: TokenVerifier;
  revocations: TokenRevocations;
  fanout: EventFanout;
  watching: ChannelWatching;
  presence: PresenceTracker;
  requestFaults: RequestFaults;
  /** Simulated outages of the WebSocket endpoint. */
  connectionRefusals: ConnectionRefusals;
  /** The fault-injection API (also served under `/admin`). */
  faults: EmulatorFaults;
  /** The registered features' hooks into request handling. */
  hooks: readonly ServiceHooks[];
  /**
   * Tells when changes are on disk: a request that changed the store is answered once they
   * are. Absent (or resolving at once) without a data file.
   */
  saves?: SaveTracker;
  /** Writes a diagnostic line (silent when the emulator runs quiet). */
  log: (message: string) => void;
  /**
   * Where uploaded files are kept across restarts: `<data file>.uploads`, when the emulator
   * runs with a data file (created on the first upload); `undefined` keeps them in memory only.
   */
  uploadsFolder?: string;
}

/** The services without the fault API, which is built on top of the WebSocket layer. */
export type CoreServices = Omit<EmulatorServices, 'faults'>;

/**
 * What routes and feature hooks work with: the state, the connections, events, watching,
 * presence and the features' hooks. The app's secret, token verification and fault
 * injection are left out: the few routes that need one of them get it when they are made
 * (`guestRoutes(app)`, `appRoutes(app)`, `adminRoutes(faults)`).
 */
export type ChatServices = Omit<
  CoreServices,
  'app' | 'verifier' | 'revocations' | 'requestFaults' | 'connectionRefusals'
>;

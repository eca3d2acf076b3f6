import type { StableWSConnection } from 'stream-chat';

/** Whether `_reconnect` of this connection already goes through a gate. */
const GATED = Symbol('ngx-stream-chat reconnect gate');

type GatedConnection = StableWSConnection & { [GATED]?: ReconnectGate };

/** Hands the reconnect requests of one `stream-chat` socket connection to the library. */
export interface ReconnectGate {
  /** The connection whose requests the gate receives. */
  readonly connection: StableWSConnection;
  /**
   * Stops handing requests on. The connection keeps ignoring them, so a connection whose session
   * ended can never reopen a socket by itself. Idempotent.
   */
  close(): void;
}

/**
 * Takes over the reconnecting of one `stream-chat` socket connection: every time the client would
 * start one of its own reconnect loops (`StableWSConnection._reconnect`, called when the socket
 * errors or closes, when the health check fails, or on the browser's `online` event), it calls
 * `onRequest` instead, and the library's single recovery loop reconnects.
 *
 * Why: the client starts a loop on `onerror` and another on `onclose` of every failed attempt, so
 * an outage of 30 s leaves dozens of loops running in parallel, their backoff grows to 25 s, and a
 * loop whose token provider fails ends with an unhandled rejection (its `loadToken()` is awaited
 * outside its `try`), until none is left and the session stays offline for good. With the gate,
 * no loop of the client's ever runs for this connection, and nothing it does can reject unseen.
 *
 * The override is set on this one connection object (never on the class), and stays after
 * `close()`: the connection is then the ended session's, and must not reconnect.
 */
export function gateReconnects(
  connection: StableWSConnection,
  onRequest: () => void,
): ReconnectGate {
  const gated = connection as GatedConnection;
  gated[GATED]?.close();
  let open = true;
  const gate: ReconnectGate = {
    connection,
    close: () => {
      open = false;
    },
  };
  gated._reconnect = async () => {
    if (open) {
      onRequest();
    }
  };
  gated[GATED] = gate;
  return gate;
}

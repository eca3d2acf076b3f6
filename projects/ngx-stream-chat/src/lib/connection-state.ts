/**
 * Where the connection to Stream stands:
 * - `'disconnected'`: no user, before `init()` and after `disconnectUser()` or a failed `init()`;
 * - `'connecting'`: `init()` is opening the connection;
 * - `'online'`: connected and healthy;
 * - `'offline'`: a user is connected but the socket is down; the client is reconnecting.
 */
export type ConnectionState = 'disconnected' | 'connecting' | 'online' | 'offline';

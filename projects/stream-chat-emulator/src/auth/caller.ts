import { ANONYMOUS_USER_ID } from '../protocol/identifiers';

/**
 * Who makes a request:
 * - `server`: a `{server: true}` token; acts as admin and may name the acting user;
 * - `user`: a user token (users, guests and admins, told apart by `role`);
 * - `anonymous`: no token; may only read public channels.
 */
export type Caller =
  { kind: 'server' } | { kind: 'user'; userId: string; role: string } | { kind: 'anonymous' };

/** The user id the caller acts as: its own, `!anon`, or `undefined` for the server. */
export function callerUserId(caller: Caller): string | undefined {
  switch (caller.kind) {
    case 'user':
      return caller.userId;
    case 'anonymous':
      return ANONYMOUS_USER_ID;
    default:
      return undefined;
  }
}

/** Whether the caller has admin rights (server token or a user with role `admin`). */
export function isAdmin(caller: Caller): boolean {
  return caller.kind === 'server' || (caller.kind === 'user' && caller.role === 'admin');
}

import { EmulatorEndpoint } from './provide-stream-chat-testing';
import { signServerToken } from './user-token';

/** An emulator's address and secret, enough to call its `/admin` endpoints. */
export interface EmulatorAdminEndpoint extends EmulatorEndpoint {
  /** The emulator's API secret. */
  apiSecret: string;
}

/**
 * Drives a local emulator's fault injection over HTTP (`/admin/...`), from any test environment:
 * drop sockets, fail or delay requests, expire or revoke tokens, count open sockets.
 */
export class EmulatorAdmin {
  private readonly serverToken: string;

  constructor(private readonly emulator: EmulatorAdminEndpoint) {
    this.serverToken = signServerToken(emulator.apiSecret);
  }

  /** Closes every socket, or one user's, with `code` (1012 by default, which makes clients reconnect). */
  async dropSockets(options: { userId?: string; code?: number } = {}): Promise<number> {
    const body = { user_id: options.userId, code: options.code };
    return (
      ((await this.request('POST', '/admin/faults/drop-sockets', body))['closed'] as number) ?? 0
    );
  }

  /** Fails the next `count` HTTP requests with `status` (500 by default). */
  async failNextRequests(count: number, status = 500): Promise<void> {
    await this.request('POST', '/admin/faults/fail-requests', { count, status });
  }

  /** Delays the next `count` HTTP requests by `ms` milliseconds. */
  async delayNextRequests(count: number, ms: number): Promise<void> {
    await this.request('POST', '/admin/faults/delay-requests', { count, delay_ms: ms });
  }

  /** Drops pending request failures and delays. */
  async clearRequestFaults(): Promise<void> {
    await this.request('POST', '/admin/faults/clear', {});
  }

  /**
   * Simulates an outage of the emulator's WebSocket endpoint for `durationMs`: new sockets (one
   * user's, or everyone's) are refused while HTTP keeps working. Together with `dropSockets`, it
   * keeps clients offline long enough (over 5 s) for them to report `connection.changed` offline.
   */
  async refuseConnections(durationMs: number, userId?: string): Promise<void> {
    await this.request('POST', '/admin/faults/refuse-connections', {
      duration_ms: durationMs,
      user_id: userId,
    });
  }

  /** Makes the user's current tokens count as expired (code 40), so token providers are called. */
  async expireTokens(userId: string): Promise<void> {
    await this.request('POST', '/admin/tokens/expire', { user_id: userId });
  }

  /** Revokes the user's current tokens. */
  async revokeTokens(userId: string): Promise<void> {
    await this.request('POST', '/admin/tokens/revoke', { user_id: userId });
  }

  /** How many sockets are open on the emulator, for one user or in total. */
  async connectionCount(userId?: string): Promise<number> {
    const query = userId ? `&user_id=${encodeURIComponent(userId)}` : '';
    return (await this.request('GET', `/admin/connections?x=1${query}`))['count'] as number;
  }

  private request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
    const separator = path.includes('?') ? '&' : '?';
    const url = `${this.emulator.url}${path}${separator}api_key=${encodeURIComponent(this.emulator.apiKey)}`;
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('Authorization', this.serverToken);
      xhr.setRequestHeader('stream-auth-type', 'jwt');
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.onload = () => {
        const response = JSON.parse(xhr.responseText || '{}') as Record<string, unknown>;
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(response);
        } else {
          reject(
            new Error(`Emulator ${method} ${path} failed (${xhr.status}): ${xhr.responseText}`),
          );
        }
      };
      xhr.onerror = () => reject(new Error(`Emulator ${method} ${path} could not be reached`));
      xhr.send(body === undefined ? null : JSON.stringify(body));
    });
  }
}

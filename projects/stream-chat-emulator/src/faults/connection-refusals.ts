/**
 * A simulated outage of the WebSocket endpoint: until a deadline, new `/connect` upgrades
 * (from everyone, or from one user) are answered with HTTP 503, so clients stay offline and
 * retry with their backoff. HTTP routes keep working.
 */
export class ConnectionRefusals {
  private everyoneUntil = 0;
  private readonly usersUntil = new Map<string, number>();

  /** Refuses new sockets for `durationMs`, for one user or for everyone. */
  refuse(durationMs: number, userId?: string): void {
    const until = Date.now() + durationMs;
    if (userId === undefined) {
      this.everyoneUntil = until;
    } else {
      this.usersUntil.set(userId, until);
    }
  }

  /** Whether a new socket for `userId` is refused now. */
  isRefused(userId: string | undefined): boolean {
    const now = Date.now();
    const userUntil = userId === undefined ? 0 : (this.usersUntil.get(userId) ?? 0);
    return now < this.everyoneUntil || now < userUntil;
  }

  /** Ends every refusal. */
  clear(): void {
    this.everyoneUntil = 0;
    this.usersUntil.clear();
  }
}

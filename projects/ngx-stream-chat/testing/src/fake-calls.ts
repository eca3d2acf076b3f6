import { StreamChatError } from 'ngx-stream-chat';

/** The services the fakes stand in for. */
export type FakedService = 'ChatClientService' | 'ChannelService';

/** One call an app made to a fake: which service, which method, with which arguments. */
export interface FakeCall {
  /** The service called. */
  service: FakedService;
  /** The method called, such as `'sendMessage'`. */
  method: string;
  /** The arguments, as given, without trailing `undefined` ones. */
  args: readonly unknown[];
}

/**
 * The calls made to the fakes, in order, and the failures tests ask for: `failNext(method)` makes
 * the next call of that method fail as the real service fails when the server refuses.
 */
export class FakeCallLog {
  private readonly log: FakeCall[] = [];
  private readonly failures = new Map<string, StreamChatError[]>();
  private readonly holds = new Map<string, Promise<void>[]>();

  /** Every call so far, oldest first. */
  get all(): readonly FakeCall[] {
    return this.log;
  }

  /** Notes a call, with its arguments as given (trailing `undefined` ones left out). */
  record(service: FakedService, method: string, args: readonly unknown[]): void {
    let length = args.length;
    while (length > 0 && args[length - 1] === undefined) length--;
    this.log.push({ service, method, args: args.slice(0, length) });
  }

  /** The arguments of each call of `service.method`, oldest first. */
  argsOf(service: FakedService, method: string): (readonly unknown[])[] {
    return this.log
      .filter((call) => call.service === service && call.method === method)
      .map((call) => call.args);
  }

  /** Forgets the calls made so far (the failures asked for stay). */
  clear(): void {
    this.log.length = 0;
  }

  /** Makes the next call of `service.method` fail with `error`. */
  failNext(service: FakedService, method: string, error: StreamChatError): void {
    const key = `${service}.${method}`;
    this.failures.set(key, [...(this.failures.get(key) ?? []), error]);
  }

  /**
   * Holds the next call of `service.method` where the real service waits for the server, until
   * the returned function is called: meanwhile the state shows the call in flight (a message
   * `'sending'`, a query `'in-progress'`, a connection `'connecting'`).
   */
  holdNext(service: FakedService, method: string): () => void {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const key = `${service}.${method}`;
    this.holds.set(key, [...(this.holds.get(key) ?? []), held]);
    return release;
  }

  /**
   * The server's answer to the call of `service.method` being made: waits while it is held, then
   * the failure asked for, if any (used up), or `undefined` for success.
   */
  async settle(service: FakedService, method: string): Promise<StreamChatError | undefined> {
    const key = `${service}.${method}`;
    const held = this.holds.get(key)?.shift();
    if (held) await held;
    return this.failures.get(key)?.shift();
  }
}

/**
 * The error a fake rejects with for what it does not simulate, so a test never mistakes a no-op
 * for the real behaviour. Kind `'feature-not-provided'`: the fakes do not provide it.
 */
export function notSimulatedError(call: string, instead: string): StreamChatError {
  return new StreamChatError(
    'feature-not-provided',
    `${call} is not simulated by the in-memory fakes of ngx-stream-chat/testing; ${instead}`,
  );
}

/** The error a fake rejects with by default after `failNext(method)`: the server refused. */
export function serverRefusedError(call: string): StreamChatError {
  return new StreamChatError('unknown', `${call} failed: the fake server refused it (failNext).`, {
    status: 500,
  });
}

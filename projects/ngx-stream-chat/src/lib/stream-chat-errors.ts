/** What went wrong, in terms an app can act on. */
export type StreamChatErrorKind =
  /** The token has expired and no token provider could renew it. */
  | 'token-expired'
  /** The token is malformed, badly signed, revoked, or does not belong to the user. */
  | 'invalid-token'
  /** The token provider threw or returned no token. */
  | 'token-provider-failed'
  /** The API key is unknown to the server. */
  | 'invalid-api-key'
  /** The server could not be reached, or the connection dropped. */
  | 'network'
  /** The user may not do this (for example an anonymous user sending a message). */
  | 'not-allowed'
  /** An argument was wrong; nothing was sent. */
  | 'invalid-input'
  /** A later `init()` or `disconnectUser()` took over before this call finished. */
  | 'superseded'
  /** The call needs a feature that was not added to `provideStreamChat()`, such as `withThreads()`. */
  | 'feature-not-provided'
  /** Anything else the server reported. */
  | 'unknown';

/** Details carried by a `StreamChatError`. */
export interface StreamChatErrorDetails {
  /** Stream's error code (for example 40 for an expired token), when the server sent one. */
  code?: number;
  /** The HTTP status, when the server sent one. */
  status?: number;
  /** The original error, usually from `stream-chat`. */
  cause?: unknown;
}

/**
 * The one error type the library throws. `message` says what happened and what to do;
 * `kind` is stable for code to branch on; the vendor's error is kept as `cause`.
 */
export class StreamChatError extends Error {
  /** What went wrong. */
  readonly kind: StreamChatErrorKind;
  /** Stream's error code, when the server sent one. */
  readonly code?: number;
  /** The HTTP status, when the server sent one. */
  readonly status?: number;

  constructor(kind: StreamChatErrorKind, message: string, details: StreamChatErrorDetails = {}) {
    super(`ngx-stream-chat: ${message}`, { cause: details.cause });
    this.name = 'StreamChatError';
    this.kind = kind;
    this.code = details.code;
    this.status = details.status;
  }
}

/** Whether `error` is a `StreamChatError`, optionally of the given kind. */
export function isStreamChatError(
  error: unknown,
  kind?: StreamChatErrorKind,
): error is StreamChatError {
  return error instanceof StreamChatError && (kind === undefined || error.kind === kind);
}

/** Thrown when `provideStreamChat()` or `StreamChatModule.forRoot()` is given twice for the root. */
export function duplicateRootProvidersError(): Error {
  return new Error(
    'ngx-stream-chat: provideStreamChat() / StreamChatModule.forRoot() was provided more than once ' +
      'for the root injector. Provide it once, in the application config or the root NgModule.',
  );
}

/** An argument was wrong; `what` says which and how to fix it. */
export function invalidInputError(what: string): StreamChatError {
  return new StreamChatError('invalid-input', what);
}

/** A call lost its turn to a later `init()` or `disconnectUser()`. */
export function supersededError(call: string): StreamChatError {
  return new StreamChatError(
    'superseded',
    `${call} was superseded by a later init() or disconnectUser() call before it finished; ` +
      'the later call decides which user is connected.',
  );
}

/** A token provider did not answer within `timeoutMs`. */
export function tokenProviderTimeoutError(timeoutMs: number): StreamChatError {
  return new StreamChatError(
    'token-provider-failed',
    `the token provider did not answer within ${timeoutMs} ms, so no token was used. ` +
      'Make the provider resolve with a token or reject (for example, give the request to your ' +
      'backend a timeout), or raise tokenProviderTimeoutMs in provideStreamChat() if your ' +
      'backend needs longer.',
  );
}

/** A token provider call was still pending when the session that made it ended. */
export function tokenProviderAbandonedError(): StreamChatError {
  return new StreamChatError(
    'superseded',
    'the token provider call was abandoned: the session that asked for the token ended ' +
      '(disconnectUser(), a later init(), or the injector of ChatClientService was destroyed).',
  );
}

/** A call was made on a service whose injector has been destroyed. */
export function serviceDestroyedError(call: string): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `${call} was called after the injector of the service was destroyed (the app or the test ` +
      'module was torn down). Inject the service from a live injector.',
  );
}

/** An operation that needs a connected user was called with none connected. */
export function notConnectedError(call: string): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `${call} needs a connected user. Await ChatClientService.init(...) first.`,
  );
}

/** A `ChannelService` call that cannot do anything useful on the server platform was made there. */
export function serverPlatformError(call: string): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `ChannelService.${call} cannot run on the server platform: nobody is connected there ` +
      '(ChatClientService connects in the browser only). Call it in the browser, after hydration.',
  );
}

/** A `ChannelService` call that needs an active channel was made with none selected. */
export function noActiveChannelError(call: string): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `ChannelService.${call} needs an active channel. Call init(...) (which activates the first ` +
      'channel by default) or setAsActiveChannel(channel) first.',
  );
}

/** A channel query lost its turn to a later `ChannelService.init()` or `reset()`. */
export function channelQuerySupersededError(call: string): StreamChatError {
  return new StreamChatError(
    'superseded',
    `ChannelService.${call} was superseded by a later init(), reset() or user switch before it ` +
      'finished; the later call decides which channels are listed.',
  );
}

/** `resendMessage()` was given a message that did not fail, or whose channel is unknown. */
export function notResendableError(messageId: string, reason: string): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `ChannelService.resendMessage() cannot resend message "${messageId}": ${reason}.`,
  );
}

/** A message's channel went away (or the service was reset) while the message was being sent. */
export function messageGoneError(messageId: string): StreamChatError {
  return new StreamChatError(
    'superseded',
    `ChannelService could not report on message "${messageId}": the channel service was reset, ` +
      'or the channel removed, while the message was being sent.',
  );
}

/** A `ChannelService` call that needs the channel list was made before `init()`. */
export function channelsNotInitializedError(call: string): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `ChannelService.${call} needs the channel list. Await ChannelService.init(filters) first.`,
  );
}

/** A `ChannelService` call needs a feature the app did not add to `provideStreamChat()`. */
export function featureNotProvidedError(call: string, feature: string): StreamChatError {
  return new StreamChatError(
    'feature-not-provided',
    `ChannelService.${call} needs ${feature}: add it to provideStreamChat(config, ${feature}) ` +
      `or StreamChatModule.forRoot(config, ${feature}).`,
  );
}

/** The connected user lacks the channel capability a call needs; nothing was sent. */
export function missingCapabilityError(
  call: string,
  capability: string,
  cid: string,
): StreamChatError {
  return new StreamChatError(
    'not-allowed',
    `ChannelService.${call} needs the "${capability}" capability in channel ${cid}, which the ` +
      'connected user does not have (see channel.data.own_capabilities); nothing was sent.',
  );
}

/** A call was given a message the active channel does not hold. */
export function unknownMessageError(call: string, messageId: string): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `ChannelService.${call} was given message "${messageId}", which is not loaded in the active ` +
      'channel. Pass a message from activeChannelMessages$ or activeThreadMessages$.',
  );
}

/**
 * Files broke the app's upload limits (`file_upload_config`, `image_upload_config`); nothing was
 * uploaded. Each refusal names the file, what is wrong, and the limit.
 */
export function uploadLimitsError(call: string, refusals: readonly string[]): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `ChannelService.${call} refused ${refusals.join('; ')}. Nothing was uploaded: leave these ` +
      "files out, or change the app's upload settings.",
  );
}

/** What one outage of a connected session looked like, for the error that reports it. */
export interface OutageSummary {
  /** How long the connection has been (or was) down, in ms. */
  durationMs: number;
  /** How many reconnect steps failed: server checks that got no answer are not counted. */
  failures: number;
  /** How many of those were token provider calls that failed. */
  providerFailures: number;
  /** The last failure. */
  lastError: StreamChatError;
}

function outageFacts(summary: OutageSummary): string {
  const seconds = Math.round(summary.durationMs / 1000);
  const provider =
    summary.providerFailures > 0
      ? ` (${summary.providerFailures} of them because the token provider failed: check the ` +
        'backend call inside your provider)'
      : '';
  return (
    `for ${seconds} s; ${summary.failures} reconnect attempt(s) failed${provider}. ` +
    `Last error: ${summary.lastError.message}`
  );
}

/** An outage that has lasted `reportOutageAfterMs` and goes on; the library keeps trying. */
export function outageOngoingError(summary: OutageSummary): StreamChatError {
  return new StreamChatError(
    summary.providerFailures > 0 ? 'token-provider-failed' : summary.lastError.kind,
    `the connection to Stream has been down ${outageFacts(summary)} The library keeps ` +
      'reconnecting and reports each outage once; connectionState$ says when it is back.',
    { cause: summary.lastError },
  );
}

/** An outage that ended, during which the token provider failed. */
export function outageRecoveredError(summary: OutageSummary): StreamChatError {
  return new StreamChatError(
    'token-provider-failed',
    `the connection to Stream is back after being down ${outageFacts(summary)}`,
    { cause: summary.lastError },
  );
}

/** The server refused to take a session back after an outage; the library stops reconnecting. */
export function connectionLostError(summary: OutageSummary): StreamChatError {
  return new StreamChatError(
    summary.lastError.kind,
    `the connection to Stream was lost and the server refused to take the session back, so the ` +
      `library stopped reconnecting. Call init() again (with a token provider, if the token ` +
      `expired). It was down ${outageFacts(summary)}`,
    { code: summary.lastError.code, status: summary.lastError.status, cause: summary.lastError },
  );
}

/** A socket that did not open while reconnecting after an outage. */
export function socketNotOpenedError(detail: string, cause?: unknown): StreamChatError {
  return new StreamChatError(
    'network',
    `the socket to Stream did not open (${detail}). The server may be down or unreachable; the ` +
      'library retries when it answers again.',
    { cause },
  );
}

/** The server has no message with this id in the channel (or thread) a call looked in. */
export function messageNotFoundError(
  call: string,
  messageId: string,
  cid: string,
): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `ChannelService.${call} found no message "${messageId}" in channel ${cid}: the server has no ` +
      'such message there (or it is not visible to the user). Nothing changed.',
  );
}

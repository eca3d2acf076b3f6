import type { StreamChatOptions } from 'stream-chat';
import type { ChatUserInput } from '../connect-request';
import { invalidInputError } from '../stream-chat-errors';

/**
 * The last argument of `ChatClientService.init()`: `stream-chat` client options (such as
 * `baseURL`), and the vendor's `trackPendingChannelInvites`.
 */
export type ChatInitOptions = StreamChatOptions & {
  /**
   * Whether to keep `pendingInvites$` filled: the channels the user is invited to, loaded before
   * `init()` resolves and kept live from invitation events. Overrides
   * `StreamChatConfig.trackPendingChannelInvites`; off unless one of them turns it on.
   */
  trackPendingChannelInvites?: boolean;
};

/** An `init()` call with its form resolved. */
export interface ResolvedInitArguments {
  /** The key given, or the configured one when the call left it out. */
  apiKey: unknown;
  /** The user id or object, as given. */
  userOrId: ChatUserInput | undefined;
  /** The token, provider, `'guest'` or `'anonymous'`, as given (checked later). */
  tokenOrProvider: unknown;
  /** The client options alone (without `trackPendingChannelInvites`). */
  clientOptions: StreamChatOptions | undefined;
  /** `trackPendingChannelInvites` as the call gave it; `undefined` when it did not. */
  trackPendingChannelInvites: boolean | undefined;
}

/** Whether the third argument makes the call the short form: options (an object) or nothing. */
function isShortFormThird(value: unknown): boolean {
  return value === undefined || (typeof value === 'object' && value !== null);
}

/**
 * Tells the two forms of `init()` apart and fills in the configured key. The vendor's form
 * `init(apiKey, userOrId, tokenOrProvider, options?)` has a token third; the short form
 * `init(userOrId, tokenOrProvider, options?)` has options (an object), or nothing, third.
 * @throws StreamChatError `invalid-input` for the short form when no `apiKey` is configured.
 */
export function resolveInitArguments(
  args: readonly unknown[],
  configuredApiKey: string | undefined,
): ResolvedInitArguments {
  const vendorForm = args.length > 3 || !isShortFormThird(args[2]);
  const [apiKey, userOrId, tokenOrProvider, options] = vendorForm
    ? args
    : [configuredApiKey, ...args];
  if (!vendorForm && (typeof apiKey !== 'string' || !apiKey.trim())) {
    throw invalidInputError(
      'init(userOrId, tokenOrProvider) without an API key needs StreamChatConfig.apiKey: set ' +
        'apiKey in provideStreamChat({ apiKey }), or pass the key first, as in ' +
        'init(apiKey, userOrId, tokenOrProvider).',
    );
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw invalidInputError(
      'the options of init() must be an object of stream-chat client options, such as { baseURL }.',
    );
  }
  const { trackPendingChannelInvites, ...clientOptions } = (options ?? {}) as ChatInitOptions;
  if (trackPendingChannelInvites !== undefined && typeof trackPendingChannelInvites !== 'boolean') {
    throw invalidInputError('trackPendingChannelInvites must be true or false.');
  }
  return {
    apiKey,
    userOrId: userOrId as ChatUserInput | undefined,
    tokenOrProvider,
    clientOptions: options === undefined ? undefined : clientOptions,
    trackPendingChannelInvites,
  };
}

/**
 * What an app needs to test against a local `stream-chat-emulator`: providers that point the
 * library at it, token signing, and fault injection.
 *
 * @packageDocumentation
 * @module ngx-stream-chat/testing
 */
export { EmulatorAdmin } from './emulator-admin';
export type { EmulatorAdminEndpoint } from './emulator-admin';
export { provideStreamChatTesting, separateClientFactory } from './provide-stream-chat-testing';
export type { EmulatorEndpoint, StreamChatTestingOptions } from './provide-stream-chat-testing';
export { signServerToken, signToken, signUserToken } from './user-token';
export type { UserTokenOptions } from './user-token';

/*
 * Public API of ngx-stream-chat/testing: what an app needs to test against a local emulator.
 */
export { EmulatorAdmin } from './emulator-admin';
export type { EmulatorAdminEndpoint } from './emulator-admin';
export { provideStreamChatTesting, separateClientFactory } from './provide-stream-chat-testing';
export type { EmulatorEndpoint, StreamChatTestingOptions } from './provide-stream-chat-testing';
export { signServerToken, signToken, signUserToken } from './user-token';
export type { UserTokenOptions } from './user-token';

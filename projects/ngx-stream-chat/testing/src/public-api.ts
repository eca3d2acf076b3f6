/*
 * Public API of ngx-stream-chat/testing: what an app needs to test against a local emulator.
 */
export { provideStreamChatTesting, separateClientFactory } from './provide-stream-chat-testing';
export type { EmulatorEndpoint, StreamChatTestingOptions } from './provide-stream-chat-testing';
export { signUserToken } from './user-token';
export type { UserTokenOptions } from './user-token';

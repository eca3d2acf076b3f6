/**
 * What an app needs to test with ngx-stream-chat: in-memory fakes of `ChatClientService` and
 * `ChannelService` for unit tests (`provideStreamChatFakes()`), and, against a local
 * `stream-chat-emulator`, providers that point the library at it, token signing, and fault
 * injection.
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
export {
  FakeChannelControls,
  FakeClientControls,
  FakeMessageControls,
  StreamChatFakes,
  provideStreamChatFakes,
} from './stream-chat-fakes';
export type {
  FakeChannelListOptions,
  FakeConnectOptions,
  FakeMessageOptions,
  FakeMessagePageOptions,
  FakePageOptions,
  FakePaging,
  FakeUserInput,
  StreamChatFakesOptions,
} from './stream-chat-fakes';
export { FakeChannelService } from './fake-channel.service';
export type { ChannelMethod } from './fake-channel.service';
export { FakeChatClientService } from './fake-chat-client.service';
export type { ChatClientMethod } from './fake-chat-client.service';
export { FakeChatBackend, EMPTY_FAKE_CHANNEL_STATE } from './fake-chat-backend';
export type {
  FakeChannelDerivedField,
  FakeChannelState,
  FakePage,
  FakeReadMode,
  FakeClientState,
} from './fake-chat-backend';
export { FakeCallLog } from './fake-calls';
export type { FakeCall, FakedService } from './fake-calls';
export { FakeState } from './fake-state';
export { fakeChannel, fakeMessage, fakeUser, offlineStreamChat } from './fake-data';
export type { FakeChannelOptions, FakeMember } from './fake-data';
export type { MethodNameOf, PublicSurfaceOf } from './public-surface';

/**
 * stream-chat-emulator: a local server that speaks Stream Chat's HTTP and WebSocket
 * protocol, so that the unmodified `stream-chat` client runs against it offline.
 */
export { startEmulator, DEFAULT_SEED_PATH } from './emulator';
export type { RunningEmulator, CreateTokenOptions } from './emulator';
export {
  DEFAULT_API_KEY,
  DEFAULT_API_SECRET,
  DEFAULT_HOST,
  DEFAULT_PORT,
} from './emulator-options';
export type { EmulatorOptions } from './emulator-options';
export type {
  EmulatorFaults,
  DropSocketsOptions,
  WaitForConnectionsOptions,
} from './faults/emulator-faults';
export type { SeedData, SeedUser, SeedChannel, SeedMember, SeedMessage } from './store/seed-schema';
export { EMPTY_SEED } from './store/seed-schema';
export type { ChatStore } from './store/chat-store';
export type {
  ChannelRecord,
  MemberRecord,
  MessageRecord,
  ReadState,
  UserRecord,
} from './store/model';
export type { MessageResponse } from './responses/message-responses';
export { ErrorCode } from './protocol/api-error';

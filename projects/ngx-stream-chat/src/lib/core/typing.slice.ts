import type { Channel, UserResponse } from 'stream-chat';
import { ChatEvent, SliceContext, StoreView, defineSlice } from '../store/chat-slice';
import { fromVendorError } from '../vendor-error';
import { activeChannelSlice } from './active-channel.slice';

/** Who is typing in the active channel's main list. */
export interface TypingState {
  /** The channel they were read from. */
  readonly channel: Channel | undefined;
  /** The other users typing, in the order they started. */
  readonly users: UserResponse[];
}

/** Typing commands. */
export interface TypingCommands {
  /** Tells the other members that the user is typing (in the thread of `parentId`, if given). */
  started(parentId?: string): Promise<void>;
  /** Tells the other members that the user stopped typing. */
  stopped(parentId?: string): Promise<void>;
}

/**
 * Who is typing in the channel, leaving out `ownUserId`: in the main list, or in the thread of
 * `parentId`. `previous` when the same users are typing (typing events repeat while someone types).
 */
export function typingUsersOf(
  channel: Channel | undefined,
  ownUserId: string,
  previous: UserResponse[],
  parentId?: string,
): UserResponse[] {
  if (!channel) return [];
  const typing = Object.values(channel.state.typing)
    .filter(
      (event) =>
        event.user && event.user.id !== ownUserId && (event.parent_id ?? undefined) === parentId,
    )
    .map((event) => event.user as UserResponse);
  const sameUsers =
    typing.length === previous.length &&
    typing.every((user, index) => user.id === previous[index].id);
  return sameUsers ? previous : typing;
}

const NOBODY: TypingState = { channel: undefined, users: [] };

/** The typing users after a batch. */
export function reduceTyping(
  state: TypingState,
  events: readonly ChatEvent[],
  view: StoreView,
): TypingState {
  const channel = view.get(activeChannelSlice).channel;
  if (!channel) return state.channel || state.users.length > 0 ? NOBODY : state;
  if (channel === state.channel && !events.some((event) => event.cid === channel?.cid)) {
    return state;
  }
  const users = typingUsersOf(channel, view.userId, channel === state.channel ? state.users : []);
  return channel === state.channel && users === state.users ? state : { channel, users };
}

function typingRuntime(context: SliceContext<TypingState>) {
  async function call(name: string, work: (channel: Channel) => Promise<void>): Promise<void> {
    const channel = context.get(activeChannelSlice).channel;
    if (!channel || channel.disconnected) return;
    try {
      await context.outside(() => work(channel));
    } catch (error) {
      throw fromVendorError(error, `ChannelService.${name}`);
    }
  }
  const commands: TypingCommands = {
    started: (parentId) => call('typingStarted()', (channel) => channel.keystroke(parentId)),
    stopped: (parentId) => call('typingStopped()', (channel) => channel.stopTyping(parentId)),
  };
  return { commands };
}

/** Typing in the active channel: who else types, and telling others the user types. */
export const typingSlice = defineSlice<TypingState, TypingCommands>({
  name: 'typing',
  initial: () => NOBODY,
  reduce: reduceTyping,
  publish: (state) => ({ usersTypingInChannel: state.users }),
  setup: typingRuntime,
});

import { doesNotExistError, inputError } from '../../protocol/api-error';
import { unstoredMessageResponse } from '../../responses/unstored-message';
import { ChatServices } from '../../services/emulator-services';
import { MessageToSend } from '../../services/service-hooks';
import { banUser, unbanUser } from '../bans/bans';
import { muteUsers, unmuteUsers } from '../user-mutes/user-mutes';

/** A command as `config.commands` lists it. */
export interface CommandDescription {
  name: string;
  description: string;
  args: string;
  set: string;
}

/** The commands the emulator runs, as advertised in `config.commands`. */
export const COMMANDS: readonly CommandDescription[] = [
  { name: 'mute', description: 'Mute a user', args: '[@username]', set: 'moderation_set' },
  { name: 'unmute', description: 'Unmute a user', args: '[@username]', set: 'moderation_set' },
  {
    name: 'ban',
    description: 'Ban a user from this channel',
    args: '[@username] [text]',
    set: 'moderation_set',
  },
  {
    name: 'unban',
    description: 'Unban a user from this channel',
    args: '[@username]',
    set: 'moderation_set',
  },
];

/** What `/giphy` answers: the emulator runs offline. */
export const GIPHY_OFFLINE_TEXT =
  'giphy is not available in the emulator: it needs the network to reach Giphy';

/** A `/command args` message, split. */
interface CommandCall {
  name: string;
  /** The user named by the first argument (`@bob` or `bob`), if any. */
  targetId?: string;
  /** The words after the user. */
  rest: string;
}

/** Splits `/name @user rest`; `undefined` for text that is not a command. */
function parseCommand(text: string): CommandCall | undefined {
  const match = /^\/(\w+)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const target = match[2]?.replace(/^@/, '');
  return { name: match[1], targetId: target || undefined, rest: (match[3] ?? '').trim() };
}

/** The user a command acts on. @throws ApiError code 4 (missing) or 16 (unknown). */
function requireTarget(services: ChatServices, call: CommandCall): string {
  if (!call.targetId) {
    throw inputError(`/${call.name} needs a user: /${call.name} @username`);
  }
  if (!services.store.users.get(call.targetId)) {
    throw doesNotExistError(`user ${call.targetId} does not exist`);
  }
  return call.targetId;
}

/**
 * Runs `/mute`, `/unmute`, `/ban`, `/unban` and answers `/giphy`; other text is left alone.
 * @returns the response body (an ephemeral message, neither stored nor broadcast), or
 * `undefined` when the message is not a command the emulator handles.
 */
export function runCommand(
  services: ChatServices,
  send: MessageToSend,
): Record<string, unknown> | undefined {
  const call = parseCommand(send.message.text);
  if (!call) {
    return undefined;
  }
  const { actor, channel } = send;
  let reply: { type: 'ephemeral' | 'error'; text: string };
  switch (call.name) {
    case 'mute': {
      const target = requireTarget(services, call);
      muteUsers(services, actor.userId, [target]);
      reply = { type: 'ephemeral', text: `@${target} has been muted` };
      break;
    }
    case 'unmute': {
      const target = requireTarget(services, call);
      unmuteUsers(services, actor.userId, [target]);
      reply = { type: 'ephemeral', text: `@${target} has been unmuted` };
      break;
    }
    case 'ban': {
      const target = requireTarget(services, call);
      banUser(services, actor, {
        targetId: target,
        channel,
        reason: call.rest || undefined,
        shadow: false,
        bannedById: actor.userId,
      });
      reply = { type: 'ephemeral', text: `@${target} has been banned` };
      break;
    }
    case 'unban': {
      const target = requireTarget(services, call);
      unbanUser(services, actor, target, channel);
      reply = { type: 'ephemeral', text: `@${target} has been unbanned` };
      break;
    }
    case 'giphy':
      reply = { type: 'error', text: GIPHY_OFFLINE_TEXT };
      break;
    default:
      return undefined;
  }
  return unstoredMessageResponse(services, channel, send.message, {
    ...reply,
    data: { command: call.name, args: [call.targetId, call.rest].filter(Boolean).join(' ') },
  });
}

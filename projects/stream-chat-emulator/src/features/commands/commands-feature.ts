import { EmulatorFeature } from '../emulator-feature';
import { COMMANDS, runCommand } from './chat-commands';

/**
 * Slash commands in message text: `/mute`, `/unmute`, `/ban`, `/unban` run the moderation
 * action and answer an ephemeral message; `/giphy` answers an error (offline).
 */
export const commandsFeature: EmulatorFeature = {
  name: 'commands',
  interceptMessage: runCommand,
  channelConfigFields: () => ({ commands: COMMANDS.map((command) => ({ ...command })) }),
};

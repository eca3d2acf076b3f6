import { Rule } from '@angular-devkit/schematics';
import { CUSTOM_DATA_FILE } from './custom-data-file';
import { EMULATOR_SCRIPT } from './package-additions';
import { NgAddOptions } from './schema';

/** The text printed once ng-add is done: what it did not do for you. */
export function nextStepsText(options: NgAddOptions, sourceRoot: string): string {
  const apiKey = options.apiKey.trim();
  const steps = [
    'ngx-stream-chat is set up. Next steps:',
    ...(options.skipInstall
      ? ['  - run `npm install` to install stream-chat and the emulator']
      : []),
    ...(options.emulator
      ? [
          `  - run \`npm run ${EMULATOR_SCRIPT}\` for a local chat server (users alice, bob and carol;`,
          '    it accepts development tokens)',
        ]
      : []),
    '  - inject ChatClientService and connect a user, for example with a development token:',
    "      import { DevToken } from 'stream-chat';",
    `      await inject(ChatClientService).init('${apiKey}', 'alice', DevToken('alice'));`,
    "    then ChannelService.init({ type: 'messaging', members: { $in: ['alice'] } }) for the channels;",
    '    in production, sign tokens on your server and pass a token provider instead',
    `  - declare your channels' and users' custom fields in ${sourceRoot}/${CUSTOM_DATA_FILE}`,
    '  - tests: provideStreamChatTesting() from ngx-stream-chat/testing, with startEmulator() from',
    '    stream-chat-emulator in your test runner\u2019s global setup (see the README)',
  ];
  return steps.join('\n');
}

/** Prints the next steps. */
export function printNextSteps(options: NgAddOptions, sourceRoot: string): Rule {
  return (_tree, context) => {
    context.logger.info(nextStepsText(options, sourceRoot));
  };
}

import { Rule } from '@angular-devkit/schematics';
import { NG_ADD_PREFIX } from './ng-add-errors';

/** The file name of the augmentation, in the app's source folder. */
export const CUSTOM_DATA_FILE = 'stream-chat.d.ts';

/** The augmentation: typed custom fields for channels and users, as the README shows. */
export const CUSTOM_DATA_SOURCE = `import 'stream-chat'; // makes this file a module, so the block below extends stream-chat's types

/**
 * Your app's custom fields. stream-chat declares them as empty interfaces for apps to extend;
 * without this file, strict templates reject \`channel.data?.name\`.
 */
declare module 'stream-chat' {
  interface CustomChannelData {
    name?: string;
    image?: string;
  }
  interface CustomUserData {
    // A user's \`name\` and \`image\` are declared already; add your own fields here.
  }
  // Likewise, when your data has them: CustomMessageData, CustomAttachmentData, CustomReactionData…
}
`;

/** Writes `<sourceRoot>/stream-chat.d.ts` unless the file exists. */
export function addCustomDataFile(sourceRoot: string): Rule {
  return (tree, context) => {
    const path = `${sourceRoot}/${CUSTOM_DATA_FILE}`;
    if (tree.exists(path)) {
      context.logger.info(`${NG_ADD_PREFIX}: ${path} exists already; left as it is.`);
      return;
    }
    tree.create(path, CUSTOM_DATA_SOURCE);
  };
}

import { Rule, chain } from '@angular-devkit/schematics';
import { findAppProject } from './app-project';
import { addCustomDataFile } from './custom-data-file';
import { readLibraryManifest } from './library-manifest';
import { printNextSteps } from './next-steps';
import { addPackages } from './package-additions';
import { addStreamChatRoot } from './root-provider';
import { NgAddOptions } from './schema';
import { streamChatConfigCode } from './stream-chat-config-code';

/**
 * `ng add ngx-stream-chat`: provides the library at the app's root (`provideStreamChat` or
 * `StreamChatModule.forRoot`), adds `stream-chat` and, unless `--emulator=false`,
 * `stream-chat-emulator` with a `chat-emulator` script, writes `src/stream-chat.d.ts` for typed
 * custom data, and prints the next steps. Running it again changes nothing.
 *
 * @example
 * ng add ngx-stream-chat --api-key my-key --base-url ""
 */
export function ngAdd(options: NgAddOptions): Rule {
  return async (tree) => {
    const configCode = streamChatConfigCode(options);
    const app = await findAppProject(tree, options.project);
    return chain([
      addStreamChatRoot(app, configCode),
      addPackages(options, readLibraryManifest()),
      addCustomDataFile(app.sourceRoot),
      printNextSteps(options, app.sourceRoot),
    ]);
  };
}

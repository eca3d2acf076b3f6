import { Rule, chain } from '@angular-devkit/schematics';
import { DependencyType, InstallBehavior, addDependency } from '@schematics/angular/utility';
import { getDependency } from '@schematics/angular/utility/dependency';
import { LibraryManifest } from './library-manifest';
import { NG_ADD_PREFIX, invalidOptionError } from './ng-add-errors';
import { NgAddOptions } from './schema';

/** The name of the npm script that runs the emulator. */
export const EMULATOR_SCRIPT = 'chat-emulator';

/** The port the emulator listens on when the app's base URL names none it can use. */
const DEFAULT_EMULATOR_PORT = 3100;

/** The API key the emulator accepts when given none. */
const DEFAULT_EMULATOR_API_KEY = 'emulator-key';

/** An API key that can go into a shell command as it is. */
const PLAIN_API_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Adds a package to `section` of the root package.json unless it is listed in any section
 * already; an install is scheduled once, after the schematic, unless `skipInstall`.
 */
function addPackageOnce(
  name: string,
  specifier: string,
  section: DependencyType,
  skipInstall: boolean,
): Rule {
  return (tree) => {
    if (getDependency(tree, name)) {
      return;
    }
    return addDependency(name, specifier, {
      type: section,
      install: skipInstall ? InstallBehavior.None : InstallBehavior.Auto,
    });
  };
}

/**
 * The command of the emulator script: the port of a local `baseUrl` (3100 otherwise), and
 * `--api-key` when the app uses a key other than the emulator's default.
 */
export function emulatorCommand(options: Pick<NgAddOptions, 'apiKey' | 'baseUrl'>): string {
  const parts = ['stream-chat-emulator', '--port', String(localPort(options.baseUrl))];
  const apiKey = options.apiKey.trim();
  if (apiKey !== DEFAULT_EMULATOR_API_KEY) {
    if (!PLAIN_API_KEY.test(apiKey)) {
      throw invalidOptionError(
        'api-key',
        options.apiKey,
        'the emulator script takes keys of letters, digits, "-" and "_" only',
      );
    }
    parts.push('--api-key', apiKey);
  }
  return parts.join(' ');
}

/** The port of `baseUrl` when it names this machine, else the emulator's default port. */
function localPort(baseUrl: string): number {
  if (!URL.canParse(baseUrl)) {
    return DEFAULT_EMULATOR_PORT;
  }
  const url = new URL(baseUrl);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return local && url.port !== '' ? Number(url.port) : DEFAULT_EMULATOR_PORT;
}

/** Adds the emulator script to package.json, leaving a script of that name that exists. */
function addEmulatorScript(command: string): Rule {
  return (tree, context) => {
    const manifest = tree.readJson('/package.json') as { scripts?: Record<string, string> };
    const existing = manifest.scripts?.[EMULATOR_SCRIPT];
    if (existing !== undefined) {
      if (existing !== command) {
        context.logger.info(
          `${NG_ADD_PREFIX}: package.json has a "${EMULATOR_SCRIPT}" script already; left as it is.`,
        );
      }
      return;
    }
    manifest.scripts = { ...manifest.scripts, [EMULATOR_SCRIPT]: command };
    tree.overwrite('/package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  };
}

/**
 * Adds `stream-chat` (the library's peer range) to dependencies and, with `emulator`,
 * `stream-chat-emulator` (the library's version) to devDependencies and a script that runs it.
 */
export function addPackages(options: NgAddOptions, library: LibraryManifest): Rule {
  const rules = [
    addPackageOnce(
      'stream-chat',
      library.streamChatRange,
      DependencyType.Default,
      options.skipInstall,
    ),
  ];
  if (options.emulator) {
    rules.push(
      addPackageOnce(
        'stream-chat-emulator',
        `^${library.version}`,
        DependencyType.Dev,
        options.skipInstall,
      ),
      addEmulatorScript(emulatorCommand(options)),
    );
  }
  return chain(rules);
}

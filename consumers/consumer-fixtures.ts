import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CommandResult } from './run-command';

/** The columns of the results table, in order: the steps a fixture may take. */
export const STEP_NAMES = ['install', 'ng add', 'build', 'test', 'ssr render'] as const;

/** One of {@link STEP_NAMES}. */
export type StepName = (typeof STEP_NAMES)[number];

/** What a step gets to run commands in its fixture's copy. */
export interface FixtureContext {
  /** The fixture's copy, beside `packs/` in the work folder. */
  dir: string;
  /** Runs a command in the fixture's copy, its output going to the fixture's log. */
  run(command: string, args: readonly string[]): Promise<CommandResult>;
}

/** One step of a fixture. */
export interface FixtureStep {
  name: StepName;
  run(context: FixtureContext): Promise<CommandResult>;
}

/** A consumer app under `consumers/fixtures/<name>`, and the steps that prove it works. */
export interface ConsumerFixture {
  name: string;
  /** What kind of app it is, for the table. */
  description: string;
  steps: FixtureStep[];
}

/** The packed library, as `ng add` takes it (fixtures list both tarballs by these paths). */
const LIBRARY_TARBALL = '../packs/ngx-stream-chat.tgz';
const EMULATOR_TARBALL = '../packs/stream-chat-emulator.tgz';

/** Flags for every install: npm's cache first, no audit or funding chatter. */
const NPM_INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

/** Runs the fixture's own Angular CLI (not through npx, which would outlive a stop). */
function ng(context: FixtureContext, ...args: string[]): Promise<CommandResult> {
  return context.run(join(context.dir, 'node_modules', '.bin', 'ng'), args);
}

/** A passed result of `durationMs`, or a failed one saying `failure`. */
function outcome(durationMs: number, failure = ''): CommandResult {
  return { ok: failure === '', durationMs, failure };
}

/** Runs `steps` one after the other until one fails; the result covers all that ran. */
async function sequence(...steps: (() => Promise<CommandResult>)[]): Promise<CommandResult> {
  let durationMs = 0;
  for (const step of steps) {
    const result = await step();
    durationMs += result.durationMs;
    if (!result.ok) {
      return outcome(durationMs, result.failure);
    }
  }
  return outcome(durationMs);
}

/** Every file of the app that ng-add may change, with its content. */
function appFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        visit(path);
      } else {
        files.set(relative(dir, path), readFileSync(path, 'utf8'));
      }
    }
  };
  visit(join(dir, 'src'));
  for (const file of ['package.json', 'angular.json']) {
    files.set(file, readFileSync(join(dir, file), 'utf8'));
  }
  return files;
}

/** Checks what ng-add wrote: the provider, the packages, the script and the augmentation. */
function checkNgAddOutput(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const appConfig = readFileSync(join(dir, 'src', 'app', 'app.config.ts'), 'utf8');
  const problems = [
    !appConfig.includes('provideStreamChat(') && 'app.config.ts has no provideStreamChat()',
    !manifest.dependencies?.['stream-chat'] && 'stream-chat is not in dependencies',
    !manifest.devDependencies?.['stream-chat-emulator'] &&
      'stream-chat-emulator is not in devDependencies',
    !manifest.scripts?.['chat-emulator'] && 'there is no chat-emulator script',
    !readdirSync(join(dir, 'src')).includes('stream-chat.d.ts') &&
      'src/stream-chat.d.ts is missing',
  ].filter((problem): problem is string => typeof problem === 'string');
  return problems.join('; ');
}

/** `npm install` of the fixture's package.json (both tarballs included). */
const install: FixtureStep = {
  name: 'install',
  run: (context) => context.run('npm', ['install', ...NPM_INSTALL_FLAGS]),
};

/** `ng build` in its default, production configuration. */
const build: FixtureStep = {
  name: 'build',
  run: (context) => context.run('npm', ['run', 'build']),
};

/** The fixture's test command, which starts the emulator in its runner's global setup. */
const test: FixtureStep = { name: 'test', run: (context) => context.run('npm', ['test']) };

/**
 * `ng add` of the packed library on an app that has never heard of it; then the emulator the
 * schematic asked for is installed from its tarball (it is not on the registry yet), and the
 * schematic is run once more, which must change nothing.
 */
const ngAdd: FixtureStep = {
  name: 'ng add',
  run: (context) => {
    let before = new Map<string, string>();
    return sequence(
      () => ng(context, 'add', LIBRARY_TARBALL, '--skip-confirmation', '--skip-install'),
      async () => outcome(0, checkNgAddOutput(context.dir)),
      () => context.run('npm', ['install', '--save-dev', EMULATOR_TARBALL, ...NPM_INSTALL_FLAGS]),
      async () => {
        before = appFiles(context.dir);
        return outcome(0);
      },
      () => ng(context, 'generate', 'ngx-stream-chat:ng-add', '--skip-install'),
      async () => {
        const after = appFiles(context.dir);
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
          (file) => before.get(file) !== after.get(file),
        );
        return outcome(0, changed.length ? `a second ng add changed ${changed.join(', ')}` : '');
      },
    );
  },
};

/** Renders a page with the built server and checks the HTML (the fixture's `render` script). */
const ssrRender: FixtureStep = {
  name: 'ssr render',
  run: (context) => context.run('npm', ['run', 'render']),
};

/** The consumer apps, in the order they run. */
export const CONSUMER_FIXTURES: readonly ConsumerFixture[] = [
  {
    name: 'zoneless-vitest',
    description: 'Angular 21.2, zoneless, Vitest, set up by ng add',
    steps: [install, ngAdd, build, test],
  },
  {
    name: 'ngmodule-jest',
    description: 'Angular 21.2, NgModule, zone.js, Jest',
    steps: [install, build, test],
  },
  {
    name: 'ssr',
    description: 'Angular 21.2, server-side rendering, Vitest',
    steps: [install, build, test, ssrRender],
  },
  {
    name: 'angular-20',
    description: 'Angular 20.3, zone.js, Jest',
    steps: [install, build, test],
  },
];

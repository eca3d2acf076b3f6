import { SchematicTestRunner, UnitTestTree } from '@angular-devkit/schematics/testing';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NgAddOptions } from './schema';

/** The library's own manifest: the versions ng-add must write into the app. */
const library = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
  peerDependencies: Record<string, string>;
};

const runner = new SchematicTestRunner('ngx-stream-chat', join(__dirname, '..', 'collection.json'));
const angular = new SchematicTestRunner(
  '@schematics/angular',
  join(dirname(require.resolve('@schematics/angular/package.json')), 'collection.json'),
);

/** A workspace with one app made by Angular's own `application` schematic (as `ng new` does). */
async function makeApp(app: { standalone: boolean; zoneless: boolean }): Promise<UnitTestTree> {
  const base = await angular.runSchematic('workspace', {
    name: 'workspace',
    newProjectRoot: 'projects',
    version: '21.2.0',
  });
  return angular.runSchematic('application', { name: 'shop', skipInstall: true, ...app }, base);
}

let standaloneApp: UnitTestTree;
let ngModuleApp: UnitTestTree;

beforeAll(async () => {
  standaloneApp = await makeApp({ standalone: true, zoneless: true });
  ngModuleApp = await makeApp({ standalone: false, zoneless: false });
});

/** A copy of `tree` that a test may change freely. */
function copyOf(tree: UnitTestTree): UnitTestTree {
  return new UnitTestTree(tree.branch());
}

/** Runs ng-add on a copy of `tree`. */
function ngAdd(tree: UnitTestTree, options: Partial<NgAddOptions> = {}): Promise<UnitTestTree> {
  return runner.runSchematic('ng-add', options, copyOf(tree));
}

/** Every file of `tree` with its content. */
function snapshot(tree: UnitTestTree): Map<string, string> {
  return new Map(tree.files.map((path) => [path, tree.readContent(path)]));
}

/** The app's package.json. */
function manifestOf(tree: UnitTestTree): {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
} {
  return JSON.parse(tree.readContent('/package.json'));
}

describe('ng add ngx-stream-chat', () => {
  it('adds provideStreamChat, pointed at the local emulator, to app.config.ts of a standalone app', async () => {
    const tree = await ngAdd(standaloneApp);
    const appConfig = tree.readContent('/projects/shop/src/app/app.config.ts');

    expect(appConfig).toContain("import { provideStreamChat } from 'ngx-stream-chat';");
    expect(appConfig).toContain(
      "provideStreamChat({ apiKey: 'emulator-key', options: { baseURL: 'http://127.0.0.1:3100' } })",
    );
    expect(appConfig).toMatch(
      /provideBrowserGlobalErrorListeners\(\),\s*provideRouter\(routes\), provideStreamChat\(/,
    );
    expect(tree.readContent('/projects/shop/src/main.ts')).not.toContain('ngx-stream-chat');
  });

  it('adds StreamChatModule.forRoot to the imports of an NgModule app', async () => {
    const tree = await ngAdd(ngModuleApp);
    const appModule = tree.readContent('/projects/shop/src/app/app-module.ts');

    expect(appModule).toContain("import { StreamChatModule } from 'ngx-stream-chat';");
    expect(appModule).toMatch(
      /imports: \[[^\]]*StreamChatModule\.forRoot\(\{ apiKey: 'emulator-key', options: \{ baseURL: 'http:\/\/127\.0\.0\.1:3100' \} \}\)/,
    );
    expect(appModule).not.toMatch(/providers: \[[^\]]*StreamChatModule/);
  });

  it('adds stream-chat, the emulator and a script that runs it to package.json', async () => {
    const tree = await ngAdd(standaloneApp);
    const manifest = manifestOf(tree);

    expect(manifest.dependencies['stream-chat']).toBe(library.peerDependencies['stream-chat']);
    expect(manifest.devDependencies['stream-chat-emulator']).toBe(`^${library.version}`);
    expect(manifest.dependencies['stream-chat-emulator']).toBeUndefined();
    expect(manifest.scripts['chat-emulator']).toBe('stream-chat-emulator --port 3100');
    expect(runner.tasks.map((task) => task.name)).toEqual(['node-package']);
  });

  it('writes the custom data augmentation into the source folder', async () => {
    const tree = await ngAdd(standaloneApp);
    const augmentation = tree.readContent('/projects/shop/src/stream-chat.d.ts');

    expect(augmentation.startsWith("import 'stream-chat';")).toBe(true);
    expect(augmentation).toContain("declare module 'stream-chat' {");
    expect(augmentation).toMatch(
      /interface CustomChannelData \{\s*name\?: string;\s*image\?: string;/,
    );
    expect(augmentation).toContain('interface CustomUserData {');
  });

  it.each([
    ['standalone', () => standaloneApp],
    ['NgModule', () => ngModuleApp],
  ])('changes nothing when run a second time (%s app)', async (_kind, app) => {
    const once = await ngAdd(app());
    const twice = await runner.runSchematic('ng-add', {}, copyOf(once));

    expect(snapshot(twice)).toEqual(snapshot(once));
    expect(runner.tasks).toEqual([]);
  });

  it('takes another API key and Stream’s cloud, and passes the key to the emulator script', async () => {
    const tree = await ngAdd(standaloneApp, { apiKey: 'my-key', baseUrl: '' });

    expect(tree.readContent('/projects/shop/src/app/app.config.ts')).toContain(
      "provideStreamChat({ apiKey: 'my-key' })",
    );
    expect(manifestOf(tree).scripts['chat-emulator']).toBe(
      'stream-chat-emulator --port 3100 --api-key my-key',
    );
  });

  it('runs the emulator on the port of a local base URL', async () => {
    const tree = await ngAdd(standaloneApp, { baseUrl: 'http://localhost:4100' });

    expect(manifestOf(tree).scripts['chat-emulator']).toBe('stream-chat-emulator --port 4100');
  });

  it('leaves the emulator out with --emulator=false, and installs nothing with --skip-install', async () => {
    const tree = await ngAdd(standaloneApp, { emulator: false, skipInstall: true });
    const manifest = manifestOf(tree);

    expect(manifest.dependencies['stream-chat']).toBeDefined();
    expect(manifest.devDependencies['stream-chat-emulator']).toBeUndefined();
    expect(manifest.scripts['chat-emulator']).toBeUndefined();
    expect(runner.tasks).toEqual([]);
  });

  it('keeps what the app has already: its stream-chat version, its script, its provider', async () => {
    const app = copyOf(standaloneApp);
    const manifest = manifestOf(app);
    manifest.devDependencies['stream-chat'] = '9.60.0';
    manifest.scripts['chat-emulator'] = 'stream-chat-emulator --port 3900';
    app.overwrite('/package.json', JSON.stringify(manifest, null, 2));
    const mainPath = '/projects/shop/src/main.ts';
    app.overwrite(
      mainPath,
      app
        .readContent(mainPath)
        .replace('appConfig)', "{ providers: [provideStreamChat({ apiKey: 'own' })] })")
        .concat("import { provideStreamChat } from 'ngx-stream-chat';\n"),
    );

    const tree = await ngAdd(app);
    const after = manifestOf(tree);

    expect(after.devDependencies['stream-chat']).toBe('9.60.0');
    expect(after.dependencies['stream-chat']).toBeUndefined();
    expect(after.scripts['chat-emulator']).toBe('stream-chat-emulator --port 3900');
    expect(tree.readContent('/projects/shop/src/app/app.config.ts')).not.toContain(
      'ngx-stream-chat',
    );
  });

  it('refuses an unknown project, a library and bad options with a clear error', async () => {
    const withLibrary = await angular.runSchematic(
      'library',
      { name: 'widgets', skipInstall: true },
      copyOf(standaloneApp),
    );

    await expect(ngAdd(standaloneApp, { project: 'nope' })).rejects.toThrow(
      'ngx-stream-chat: there is no project "nope" in angular.json (projects: shop)',
    );
    await expect(ngAdd(withLibrary, { project: 'widgets' })).rejects.toThrow(
      'ngx-stream-chat: project "widgets" is not an application',
    );
    await expect(ngAdd(standaloneApp, { baseUrl: 'ftp://example.com' })).rejects.toThrow(
      'ngx-stream-chat: --base-url "ftp://example.com" is not valid',
    );
    await expect(ngAdd(standaloneApp, { apiKey: ' ' })).rejects.toThrow(
      'ngx-stream-chat: --api-key " " is not valid: the API key must not be empty',
    );
    await expect(ngAdd(standaloneApp, { apiKey: 'a key' })).rejects.toThrow(
      'the emulator script takes keys of letters, digits, "-" and "_" only',
    );
  });

  it('asks for --project when the workspace holds two applications', async () => {
    const two = await angular.runSchematic(
      'application',
      { name: 'admin', skipInstall: true },
      copyOf(standaloneApp),
    );

    await expect(ngAdd(two)).rejects.toThrow(
      'ngx-stream-chat: the workspace has several applications (shop, admin); pass --project <name>',
    );
    const tree = await ngAdd(two, { project: 'admin' });
    expect(tree.readContent('/projects/admin/src/app/app.config.ts')).toContain(
      'provideStreamChat(',
    );
    expect(tree.readContent('/projects/shop/src/app/app.config.ts')).not.toContain(
      'provideStreamChat(',
    );
  });
});

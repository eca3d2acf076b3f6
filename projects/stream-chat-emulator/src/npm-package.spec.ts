import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HELP_TEXT } from './cli-arguments';

/** The emulator's package folder and the workspace root above it. */
const PACKAGE_ROOT = join(__dirname, '..');
const WORKSPACE_ROOT = join(PACKAGE_ROOT, '..', '..');

/** One file of `npm pack --json`. */
interface PackedFile {
  path: string;
  size: number;
}

/** What the child process reports after loading the installed package. */
interface LoadReport {
  requireStarts: boolean;
  importStarts: boolean;
  importByPathStarts: boolean;
  seedUsers: string[];
  seedPathInsidePackage: boolean;
}

/** Runs a command to completion; throws with its output when it fails. */
function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Loads the package as an app that installed it does, in plain Node (no tsx): `require`, `import`
 * by name and `import` of dist/index.js; each gets `startEmulator`, which starts with the default
 * seed and closes.
 */
const LOADER = `
const { pathToFileURL } = require('node:url');
const tryStart = async (api) => {
  const emulator = await api.startEmulator({ port: 0, quiet: true });
  const users = emulator.snapshot().users.map((user) => user.id);
  await emulator.close();
  return { ok: /^http:\\/\\/127\\.0\\.0\\.1:\\d+$/.test(emulator.url), users };
};
(async () => {
  const required = require('stream-chat-emulator');
  const imported = await import('stream-chat-emulator');
  const entry = require.resolve('stream-chat-emulator');
  const byPath = await import(pathToFileURL(entry).href);
  const fromRequire = await tryStart(required);
  const fromImport = await tryStart(imported);
  const fromPath = await tryStart(byPath);
  const packageDir = require('node:path').dirname(require.resolve('stream-chat-emulator/package.json'));
  process.stdout.write(JSON.stringify({
    requireStarts: fromRequire.ok,
    importStarts: fromImport.ok,
    importByPathStarts: fromPath.ok && entry.endsWith('/dist/index.js'),
    seedUsers: fromRequire.users,
    seedPathInsidePackage: required.DEFAULT_SEED_PATH.startsWith(packageDir + '/seed/'),
  }));
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
`;

describe('the npm package', () => {
  let scratch = '';
  let installed = '';
  let packed: PackedFile[] = [];

  beforeAll(() => {
    // Compile as `npm run build` does, pack as `npm publish` would, and unpack the tarball into
    // node_modules of a scratch folder inside the workspace (so its dependencies resolve).
    run(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      PACKAGE_ROOT,
    );
    mkdirSync(join(WORKSPACE_ROOT, 'tmp'), { recursive: true });
    scratch = mkdtempSync(join(WORKSPACE_ROOT, 'tmp', 'emulator-package-'));
    const output = run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch],
      PACKAGE_ROOT,
    );
    const [pack] = JSON.parse(output) as { filename: string; files: PackedFile[] }[];
    packed = pack.files;
    mkdirSync(join(scratch, 'node_modules'));
    run(
      'tar',
      ['-xzf', join(scratch, pack.filename), '-C', join(scratch, 'node_modules')],
      scratch,
    );
    installed = join(scratch, 'node_modules', 'stream-chat-emulator');
    renameSync(join(scratch, 'node_modules', 'package'), installed);
  }, 120_000);

  afterAll(() => {
    if (scratch) {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('ships the compiled code, declarations, seed, bin, README and LICENSE', () => {
    const paths = packed.map((file) => file.path);
    for (const path of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/stream-chat-emulator.js',
      'seed/default-seed.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli.js',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('ships no specs, test harness, TypeScript sources or tsconfig', () => {
    const unwanted = packed
      .map((file) => file.path)
      .filter(
        (path) =>
          path.includes('.spec.') ||
          path.startsWith('test/') ||
          path.startsWith('src/') ||
          path.includes('tsconfig') ||
          (path.endsWith('.ts') && !path.endsWith('.d.ts')),
      );
    expect(unwanted).toEqual([]);
  });

  it('needs no TypeScript loader at run time', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    expect(readFileSync(join(installed, 'bin', 'stream-chat-emulator.js'), 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n/,
    );
    expect(existsSync(join(installed, 'dist', 'cli.js'))).toBe(true);
  });

  it('loads with require and import in plain Node, and starts with its default seed', () => {
    const output = run(process.execPath, ['-e', LOADER], scratch);
    const report = JSON.parse(output) as LoadReport;
    expect(report).toEqual({
      requireStarts: true,
      importStarts: true,
      importByPathStarts: true,
      seedUsers: expect.arrayContaining(['alice', 'bob', 'carol']),
      seedPathInsidePackage: true,
    });
  }, 60_000);

  it('runs the compiled command line from its bin', () => {
    const output = run(
      process.execPath,
      [join(installed, 'bin', 'stream-chat-emulator.js'), '--help'],
      scratch,
    );
    expect(output).toBe(HELP_TEXT);
  }, 30_000);
});

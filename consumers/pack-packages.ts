import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { CommandResult } from './run-command';

/** Runs a command at the workspace root. */
export type WorkspaceRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

/** The names the fixtures' package.json files give the two tarballs, in `packs/`. */
export const TARBALLS = {
  library: 'ngx-stream-chat.tgz',
  emulator: 'stream-chat-emulator.tgz',
} as const;

/** The workspace root. */
const WORKSPACE = join(__dirname, '..');

/** One package to pack: the command's arguments, its manifest and its tarball's new name. */
interface PackJob {
  packArgs: string[];
  manifest: string;
  tarball: string;
}

/**
 * Builds and packs both packages into `packsDir` as an npm user would get them: the library
 * from `dist/ngx-stream-chat` (after `npm run build:lib`, schematics included), the emulator
 * from its workspace (its `prepack` script compiles it). The tarballs are renamed to
 * {@link TARBALLS}, so the fixtures need no version in their package.json.
 */
export async function packPackages(run: WorkspaceRunner, packsDir: string): Promise<CommandResult> {
  const started = performance.now();
  const failed = (result: CommandResult) => ({
    ...result,
    durationMs: performance.now() - started,
  });
  const built = await run('npm', ['run', 'build:lib']);
  if (!built.ok) {
    return failed(built);
  }
  const jobs: PackJob[] = [
    {
      packArgs: ['./dist/ngx-stream-chat'],
      manifest: 'dist/ngx-stream-chat/package.json',
      tarball: TARBALLS.library,
    },
    {
      packArgs: ['--workspace', 'stream-chat-emulator'],
      manifest: 'projects/stream-chat-emulator/package.json',
      tarball: TARBALLS.emulator,
    },
  ];
  for (const job of jobs) {
    const packed = await run('npm', ['pack', ...job.packArgs, '--pack-destination', packsDir]);
    if (!packed.ok) {
      return failed(packed);
    }
    const { name, version } = JSON.parse(readFileSync(join(WORKSPACE, job.manifest), 'utf8'));
    renameSync(join(packsDir, `${name}-${version}.tgz`), join(packsDir, job.tarball));
  }
  return { ok: true, durationMs: performance.now() - started, failure: '' };
}

/**
 * Builds the library's schematics into the package ng-packagr wrote: compiles them to
 * CommonJS, copies their JSON files, and marks the folder CommonJS (the package itself is
 * `"type": "module"`). Run after `ng build ngx-stream-chat`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const source = __dirname;
const workspace = join(source, '..', '..', '..');
const target = join(workspace, 'dist', 'ngx-stream-chat', 'schematics');

if (!existsSync(join(target, '..', 'package.json'))) {
  throw new Error('ngx-stream-chat: build the library first (ng build ngx-stream-chat).');
}
execFileSync(
  process.execPath,
  [
    join(workspace, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    join(source, 'tsconfig.json'),
  ],
  { stdio: 'inherit' },
);
cpSync(source, target, {
  recursive: true,
  filter: (path) => !path.endsWith('.ts') && basename(path) !== 'tsconfig.json',
});
writeFileSync(join(target, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

/**
 * Builds the library's schematics into the package ng-packagr wrote (run after
 * `ng build ngx-stream-chat`): type-checks them, bundles `ng-add` into one CommonJS file with
 * esbuild, and copies the collection and schema.
 *
 * The bundle is named `.cjs` because the package is `"type": "module"`, and the Angular CLI loads
 * schematics with `require`. (A `{"type": "commonjs"}` package.json beside them would do too,
 * but `npm pack` leaves nested package.json files out of the tarball.)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

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
buildSync({
  entryPoints: [join(source, 'ng-add', 'index.ts')],
  outfile: join(target, 'ng-add', 'index.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Every Angular CLI workspace has these; the schematic uses the app's own copies.
  external: ['@angular-devkit/*', '@schematics/angular', '@schematics/angular/*'],
  logLevel: 'warning',
});
cpSync(join(source, 'ng-add', 'schema.json'), join(target, 'ng-add', 'schema.json'));
const collection = readFileSync(join(source, 'collection.json'), 'utf8');
writeFileSync(
  join(target, 'collection.json'),
  collection.replace('"./ng-add/index#ngAdd"', '"./ng-add/index.cjs#ngAdd"'),
);

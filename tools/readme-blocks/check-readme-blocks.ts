/**
 * `npm run check:readme-blocks`: type-checks every `ts` and `html` code block of the READMEs, so
 * that what they show compiles as written.
 *
 * - `ts` blocks are compiled as modules with the workspace's TypeScript and Angular compiler,
 *   against the sources of the library (`ngx-stream-chat`, `ngx-stream-chat/testing`) and the
 *   emulator (`stream-chat-emulator`), with Jest's and Node's types for test recipes.
 * - `html` blocks are templates of a generated standalone component, compiled with
 *   `strictTemplates`, as a new Angular app compiles them.
 *
 * A block that is a fragment (statements that use `inject()`, an `apiKey`, a template that reads
 * `channelService`) gets what it needs from a comment just above it, which GitHub and npm do not
 * show; for a template the comment declares `class TemplateContext`, which the component extends:
 *
 * ```md
 * <!-- readme-check
 * import { inject } from '@angular/core';
 * import { ChannelService } from 'ngx-stream-chat';
 * class TemplateContext { readonly channelService = inject(ChannelService); }
 * -->
 * ```
 *
 * A block whose first line names a file (`// src/stream-chat.d.ts`, `<!-- chat.html -->`) is
 * written under that name, so a component of the same README can use it as its `templateUrl`.
 * Errors are reported at the README's lines. The generated files stay in
 * `out-tsc/readme-blocks/` for a look.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type * as ts from 'typescript';
import { extractBlocks } from './readme-blocks';
import { FixtureFile, writeFixture } from './readme-fixture';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'out-tsc', 'readme-blocks');

/** The READMEs whose blocks are checked. */
export const READMES = [
  'README.md',
  'projects/ngx-stream-chat/README.md',
  'projects/stream-chat-emulator/README.md',
];

function tsconfigFor(files: FixtureFile[]): object {
  const fromFixture = (path: string) => relative(FIXTURE, join(ROOT, path));
  return {
    extends: fromFixture('tsconfig.json'),
    compilerOptions: {
      noEmit: true,
      types: ['jest', 'node'],
      paths: {
        'ngx-stream-chat': [fromFixture('projects/ngx-stream-chat/src/public-api.ts')],
        'ngx-stream-chat/testing': [
          fromFixture('projects/ngx-stream-chat/testing/src/public-api.ts'),
        ],
        'stream-chat-emulator': [fromFixture('projects/stream-chat-emulator/src/index.ts')],
      },
    },
    angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
    files: files
      .filter((file) => file.path.endsWith('.ts'))
      .map((file) => relative(FIXTURE, file.path)),
  };
}

/** `file:line:column` of a diagnostic, at the README line when it is in a generated file. */
function locate(diagnostic: ts.Diagnostic, files: Map<string, FixtureFile>): string {
  if (!diagnostic.file || diagnostic.start === undefined) {
    return '';
  }
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const generated = files.get(resolve(diagnostic.file.fileName));
  const source = generated?.lines[line];
  return source
    ? `${source.readme}:${source.line}:${character + 1} `
    : `${relative(ROOT, diagnostic.file.fileName)}:${line + 1}:${character + 1} `;
}

function messageText(text: string | ts.DiagnosticMessageChain, indent = ''): string {
  if (typeof text === 'string') {
    return indent + text;
  }
  return [
    indent + text.messageText,
    ...(text.next ?? []).map((next) => messageText(next, indent + '  ')),
  ].join('\n');
}

/**
 * Compiles the fixture with Angular's compiler and returns the errors of the generated files.
 * Only those files are checked, against the types of what they import: the library's and the
 * emulator's own code is checked by \`npm run typecheck\` already, and skipping it here halves
 * the time.
 */
async function compile(tsconfig: string, generated: Set<string>): Promise<ts.Diagnostic[]> {
  // The Angular compiler is an ES module.
  const { NgtscProgram, createCompilerHost, readConfiguration } =
    await import('@angular/compiler-cli');
  const config = readConfiguration(tsconfig);
  const program = new NgtscProgram(
    config.rootNames,
    config.options,
    createCompilerHost({ options: config.options }),
  );
  await program.loadNgStructureAsync();
  const ours = program
    .getTsProgram()
    .getSourceFiles()
    .filter((file) => generated.has(resolve(file.fileName)));
  const diagnostics = [
    ...(config.errors as ts.Diagnostic[]),
    ...program.getTsOptionDiagnostics(),
    ...program.getNgOptionDiagnostics(),
    ...ours.flatMap((file) => [
      ...program.getTsSyntacticDiagnostics(file),
      ...program.getTsSemanticDiagnostics(file),
    ]),
    ...program.getNgStructuralDiagnostics(),
    ...ours.flatMap((file) => program.getNgSemanticDiagnostics(file.fileName)),
  ];
  return diagnostics.filter((diagnostic) => diagnostic.category === 1);
}

async function main(): Promise<number> {
  const started = performance.now();
  const blocks = READMES.flatMap((readme) =>
    extractBlocks(readFileSync(join(ROOT, readme), 'utf8'), readme),
  );
  const files = writeFixture(FIXTURE, blocks);
  const byPath = new Map(files.map((file) => [resolve(file.path), file]));
  const tsconfig = join(FIXTURE, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify(tsconfigFor(files), null, 2));

  const errors = await compile(tsconfig, new Set(byPath.keys()));
  // A template is checked once per component that uses it: report each error once.
  const reports = new Set(
    errors.map(
      (error) => `${locate(error, byPath)}error TS${error.code}: ${messageText(error.messageText)}`,
    ),
  );
  for (const report of reports) {
    process.stderr.write(`${report}\n`);
  }
  const count = (language: string) => blocks.filter((block) => block.language === language).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `[readme-blocks] ${reports.size === 0 ? 'passed' : `FAILED with ${reports.size} errors`}: ` +
      `${count('ts')} ts and ${count('html')} html blocks of ${READMES.length} READMEs in ${seconds} s\n`,
  );
  return reports.size === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `[readme-blocks] ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);

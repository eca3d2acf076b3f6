import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ReadmeBlock } from './readme-blocks';

/** Where a line of a generated file comes from: a README and its line. */
export interface SourceLine {
  readme: string;
  line: number;
}

/** A file written for the compiler, and how to map its lines back to a README. */
export interface FixtureFile {
  path: string;
  block: ReadmeBlock;
  /** The README line of each line of the file (index 0 is line 1). */
  lines: SourceLine[];
}

/** The class a template block's context comment declares; the generated component extends it. */
export const TEMPLATE_CONTEXT_CLASS = 'TemplateContext';

/**
 * Writes each block as a file of `folder` (emptied first), one sub-folder per README so that a
 * component's `templateUrl: './chat.html'` finds a block named `chat.html` of the same README:
 *
 * - a `ts` block becomes a module: its context comment, then its code, then `export {}`;
 * - an `html` block becomes a template, plus a standalone component that uses it and extends
 *   the `TemplateContext` class of its context comment.
 *
 * Files are named after the name the block's first line gives (`// app.config.ts`), or after
 * the block's README line.
 */
export function writeFixture(folder: string, blocks: ReadmeBlock[]): FixtureFile[] {
  rmSync(folder, { recursive: true, force: true });
  const files: FixtureFile[] = [];
  const taken = new Set<string>();
  const claim = (path: string, block: ReadmeBlock) => {
    if (taken.has(path)) {
      throw new Error(
        `${block.readme}:${block.line}: another block of this README is already named ` +
          `${relative(folder, path)}`,
      );
    }
    taken.add(path);
    return path;
  };
  for (const block of blocks) {
    const dir = join(folder, block.readme.replace(/[^\w.-]+/g, '_').replace(/\.md$/, ''));
    mkdirSync(dir, { recursive: true });
    const stem = `block-L${block.line}`;
    const context = block.context ? sourceLines(block.context.code, block, block.context.line) : [];
    const code = sourceLines(block.code, block, block.line);
    const atFence = { readme: block.readme, line: block.line - 1 };
    if (block.language === 'ts') {
      const path = claim(join(dir, block.fileName ?? `${stem}.ts`), block);
      write(files, path, block, [...context, ...code, ['export {};', atFence]]);
    } else {
      const templateName = block.fileName ?? `${stem}.html`;
      write(files, claim(join(dir, templateName), block), block, code);
      if (!block.context?.code.includes(`class ${TEMPLATE_CONTEXT_CLASS}`)) {
        throw new Error(
          `${block.readme}:${block.line}: an html block needs a <!-- readme-check --> comment ` +
            `above it that declares "class ${TEMPLATE_CONTEXT_CLASS} { ... }" with what the ` +
            'template reads',
        );
      }
      write(files, claim(join(dir, `${stem}.component.ts`), block), block, [
        ...context,
        [`import { Component as ReadmeBlockComponent } from '@angular/core';`, atFence],
        [
          `@ReadmeBlockComponent({ selector: 'readme-${stem}', templateUrl: './${templateName}' })`,
          atFence,
        ],
        [`export class ReadmeBlock extends ${TEMPLATE_CONTEXT_CLASS} {}`, atFence],
      ]);
    }
  }
  return files;
}

function sourceLines(code: string, block: ReadmeBlock, firstLine: number): [string, SourceLine][] {
  return code
    .split('\n')
    .map((text, index) => [text, { readme: block.readme, line: firstLine + index }]);
}

function write(
  files: FixtureFile[],
  path: string,
  block: ReadmeBlock,
  lines: [string, SourceLine][],
): void {
  writeFileSync(path, lines.map(([text]) => text).join('\n') + '\n');
  files.push({ path, block, lines: lines.map(([, source]) => source) });
}

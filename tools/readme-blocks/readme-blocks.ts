/** A code block of a README that is type-checked: TypeScript, or an Angular template. */
export interface ReadmeBlock {
  /** The README's path, relative to the workspace root (for messages). */
  readme: string;
  language: 'ts' | 'html';
  /** The README line (1-based) of the block's first line of code. */
  line: number;
  /** The block's code, without its fences. */
  code: string;
  /** The file name its first line names (`// app.config.ts`, `<!-- chat.html -->`), if any. */
  fileName?: string;
  /** TypeScript from a `<!-- readme-check ... -->` comment just above the block, if any. */
  context?: { code: string; line: number };
}

const FENCE_OPEN = /^(`{3,})\s*([\w-]*)[^`]*$/;
const LANGUAGES: Record<string, ReadmeBlock['language']> = {
  ts: 'ts',
  typescript: 'ts',
  html: 'html',
};
const CONTEXT_OPEN = /^<!--\s*readme-check\s*$/;
const CONTEXT_CLOSE = /^-->\s*$/;
/** Lines allowed between a context comment and its block: blanks and one-line comments. */
const BETWEEN = /^\s*$|^<!--.*-->\s*$/;
const NAMED_TS = /^\/\/\s*(?:\S*\/)?([\w.-]+\.ts)\s*$/;
const NAMED_HTML = /^<!--\s*(?:\S*\/)?([\w.-]+\.html)\s*-->\s*$/;

/**
 * The `ts` and `html` blocks of a Markdown file, in order. Blocks are fenced with three or more
 * backticks at the start of a line (as every README here writes them); other languages are
 * skipped. A block may be preceded by a context comment, whose lines are TypeScript the block
 * needs but does not show (imports, declarations):
 *
 * ```md
 * <!-- readme-check
 * import { inject } from '@angular/core';
 * declare const apiKey: string;
 * -->
 * ```
 *
 * Blank lines and one-line comments (such as `<!-- prettier-ignore -->`) may stand between the
 * comment and the block.
 */
export function extractBlocks(markdown: string, readme: string): ReadmeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: ReadmeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE_OPEN.exec(lines[index]);
    if (!open) {
      continue;
    }
    const fence = open[1];
    let end = index + 1;
    while (end < lines.length && !(lines[end].startsWith(fence) && lines[end].trim() === fence)) {
      end++;
    }
    if (end === lines.length) {
      throw new Error(`${readme}:${index + 1}: a code block is never closed`);
    }
    const language = LANGUAGES[open[2].toLowerCase()];
    if (language) {
      const code = lines.slice(index + 1, end);
      const named = (language === 'ts' ? NAMED_TS : NAMED_HTML).exec(code[0] ?? '');
      blocks.push({
        readme,
        language,
        line: index + 2,
        code: code.join('\n'),
        ...(named ? { fileName: named[1] } : {}),
        ...contextAbove(lines, index),
      });
    }
    index = end;
  }
  return blocks;
}

/** The context comment that ends just above line `fenceIndex` (0-based), if there is one. */
function contextAbove(lines: string[], fenceIndex: number): Pick<ReadmeBlock, 'context'> {
  let close = fenceIndex - 1;
  while (close >= 0 && !CONTEXT_CLOSE.test(lines[close]) && BETWEEN.test(lines[close])) {
    close--;
  }
  if (close < 0 || !CONTEXT_CLOSE.test(lines[close])) {
    return {};
  }
  let open = close - 1;
  while (open >= 0 && !CONTEXT_OPEN.test(lines[open]) && !lines[open].includes('-->')) {
    open--;
  }
  if (open < 0 || !CONTEXT_OPEN.test(lines[open])) {
    return {};
  }
  return { context: { code: lines.slice(open + 1, close).join('\n'), line: open + 2 } };
}

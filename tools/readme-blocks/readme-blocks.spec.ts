import { extractBlocks } from './readme-blocks';

const fence = '```';

describe('extractBlocks', () => {
  it('returns the ts and html blocks with the README line of their first line of code', () => {
    const markdown = [
      '# Title', // 1
      '', // 2
      `${fence}ts`, // 3
      'const a = 1;', // 4
      'const b = 2;', // 5
      fence, // 6
      `${fence}bash`, // 7
      'npm test', // 8
      fence, // 9
      `${fence}html`, // 10
      '<p>{{ a }}</p>', // 11
      fence, // 12
    ].join('\n');
    expect(extractBlocks(markdown, 'README.md')).toEqual([
      { readme: 'README.md', language: 'ts', line: 4, code: 'const a = 1;\nconst b = 2;' },
      { readme: 'README.md', language: 'html', line: 11, code: '<p>{{ a }}</p>' },
    ]);
  });

  it('takes the context comment above a block, across blanks and one-line comments', () => {
    const markdown = [
      '<!-- readme-check', // 1
      "import { inject } from '@angular/core';", // 2
      'declare const apiKey: string;', // 3
      '-->', // 4
      '', // 5
      '<!-- prettier-ignore -->', // 6
      `${fence}typescript`, // 7
      'inject(apiKey);', // 8
      fence, // 9
    ].join('\n');
    expect(extractBlocks(markdown, 'r.md')[0].context).toEqual({
      code: "import { inject } from '@angular/core';\ndeclare const apiKey: string;",
      line: 2,
    });
  });

  it('gives a block no context when prose stands between it and a comment', () => {
    const markdown = [
      '<!-- readme-check',
      'declare const a: 1;',
      '-->',
      'Some prose.',
      `${fence}ts`,
      'a;',
      fence,
    ];
    expect(extractBlocks(markdown.join('\n'), 'r.md')[0].context).toBeUndefined();
  });

  it('ignores other comments that end above a block', () => {
    const markdown = ['<!--', 'a note', '-->', `${fence}ts`, 'a;', fence];
    expect(extractBlocks(markdown.join('\n'), 'r.md')[0].context).toBeUndefined();
  });

  it('names a block after the file its first line names', () => {
    const markdown = [
      `${fence}ts`,
      '// src/stream-chat.d.ts',
      fence,
      `${fence}html`,
      '<!-- chat.html -->',
      fence,
      `${fence}ts`,
      '// not a file name',
      fence,
    ];
    expect(extractBlocks(markdown.join('\n'), 'r.md').map((block) => block.fileName)).toEqual([
      'stream-chat.d.ts',
      'chat.html',
      undefined,
    ]);
  });

  it('skips the content of other blocks, even when it looks like a fence', () => {
    const markdown = [
      '````md',
      `${fence}ts`,
      'not code',
      fence,
      '````',
      `${fence}ts`,
      'code;',
      fence,
    ];
    expect(extractBlocks(markdown.join('\n'), 'r.md')).toEqual([
      { readme: 'r.md', language: 'ts', line: 7, code: 'code;' },
    ]);
  });

  it('refuses a block that is never closed, naming its line', () => {
    expect(() => extractBlocks(['text', `${fence}ts`, 'a;'].join('\n'), 'r.md')).toThrow(
      'r.md:2: a code block is never closed',
    );
  });
});

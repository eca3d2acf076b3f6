import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { StreamChat } from 'stream-chat';
import WebSocket from 'ws';
import { HELP_TEXT, parseCliArguments } from './cli-arguments';

/** The command line from its sources (the compiled bin is exercised by the package spec). */
const CLI = ['--import', 'tsx', join(__dirname, 'cli.ts')];

/** Runs the bin with arguments; resolves with its output once it exits. */
function runBin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('command line', () => {
  it('documents every flag in --help', async () => {
    const { code, stdout } = await runBin(['--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--api-key',
      '--api-secret',
      '--seed',
      '--data',
      '--no-dev-tokens',
      '--help',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('3100');
    expect(stdout).toBe(HELP_TEXT);
  }, 20_000);

  it('starts, serves the stream-chat client and closes every socket on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [...CLI, '--port', '0', '--api-key', 'cli-key', '--api-secret', 'cli-secret'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+) \(api key: cli-key\)/.exec(output);
        if (match) {
          resolve(match[1]);
        }
      });
      child.once('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    const token = new StreamChat('cli-key', 'cli-secret').createToken('alice');
    const query = new URLSearchParams({
      json: JSON.stringify({ user_id: 'alice', user_details: { id: 'alice' } }),
      api_key: 'cli-key',
      authorization: token,
      'stream-auth-type': 'jwt',
    });
    const socket = new WebSocket(`${url.replace('http', 'ws')}/connect?${query}`);
    const firstFrame = await new Promise<Record<string, unknown>>((resolve) =>
      socket.once('message', (data) =>
        resolve(JSON.parse(data.toString()) as Record<string, unknown>),
      ),
    );
    expect(firstFrame).toMatchObject({
      type: 'health.check',
      me: { id: 'alice', name: 'Alice Martin' },
    });
    const closeCode = new Promise<number>((resolve) =>
      socket.once('close', (code) => resolve(code)),
    );
    const exitCode = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await closeCode).toBe(1001);
    expect(await exitCode).toBe(0);
  }, 20_000);

  it('parses flags, including --flag=value and --no-dev-tokens', () => {
    expect(
      parseCliArguments([
        '--port=0',
        '--host',
        '0.0.0.0',
        '--api-key',
        'k',
        '--api-secret=s',
        '--seed',
        'a.json',
        '--data',
        'b.json',
        '--no-dev-tokens',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '0.0.0.0',
        apiKey: 'k',
        apiSecret: 's',
        seed: 'a.json',
        dataFile: 'b.json',
        devTokens: false,
      },
    });
    expect(parseCliArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArguments(['--port', '3030'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('8800'),
    });
    expect(parseCliArguments(['--port', 'abc'])).toMatchObject({ kind: 'error' });
    expect(parseCliArguments(['--seed'])).toMatchObject({
      kind: 'error',
      message: '--seed needs a value',
    });
    expect(parseCliArguments(['--bogus'])).toMatchObject({
      kind: 'error',
      message: 'unknown option --bogus',
    });
  });

  it('keeps the edges of the old parser and names each mistake', () => {
    expect(parseCliArguments([])).toEqual({ kind: 'run', options: {} });
    expect(parseCliArguments(['--quiet', '-h'])).toEqual({ kind: 'help' });
    expect(parseCliArguments(['--quiet', '--port', '80', '--port=81'])).toEqual({
      kind: 'run',
      options: { quiet: true, port: 81 },
    });
    // --help before a mistake is help; a mistake before --help is the mistake.
    expect(parseCliArguments(['--help', '--bogus'])).toEqual({ kind: 'help' });
    expect(parseCliArguments(['--bogus=1', '--help'])).toEqual({
      kind: 'error',
      message: 'unknown option --bogus',
    });
    expect(parseCliArguments(['-x'])).toEqual({ kind: 'error', message: 'unknown option -x' });
    expect(parseCliArguments(['--seed='])).toEqual({
      kind: 'error',
      message: '--seed needs a value',
    });
    expect(parseCliArguments(['--help=yes'])).toEqual({
      kind: 'error',
      message: '--help does not take a value',
    });
    expect(parseCliArguments(['--no-dev-tokens=false'])).toEqual({
      kind: 'error',
      message: '--no-dev-tokens does not take a value',
    });
    expect(parseCliArguments(['seed.json'])).toEqual({
      kind: 'error',
      message: 'unexpected argument seed.json (flags start with --)',
    });
    expect(parseCliArguments(['--', '--port'])).toEqual({
      kind: 'error',
      message: 'unexpected argument --port (flags start with --)',
    });
  });

  it('refuses a value that looks like a flag unless it is written --flag=value', () => {
    expect(parseCliArguments(['--seed', '--data', 'b.json'])).toEqual({
      kind: 'error',
      message:
        '--seed needs a value; --data looks like a flag (write --seed=--data if it is the value)',
    });
    expect(parseCliArguments(['--seed=-odd.json'])).toEqual({
      kind: 'run',
      options: { seed: '-odd.json' },
    });
  });

  it('accepts only a plain decimal port from 0 to 65535, never 3030', () => {
    expect(parseCliArguments(['--port', '65535'])).toEqual({
      kind: 'run',
      options: { port: 65535 },
    });
    for (const port of ['65536', '0x10', '1e3', ' 5', '8.5', '-1']) {
      expect(parseCliArguments([`--port=${port}`])).toEqual({
        kind: 'error',
        message: `--port must be a whole number between 0 and 65535, not ${port}`,
      });
    }
    expect(parseCliArguments(['--port', '-1'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('write --port=-1 if it is the value'),
    });
  });
});

import {
  DEFAULT_API_KEY,
  DEFAULT_API_SECRET,
  DEFAULT_HOST,
  DEFAULT_PORT,
  EmulatorOptions,
} from './emulator-options';

/** The `--help` text: every flag with its default. */
export const HELP_TEXT = `Usage: stream-chat-emulator [options]

A local server that speaks Stream Chat's HTTP and WebSocket protocol,
for the unmodified stream-chat client (baseURL = the printed URL).

Options:
  --port <number>       TCP port to listen on (default ${DEFAULT_PORT}; 0 picks a free port;
                        3030 is refused because stream-chat moves its WebSocket to 8800)
  --host <address>      interface to bind (default ${DEFAULT_HOST})
  --api-key <key>       API key clients must send (default ${DEFAULT_API_KEY})
  --api-secret <secret> secret that signs and verifies tokens (default ${DEFAULT_API_SECRET})
  --seed <file.json>    initial users, channels and messages (default: the bundled seed
                        with alice, bob, carol and a livestream channel)
  --data <file.json>    keep the state in this file: loaded at start when it exists,
                        saved after changes and on exit
  --no-dev-tokens       refuse development tokens (client.devToken(id))
  --quiet               print only the URL line
  --help                show this help and exit
`;

/** The outcome of parsing the command line. */
export type CliCommand =
  { kind: 'help' } | { kind: 'run'; options: EmulatorOptions } | { kind: 'error'; message: string };

const VALUE_FLAGS = new Set(['--port', '--host', '--api-key', '--api-secret', '--seed', '--data']);

/**
 * Parses the command line (without `node` and the script): `--flag value` and
 * `--flag=value` forms are accepted.
 */
export function parseCliArguments(argv: string[]): CliCommand {
  const options: EmulatorOptions = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [flag, inlineValue] = argument.includes('=')
      ? argument.split(/=(.*)/s, 2)
      : [argument, undefined];
    if (flag === '--help' || flag === '-h') {
      return { kind: 'help' };
    }
    if (flag === '--no-dev-tokens') {
      options.devTokens = false;
      continue;
    }
    if (flag === '--quiet') {
      options.quiet = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) {
      return { kind: 'error', message: `unknown option ${argument}` };
    }
    const value = inlineValue ?? argv[++index];
    if (value === undefined || value === '') {
      return { kind: 'error', message: `${flag} needs a value` };
    }
    switch (flag) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          return {
            kind: 'error',
            message: `--port must be a whole number between 0 and 65535, not ${value}`,
          };
        }
        if (port === 3030) {
          return {
            kind: 'error',
            message: '--port 3030 cannot be used: stream-chat moves WebSockets on :3030 to :8800',
          };
        }
        options.port = port;
        break;
      }
      case '--host':
        options.host = value;
        break;
      case '--api-key':
        options.apiKey = value;
        break;
      case '--api-secret':
        options.apiSecret = value;
        break;
      case '--seed':
        options.seed = value;
        break;
      default:
        options.dataFile = value;
    }
  }
  return { kind: 'run', options };
}

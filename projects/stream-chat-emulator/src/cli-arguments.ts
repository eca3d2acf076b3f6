import { parseArgs, ParseArgsConfig } from 'node:util';
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
  -h, --help            show this help and exit
`;

/** The outcome of parsing the command line. */
export type CliCommand =
  { kind: 'help' } | { kind: 'run'; options: EmulatorOptions } | { kind: 'error'; message: string };

/** Every flag the command line accepts, in `util.parseArgs` form. */
const CLI_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'api-key': { type: 'string' },
  'api-secret': { type: 'string' },
  seed: { type: 'string' },
  data: { type: 'string' },
  'no-dev-tokens': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The values `parseArgs` returns for {@link CLI_OPTIONS}. */
type CliValues = ReturnType<typeof parseStrictly>['values'];

/** Matches a port written as plain decimal digits (no sign, exponent, hex or blanks). */
const PORT_DIGITS = /^\d{1,5}$/;

/**
 * Parses the command line (without `node` and the script) with `util.parseArgs` in strict
 * mode: `--flag value` and `--flag=value` are accepted, the last of a repeated flag wins,
 * positional arguments are refused. Arguments are read in order, so `--help` wins over a
 * mistake that comes after it, not over one before it.
 */
export function parseCliArguments(argv: string[]): CliCommand {
  let values: CliValues;
  try {
    values = parseStrictly(argv).values;
  } catch (error) {
    return describeRefusal(argv, error);
  }
  if (values.help) {
    return { kind: 'help' };
  }
  return optionsFromValues(values);
}

/** Runs `parseArgs` in strict mode; throws its `ERR_PARSE_ARGS_*` errors. */
function parseStrictly(argv: string[]) {
  return parseArgs({ args: argv, options: CLI_OPTIONS, strict: true, allowPositionals: false });
}

/** Turns parsed flags into emulator options, refusing empty values and bad ports. */
function optionsFromValues(values: CliValues): CliCommand {
  const stringFlags: [keyof CliValues, string | undefined][] = [
    ['port', values.port],
    ['host', values.host],
    ['api-key', values['api-key']],
    ['api-secret', values['api-secret']],
    ['seed', values.seed],
    ['data', values.data],
  ];
  for (const [name, value] of stringFlags) {
    if (value === '') {
      return needsValue(`--${name}`);
    }
  }
  const options: EmulatorOptions = {};
  if (values.port !== undefined) {
    const port = PORT_DIGITS.test(values.port) ? Number(values.port) : Number.NaN;
    if (!Number.isInteger(port) || port > 65535) {
      return {
        kind: 'error',
        message: `--port must be a whole number between 0 and 65535, not ${values.port}`,
      };
    }
    if (port === 3030) {
      return {
        kind: 'error',
        message: '--port 3030 cannot be used: stream-chat moves WebSockets on :3030 to :8800',
      };
    }
    options.port = port;
  }
  if (values.host !== undefined) {
    options.host = values.host;
  }
  if (values['api-key'] !== undefined) {
    options.apiKey = values['api-key'];
  }
  if (values['api-secret'] !== undefined) {
    options.apiSecret = values['api-secret'];
  }
  if (values.seed !== undefined) {
    options.seed = values.seed;
  }
  if (values.data !== undefined) {
    options.dataFile = values.data;
  }
  if (values['no-dev-tokens']) {
    options.devTokens = false;
  }
  if (values.quiet) {
    options.quiet = true;
  }
  return { kind: 'run', options };
}

/**
 * Explains why strict parsing failed, in our own words: the arguments are read again
 * leniently (same flags, with tokens) and the first offending token is named. Reading in
 * order also keeps `--help` before the mistake meaning help. Falls back to Node's message
 * if no token explains the failure.
 */
function describeRefusal(argv: string[], error: unknown): CliCommand {
  const { tokens } = parseArgs({ args: argv, options: CLI_OPTIONS, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') {
      return { kind: 'error', message: `unexpected argument ${token.value} (flags start with --)` };
    }
    if (token.kind !== 'option') {
      continue;
    }
    if (!Object.hasOwn(CLI_OPTIONS, token.name)) {
      return { kind: 'error', message: `unknown option ${token.rawName}` };
    }
    const type = CLI_OPTIONS[token.name as keyof typeof CLI_OPTIONS].type;
    if (type === 'boolean' && token.value !== undefined) {
      return { kind: 'error', message: `${token.rawName} does not take a value` };
    }
    if (type === 'string' && token.value === undefined) {
      return needsValue(token.rawName);
    }
    if (type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      return {
        kind: 'error',
        message:
          `${token.rawName} needs a value; ${token.value} looks like a flag ` +
          `(write ${token.rawName}=${token.value} if it is the value)`,
      };
    }
    if (token.name === 'help') {
      return { kind: 'help' };
    }
  }
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** The refusal of a flag given without its value. */
function needsValue(flag: string): CliCommand {
  return { kind: 'error', message: `${flag} needs a value` };
}

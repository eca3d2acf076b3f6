import { HELP_TEXT, parseCliArguments } from './cli-arguments';
import { startEmulator } from './emulator';

/** Runs the emulator from the command line until SIGINT or SIGTERM. */
async function main(argv: string[]): Promise<void> {
  const command = parseCliArguments(argv);
  if (command.kind === 'help') {
    process.stdout.write(HELP_TEXT);
    return;
  }
  if (command.kind === 'error') {
    process.stderr.write(`stream-chat-emulator: ${command.message}\n\n${HELP_TEXT}`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator(command.options);
  process.stdout.write(
    `stream-chat-emulator listening on ${emulator.url} (api key: ${emulator.apiKey})\n`,
  );
  if (!command.options.quiet) {
    const data = command.options.dataFile ? `, data file ${command.options.dataFile}` : '';
    const devTokens = command.options.devTokens === false ? 'refused' : 'accepted';
    process.stdout.write(`  dev tokens ${devTokens}${data}; press Ctrl+C to stop\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stdout.write(`stream-chat-emulator: ${signal} received, closing every socket\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

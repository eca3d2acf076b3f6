/** How big a run is: `full` for the published figures, `smoke` to check that everything still runs. */
export type RunMode = 'full' | 'smoke';

/** The run mode named on the command line (`--smoke`), `full` otherwise. */
export function runModeFromArgs(args: readonly string[] = process.argv.slice(2)): RunMode {
  return args.includes('--smoke') ? 'smoke' : 'full';
}

/** Picks the full-run or the smoke-run value. */
export function bySize<T>(mode: RunMode, full: T, smoke: T): T {
  return mode === 'full' ? full : smoke;
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/child-process';
import { unpairedFigure } from '../support/figures';
import { BenchmarkReport } from '../support/report-model';
import { RunMode } from '../support/run-mode';

/** The throwaway apps of bench/bundle/angular.json. */
const APPS = [
  'stream-chat-only',
  'ngx-stream-chat',
  'ngx-stream-chat-all-features',
  'vendor-sdk',
] as const;
type AppName = (typeof APPS)[number];

/** What one production build ships. */
interface BundleSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Builds one app with the Angular application builder (production) into `outputDir`. */
function build(app: AppName, outputDir: string): void {
  const result = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', '@angular', 'cli', 'bin', 'ng.js'),
      'build',
      app,
      '--output-path',
      outputDir,
    ],
    { cwd: __dirname, encoding: 'utf8', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } },
  );
  if (result.status !== 0) {
    throw new Error(`ng build ${app} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** The JavaScript an app ships: every .js file of its browser output, raw and compressed. */
function measure(outputDir: string): BundleSize {
  const browserDir = join(outputDir, 'browser');
  const code = Buffer.concat(
    readdirSync(browserDir)
      .filter((file) => file.endsWith('.js'))
      .sort()
      .map((file) => readFileSync(join(browserDir, file))),
  );
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code).length,
  };
}

/** The three figures (minified, gzip, brotli) of one of our apps against the vendor's. */
function addedFigures(
  app: AppName,
  what: string,
  added: (app: AppName, kind: keyof BundleSize) => number,
) {
  const labels = {
    unit: 'KiB',
    subjectName: `ngx-stream-chat, ${what}`,
    referenceName: "vendor SDK's two services",
  };
  const compression: [keyof BundleSize, string][] = [
    ['raw', 'minified'],
    ['gzip', 'gzip'],
    ['brotli', 'brotli'],
  ];
  return compression.map(([kind, name]) =>
    unpairedFigure(
      { ...labels, figure: `JS added beyond stream-chat, ${what}, ${name}` },
      [added(app, kind)],
      [added('vendor-sdk', kind)],
    ),
  );
}

/**
 * 4. Bundle: the bytes ngx-stream-chat's two services add to a production app beyond stream-chat
 * itself, for an app using only the channel list and messages and for one using every optional
 * feature, against the bytes the vendor SDK's two services add. Four throwaway zoneless apps
 * (bench/bundle/apps) are built with the Angular application builder into a temporary directory.
 */
export async function run(mode: RunMode): Promise<BenchmarkReport> {
  if (mode === 'smoke') {
    return {
      name: '4. Bundle',
      figures: [],
      notes: [
        'Not built in smoke runs: four production builds take 40-120 s on a shared 2-core ' +
          'machine. The apps are type-checked by npm run typecheck; npm run bench builds them.',
      ],
    };
  }
  const outputRoot = mkdtempSync(join(tmpdir(), 'ngx-stream-chat-bundle-'));
  const sizes = {} as Record<AppName, BundleSize>;
  try {
    for (const app of APPS) {
      const outputDir = join(outputRoot, app);
      build(app, outputDir);
      sizes[app] = measure(outputDir);
    }
  } finally {
    rmSync(outputRoot, { recursive: true, force: true });
  }
  const base = sizes['stream-chat-only'];
  const added = (app: AppName, kind: keyof BundleSize) => (sizes[app][kind] - base[kind]) / 1024;
  const kib = (app: AppName) => `${(sizes[app].raw / 1024).toFixed(1)} KiB`;
  return {
    name: '4. Bundle',
    figures: [
      ...addedFigures('ngx-stream-chat', 'list + messages', added),
      ...addedFigures('ngx-stream-chat-all-features', 'every feature', added),
    ],
    notes: [
      `Production builds (@angular/build:application, optimization on, no source maps) of four ` +
        `zoneless apps with one component each: stream-chat alone (connectUser, queryChannels): ` +
        `${kib('stream-chat-only')} minified, ${(base.gzip / 1024).toFixed(1)} KiB gzip; ` +
        `with ngx-stream-chat's ChatClientService and ChannelService showing the list and the ` +
        `messages and sending (library compiled from its sources, provideStreamChat(config)): ` +
        `${kib('ngx-stream-chat')}; the same with every optional feature added and used ` +
        `(provideStreamChat(config, withThreads(), withReactions(), withAttachments()), reactions, replies and an upload in ` +
        `the template): ${kib('ngx-stream-chat-all-features')}; with stream-chat-angular's ` +
        `ChatClientService and ChannelService only (every feature is in them): ` +
        `${kib('vendor-sdk')}. Figures are the difference from the stream-chat-only app; builds ` +
        `are deterministic, so there is one sample each.`,
    ],
  };
}

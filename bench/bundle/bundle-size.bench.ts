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
const APPS = ['stream-chat-only', 'ngx-stream-chat', 'vendor-sdk'] as const;
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

/**
 * 4. Bundle: the bytes ngx-stream-chat's two services add to a production app beyond stream-chat
 * itself, against the bytes the vendor SDK's two services add. Three throwaway zoneless apps
 * (bench/bundle/apps) are built with the Angular application builder into a temporary directory.
 */
export async function run(mode: RunMode): Promise<BenchmarkReport> {
  if (mode === 'smoke') {
    return {
      name: '4. Bundle',
      figures: [],
      notes: [
        'Not built in smoke runs: three production builds take 30-90 s on a shared 2-core ' +
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
  const labels = {
    unit: 'KiB',
    subjectName: 'ngx-stream-chat services',
    referenceName: 'vendor SDK services',
  };
  return {
    name: '4. Bundle',
    figures: [
      unpairedFigure(
        { ...labels, figure: 'JS added beyond stream-chat, minified' },
        [added('ngx-stream-chat', 'raw')],
        [added('vendor-sdk', 'raw')],
      ),
      unpairedFigure(
        { ...labels, figure: 'JS added beyond stream-chat, gzip' },
        [added('ngx-stream-chat', 'gzip')],
        [added('vendor-sdk', 'gzip')],
      ),
      unpairedFigure(
        { ...labels, figure: 'JS added beyond stream-chat, brotli' },
        [added('ngx-stream-chat', 'brotli')],
        [added('vendor-sdk', 'brotli')],
      ),
    ],
    notes: [
      `Production builds (@angular/build:application, optimization on, no source maps) of three ` +
        `zoneless apps with one component each: stream-chat alone (connectUser, queryChannels): ` +
        `${(base.raw / 1024).toFixed(1)} KiB minified, ${(base.gzip / 1024).toFixed(1)} KiB gzip; ` +
        `the same with ngx-stream-chat's ChatClientService and ChannelService (library compiled ` +
        `from its sources): ${(sizes['ngx-stream-chat'].raw / 1024).toFixed(1)} KiB; with ` +
        `stream-chat-angular's ChatClientService and ChannelService only: ` +
        `${(sizes['vendor-sdk'].raw / 1024).toFixed(1)} KiB. Figures are the difference from the ` +
        `stream-chat-only app; builds are deterministic, so there is one sample each.`,
    ],
  };
}

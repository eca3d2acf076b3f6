import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What ng-add needs to know of the ngx-stream-chat package it belongs to. */
export interface LibraryManifest {
  /** The package's own version; `stream-chat-emulator` is released with the same one. */
  version: string;
  /** The `stream-chat` range the library declares as its peer dependency. */
  streamChatRange: string;
}

/**
 * Reads the library's package.json: two folders up from this file, both in the sources
 * (`projects/ngx-stream-chat/schematics/ng-add`) and in the package (`schematics/ng-add`).
 */
export function readLibraryManifest(): LibraryManifest {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
  ) as {
    version: string;
    peerDependencies?: Record<string, string>;
  };
  return {
    version: manifest.version,
    streamChatRange: manifest.peerDependencies?.['stream-chat'] ?? 'latest',
  };
}

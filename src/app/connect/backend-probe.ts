import { InjectionToken } from '@angular/core';
import { ChatBackend } from '../chat-backend';

/** Where the `stream-chat` client goes when `chat-backend.json` has no `baseURL`. */
export const STREAM_CLOUD_URL = 'https://chat.stream-io-api.com';

/** How long one probe may take before the backend counts as unreachable. */
const PROBE_TIMEOUT_MS = 4_000;

/**
 * The cheapest request that proves the chat backend is up: `GET /app?api_key=...` without a
 * token. The emulator (and Stream) answer it with a 401 (error code 5) and CORS headers; any
 * HTTP answer means the server is there, only a network failure or a timeout means it is not.
 */
export function backendProbeUrl(backend: ChatBackend): string {
  return `${backend.baseURL ?? STREAM_CLOUD_URL}/app?api_key=${encodeURIComponent(backend.apiKey)}`;
}

/** Resolves with whether anything answers at `url`; never rejects. */
export type BackendProbe = (url: string) => Promise<boolean>;

/** How the demo probes its backend: `fetch`, any HTTP status counts as an answer. */
export const BACKEND_PROBE = new InjectionToken<BackendProbe>('demo backend probe', {
  providedIn: 'root',
  factory: () => async (url) => {
    try {
      await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      return true;
    } catch {
      return false;
    }
  },
});

/** How often the connect panel probes the backend, in milliseconds. */
export const BACKEND_PROBE_INTERVAL_MS = new InjectionToken<number>('demo backend probe interval', {
  providedIn: 'root',
  factory: () => 5_000,
});

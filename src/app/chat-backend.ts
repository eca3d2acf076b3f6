/**
 * Where the demo's chat backend lives, read at startup from `chat-backend.json` (in `public/`).
 * The committed file points at the local emulator and token endpoint that `npm start` runs,
 * which reads the same file (so this file imports nothing from Angular).
 */
export interface ChatBackend {
  /** The Stream API key. */
  apiKey: string;
  /**
   * The REST and WebSocket base URL handed to the `stream-chat` client; left out for Stream's
   * cloud, where the client picks its own.
   */
  baseURL?: string;
  /** The URL of "your own backend": `GET <tokenEndpoint>?user_id=<id>` answers `{"token": "..."}`. */
  tokenEndpoint: string;
}

/** Where the demo reads its backend from, relative to the page. */
export const CHAT_BACKEND_FILE = 'chat-backend.json';

function isAbsoluteHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Checks the contents of `chat-backend.json`; throws an error that names the field to fix. */
export function parseChatBackend(json: unknown): ChatBackend {
  const where = `${CHAT_BACKEND_FILE}:`;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new Error(`${where} expected an object with apiKey, tokenEndpoint and baseURL.`);
  }
  const { apiKey, baseURL, tokenEndpoint } = json as Record<string, unknown>;
  if (typeof apiKey !== 'string' || !apiKey.trim()) {
    throw new Error(`${where} "apiKey" must be your Stream API key.`);
  }
  if (!isAbsoluteHttpUrl(tokenEndpoint)) {
    throw new Error(`${where} "tokenEndpoint" must be the http(s) URL of your token endpoint.`);
  }
  if (baseURL !== undefined && !isAbsoluteHttpUrl(baseURL)) {
    throw new Error(`${where} "baseURL" must be an http(s) URL, or left out for Stream's cloud.`);
  }
  return baseURL === undefined
    ? { apiKey, tokenEndpoint }
    : { apiKey, baseURL: baseURL.replace(/\/+$/, ''), tokenEndpoint };
}

/** Fetches and checks `chat-backend.json`. */
export async function loadChatBackend(
  fetchFile: typeof fetch = fetch,
  url: string = CHAT_BACKEND_FILE,
): Promise<ChatBackend> {
  const response = await fetchFile(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  }
  return parseChatBackend(await response.json());
}

/** Whether the backend is a local server (the emulator) rather than Stream's cloud. */
export function isLocalBackend(backend: ChatBackend): boolean {
  if (!backend.baseURL) {
    return false;
  }
  const host = new URL(backend.baseURL).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

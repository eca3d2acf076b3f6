/** Where the demo's chat backend lives: the local emulator by default. */
export interface ChatBackend {
  /** The Stream API key. */
  apiKey: string;
  /** The REST and WebSocket base URL handed to the `stream-chat` client. */
  baseURL: string;
}

/** The local emulator started by `npm start` (see the emulator's README for its defaults). */
export const chatBackend: ChatBackend = {
  apiKey: 'emulator-key',
  baseURL: 'http://127.0.0.1:3100',
};

/** Options of `ng add ngx-stream-chat`, as declared in `schema.json`. */
export interface NgAddOptions {
  /** The application to set up; the workspace's only application when left out. */
  project?: string;
  /** The Stream API key the app connects with. Default `emulator-key`. */
  apiKey: string;
  /** The chat server's address; an empty string connects to Stream's cloud. */
  baseUrl: string;
  /** Whether to add `stream-chat-emulator` as a dev dependency and a script that runs it. */
  emulator: boolean;
  /** Whether to leave installing the added packages to the user. */
  skipInstall: boolean;
}

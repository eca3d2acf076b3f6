/** The app the emulator serves. */
export interface AppSettings {
  /** The one API key accepted. */
  apiKey: string;
  /** The secret that signs and verifies tokens. */
  apiSecret: string;
  /** Whether `devtoken` tokens are accepted (Stream's `disable_auth_checks`). */
  devTokens: boolean;
}

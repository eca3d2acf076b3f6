import { accessKeyError } from '../protocol/api-error';
import { AppSettings } from './app-settings';

/** Checks the `api_key` query parameter. @throws ApiError code 2 when missing or unknown. */
export function checkApiKey(app: AppSettings, apiKey: string | null): void {
  if (apiKey !== app.apiKey) {
    throw accessKeyError(apiKey ?? undefined);
  }
}

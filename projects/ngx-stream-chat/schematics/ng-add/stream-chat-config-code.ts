import { invalidOptionError } from './ng-add-errors';
import { NgAddOptions } from './schema';

/** Writes a string as a single-quoted TypeScript literal. */
function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The `StreamChatConfig` literal written into the app, such as
 * `{ apiKey: 'emulator-key', options: { baseURL: 'http://127.0.0.1:3100' } }`; without
 * `options` when `baseUrl` is empty (Stream's cloud). Throws on an empty key or a bad URL.
 */
export function streamChatConfigCode(options: Pick<NgAddOptions, 'apiKey' | 'baseUrl'>): string {
  const apiKey = options.apiKey.trim();
  if (apiKey === '') {
    throw invalidOptionError('api-key', options.apiKey, 'the API key must not be empty');
  }
  const baseUrl = options.baseUrl.trim();
  if (baseUrl === '') {
    return `{ apiKey: ${quote(apiKey)} }`;
  }
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw invalidOptionError(
      'base-url',
      options.baseUrl,
      'give an http:// or https:// address, or an empty string for Stream\u2019s cloud',
    );
  }
  return `{ apiKey: ${quote(apiKey)}, options: { baseURL: ${quote(baseUrl)} } }`;
}

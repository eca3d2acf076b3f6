import { ServerResponse } from 'node:http';
import { ApiError } from '../protocol/api-error';

/** Formats the time since `startedAt` (from `process.hrtime.bigint()`) as Stream does, e.g. `0.42ms`. */
export function formatDuration(startedAt: bigint): string {
  return `${(Number(process.hrtime.bigint() - startedAt) / 1e6).toFixed(2)}ms`;
}

/** Sends a JSON body with a status (CORS headers are set by the caller beforehand). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) {
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * Sends a Stream-shaped error body `{code, message, StatusCode, duration, more_info}`.
 * @param operation the failing operation, e.g. `SendMessage`.
 */
export function sendApiError(
  response: ServerResponse,
  error: ApiError,
  operation: string,
  startedAt: bigint,
): void {
  sendJson(response, error.status, error.toBody(operation, formatDuration(startedAt)));
}

import { RunningEmulator } from '../../src';
import { RawRequest, connectQuery } from '../raw-requests';

/**
 * One bad REST request and the refusal it must get: HTTP status, Stream error code and a
 * phrase of the message that says what was wrong. Rows without `code` are requests that
 * look hostile but are valid (prototype-named sort fields): they must answer 200.
 */
export interface HttpRow {
  name: string;
  request: RawRequest;
  status: number;
  code?: number;
  says?: string;
}

/** How a row's expected answer reads in its test name. */
export function answerOf(row: HttpRow): string {
  return row.code === undefined
    ? `HTTP ${row.status}, state unchanged`
    : `HTTP ${row.status}, code ${row.code}`;
}

/** `{"x":{"x":…1…}}` nested `levels` deep. */
export function nested(levels: number): string {
  return `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

const BOUNDARY = 'bad-input-boundary';
/** The `Content-Type` of the multipart bodies {@link multipart} builds. */
export const MULTIPART = { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` };

/** A multipart body of the given parts (a part with `filename` is a file part). */
export function multipart(
  parts: Array<{ name: string; filename?: string; type?: string; content: string }>,
): string {
  const sections = parts.map(
    (part) =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"` +
      `${part.filename ? `; filename="${part.filename}"\r\nContent-Type: ${part.type ?? 'text/plain'}` : ''}` +
      `\r\n\r\n${part.content}\r\n`,
  );
  return `${sections.join('')}--${BOUNDARY}--\r\n`;
}

/** Custom data over the 5 KB limit. */
export const BIG = 'x'.repeat(6000);
export /** A small text file part named `notes.txt`. */
const TEXT_FILE = { name: 'file', filename: 'notes.txt', content: 'hello' };

/** GET with a URL-encoded JSON `payload`, as `queryUsers`, `queryMembers` and `search` send it. */
export function payloadGet(
  path: string,
  payload: unknown,
  as: RawRequest['as'] = 'alice',
): RawRequest {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return { method: 'GET', path, as, query: { payload: text } };
}

/**
 * One bad WebSocket connect or frame: the error frame code the connect is refused with
 * (then close 1000), or, for frames sent on an open socket, how the emulator closes it
 * (`undefined`: it ignores the frame and stays open).
 */
export interface SocketRow {
  name: string;
  query: (emulator: RunningEmulator) => Record<string, string>;
  frames?: Array<string | Buffer>;
  errorCode?: number;
  says?: string;
  closeCode: number | undefined;
}

/** The `/connect` query for alice with some parameters replaced (`null` removes one). */
export function aliceConnect(changes: Record<string, string | null>) {
  return (emulator: RunningEmulator): Record<string, string> => {
    const query: Record<string, string> = connectQuery(emulator, 'alice');
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) {
        delete query[key];
      } else {
        query[key] = value;
      }
    }
    return query;
  };
}

import { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { ApiError, inputError } from '../../protocol/api-error';
import { JsonObject, isPlainObject } from '../../protocol/body-fields';
import { MAX_JSON_DEPTH, jsonShapeProblem } from '../../protocol/json-limits';
import { fileTooLargeError } from './upload-config';

/** What an upload request carries. */
export interface UploadForm {
  /** The part's file name (`file` when the part has none). */
  name: string;
  /** The part's own Content-Type (guessed from the name when it is `application/octet-stream`). */
  mimeType: string;
  bytes: Buffer;
  /** The `user` field (server-side uploads in a user's name), parsed. */
  user?: JsonObject;
}

/** MIME types guessed from a name's extension when the part says only `application/octet-stream`. */
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  heic: 'image/heic',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  txt: 'text/plain',
  json: 'application/json',
  zip: 'application/zip',
};

const OCTET_STREAM = 'application/octet-stream';

function partType(declared: string, name: string): string {
  if (declared.toLowerCase() !== OCTET_STREAM) {
    return declared;
  }
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return Object.hasOwn(TYPES_BY_EXTENSION, extension)
    ? TYPES_BY_EXTENSION[extension]
    : OCTET_STREAM;
}

/** The file part being received. */
interface FilePart {
  name: string;
  declaredType: string;
  chunks: Buffer[];
  /** Bytes received (busboy stops one byte over the limit). */
  size: number;
}

/**
 * Reads a `multipart/form-data` upload: one `file` part and optionally a `user` JSON field
 * (and `upload_sizes`, which is ignored). The file is cut at `limitBytes` and then refused,
 * after the whole body has been read (so the client receives the answer).
 * @throws ApiError code 4: not multipart, malformed, no `file` part, more than one file,
 * an unknown field, `user` not a JSON object, or a file over the limit.
 */
export function readUploadForm(request: IncomingMessage, limitBytes: number): Promise<UploadForm> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      // One byte over the limit tells a file of exactly the limit from a longer one.
      limits: { fileSize: limitBytes + 1, files: 1, fields: 10 },
    });
  } catch (error) {
    return Promise.reject(
      inputError(`the upload must be a multipart/form-data body: ${(error as Error).message}`),
    );
  }
  return new Promise<UploadForm>((resolve, reject) => {
    let failure: ApiError | undefined;
    let file: FilePart | undefined;
    let user: JsonObject | undefined;
    const fail = (error: ApiError): void => {
      failure ??= error;
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        fail(inputError(`multipart part "${field}" is not supported: the file goes in "file"`));
        stream.on('error', () => undefined);
        stream.resume();
        return;
      }
      const part: FilePart = {
        name: info.filename || 'file',
        declaredType: info.mimeType || OCTET_STREAM,
        chunks: [],
        size: 0,
      };
      file = part;
      // A body cut short fails the part too; the parser's own error answers it.
      stream.on('error', () => undefined);
      stream.on('data', (chunk: Buffer) => {
        part.chunks.push(chunk);
        part.size += chunk.length;
      });
    });
    parser.on('field', (field, value, info) => {
      if (field === 'user') {
        user = parseUserField(value, info.valueTruncated, fail);
      } else if (field === 'file') {
        fail(inputError('multipart part "file" must be a file part (with a filename)'));
      } else if (field !== 'upload_sizes') {
        fail(inputError(`multipart field "${field}" is not supported`));
      }
    });
    parser.on('filesLimit', () => fail(inputError('an upload carries exactly one file')));
    parser.on('fieldsLimit', () => fail(inputError('an upload carries at most 10 fields')));
    parser.on('error', (error: Error) => {
      request.unpipe(parser);
      request.resume();
      reject(inputError(`the multipart body is malformed: ${error.message}`));
    });
    parser.on('close', () => {
      if (failure) {
        reject(failure);
      } else if (!file) {
        reject(inputError('the upload has no "file" part'));
      } else if (file.size > limitBytes) {
        reject(fileTooLargeError(limitBytes));
      } else {
        resolve({
          name: file.name,
          mimeType: partType(file.declaredType, file.name),
          bytes: Buffer.concat(file.chunks),
          ...(user ? { user } : {}),
        });
      }
    });
    request.once('close', () => {
      if (!request.complete) {
        reject(inputError('the upload was aborted before its end'));
      }
    });
    request.pipe(parser);
  });
}

function parseUserField(
  value: string,
  truncated: boolean,
  fail: (error: ApiError) => void,
): JsonObject | undefined {
  if (truncated) {
    fail(inputError('multipart field "user" is too long'));
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    // refused below
  }
  const problem = jsonShapeProblem(parsed, MAX_JSON_DEPTH);
  if (problem) {
    fail(inputError(`multipart field "user" ${problem}`));
    return undefined;
  }
  if (isPlainObject(parsed)) {
    return parsed;
  }
  fail(inputError('multipart field "user" must be a JSON object'));
  return undefined;
}

import type { AttachmentUpload } from '../../attachment-upload';
import type { StreamChatError } from '../../stream-chat-errors';

/** Why an upload failed, in the vendor's fields. */
export type UploadFailure = Pick<AttachmentUpload, 'errorReason' | 'errorExtraInfo'>;

const MEGABYTE = 1024 * 1024;

/**
 * Why the server refused an upload, as the vendor's `AttachmentUpload` reports it: `'file-size'`
 * with the limit (in MB) for a file too large (code 22, or code 4 naming a size in bytes),
 * `'file-extension'` with the extension for a refused extension (code 4), `'unknown'` otherwise
 * (other refusals, server errors, no network).
 */
export function uploadFailureOf(error: StreamChatError): UploadFailure {
  const text = error.message;
  const bytes = /(\d+)\s?bytes/i.exec(text);
  if (error.code === 22 || (error.code === 4 && bytes)) {
    const megabytes = /(\d+)\s?mb/i.exec(text)?.[1];
    const limit = bytes ? `${Math.round((Number(bytes[1]) / MEGABYTE) * 100) / 100}MB` : undefined;
    const param = limit ?? (megabytes ? `${megabytes}MB` : undefined);
    return { errorReason: 'file-size', ...(param ? { errorExtraInfo: [{ param }] } : {}) };
  }
  if (error.code === 4 && /file extension/i.test(text)) {
    const extension = /file extension (\.[\w-]+)/i.exec(text)?.[1];
    return {
      errorReason: 'file-extension',
      ...(extension ? { errorExtraInfo: [{ param: extension }] } : {}),
    };
  }
  return { errorReason: 'unknown' };
}

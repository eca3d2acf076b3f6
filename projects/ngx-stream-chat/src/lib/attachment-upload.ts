import type { Attachment } from 'stream-chat';
import type { StreamChatError } from './stream-chat-errors';

/** Why an upload did not succeed, in the vendor's words. */
export type AttachmentUploadErrorReason = 'file-size' | 'file-extension' | 'unknown';

/** The limit an upload broke. */
export interface AttachmentUploadErrorInfo {
  /** The limit, e.g. the largest size in bytes or the refused extension. */
  param: string;
}

/**
 * One file of the composer, as `uploadAttachments()` takes and returns it and `attachmentUploads$`
 * lists it: the vendor's `AttachmentUpload` plus the upload's `progress` and typed `error`.
 */
export interface AttachmentUpload {
  /** The file picked by the user. */
  file: File;
  /** `'uploading'` until the server answers, then `'success'` or `'error'`. */
  state: 'error' | 'success' | 'uploading';
  /** Why the upload failed; only when `state` is `'error'`. */
  errorReason?: AttachmentUploadErrorReason;
  /** The limit that was broken, for `'file-size'` and `'file-extension'` errors. */
  errorExtraInfo?: AttachmentUploadErrorInfo[];
  /** The failure as a typed error; only when `state` is `'error'`. */
  error?: StreamChatError;
  /** Share of the file sent so far, from 0 to 1, while uploading. */
  progress?: number;
  /** Where the server stored the file; set on success. */
  url?: string;
  /** How the file is sent: images become image attachments, everything else file attachments. */
  type: 'image' | 'file' | 'video' | 'voiceRecording';
  /** A local preview (data or object URL) to show while uploading. */
  previewUri?: string | ArrayBuffer;
  /** A thumbnail URL, when the server made one. */
  thumb_url?: string;
  /** Extra attachment fields to send along. */
  extraData?: Partial<Attachment>;
  /** The attachment this upload stands for, when editing a sent message. */
  fromAttachment?: Attachment;
}

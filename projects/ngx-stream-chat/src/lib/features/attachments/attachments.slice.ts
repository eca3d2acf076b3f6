import type { AttachmentUpload } from '../../attachment-upload';

/** Upload commands. */
export interface AttachmentCommands {
  /** Uploads the files and resolves with each one's outcome. */
  upload(uploads: AttachmentUpload[]): Promise<AttachmentUpload[]>;
  /** Removes an upload, deleting its file from the server when it was uploaded. */
  remove(upload: AttachmentUpload): Promise<void>;
}

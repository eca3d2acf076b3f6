import type { Attachment } from 'stream-chat';
import type { AttachmentUpload } from '../../attachment-upload';

/**
 * A new upload for a picked file, ready for `uploadAttachments()`: images (a MIME type starting
 * with `image/`) go to the image endpoint and become image attachments, everything else files.
 *
 * @example
 * const uploads = [...input.files].map(attachmentUploadOf);
 * await channelService.uploadAttachments(uploads);
 */
export function attachmentUploadOf(file: File): AttachmentUpload {
  return { file, type: file.type.startsWith('image/') ? 'image' : 'file', state: 'uploading' };
}

/** The attachment a successful upload stands for, shaped as the vendor's composer shapes it. */
function attachmentOf(upload: AttachmentUpload & { url: string }): Attachment {
  if (upload.fromAttachment) return upload.fromAttachment;
  const { file } = upload;
  const attachment: Attachment =
    upload.type === 'image'
      ? { type: 'image', image_url: upload.url, fallback: file.name, mime_type: file.type }
      : {
          type: upload.type,
          asset_url: upload.url,
          title: file.name,
          mime_type: file.type,
          file_size: file.size,
          ...(upload.thumb_url ? { thumb_url: upload.thumb_url } : {}),
        };
  return { ...attachment, ...upload.extraData };
}

/**
 * The attachments to send for the uploads that succeeded, in order (uploads still uploading or
 * failed are left out): images as `{type: 'image', image_url, fallback, mime_type}`, other files
 * as `{type: 'file', asset_url, title, mime_type, file_size}`, each with the upload's `extraData`.
 * An upload made from a sent message's attachment (`fromAttachment`) gives that attachment back.
 *
 * @example
 * await channelService.sendMessage(text, attachmentsOf(channelService.attachmentUploads()));
 */
export function attachmentsOf(uploads: readonly AttachmentUpload[]): Attachment[] {
  return uploads
    .filter((upload): upload is AttachmentUpload & { url: string } =>
      Boolean(upload.state === 'success' && upload.url),
    )
    .map(attachmentOf);
}

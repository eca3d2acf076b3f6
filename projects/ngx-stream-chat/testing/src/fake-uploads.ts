import type { AttachmentUpload } from 'ngx-stream-chat';

/**
 * Where the fakes say an uploaded file is stored: a URL under the reserved `.invalid` domain, so
 * nothing ever answers at it.
 */
export function fakeUploadUrl(cid: string, file: File): string {
  return `https://uploads.fake.invalid/${cid}/${encodeURIComponent(file.name)}`;
}

/** An upload as the real service lists it when it starts: `'uploading'`, nothing sent yet. */
export function uploadStart(upload: AttachmentUpload): AttachmentUpload {
  const { file, type, previewUri, extraData, fromAttachment } = upload;
  return {
    file,
    type,
    state: 'uploading',
    progress: 0,
    ...(previewUri !== undefined ? { previewUri } : {}),
    ...(extraData ? { extraData } : {}),
    ...(fromAttachment ? { fromAttachment } : {}),
  };
}

/** `listed` with `uploads` put in: an upload of a file already listed replaces it, others are added. */
export function putUploads(
  listed: AttachmentUpload[],
  uploads: AttachmentUpload[],
): AttachmentUpload[] {
  const replaced = listed.map(
    (entry) => uploads.find((upload) => upload.file === entry.file) ?? entry,
  );
  const added = uploads.filter((upload) => !listed.some((entry) => entry.file === upload.file));
  return [...replaced, ...added];
}

/** `listed` without the uploads of `files`. */
export function withoutUploads(listed: AttachmentUpload[], files: File[]): AttachmentUpload[] {
  return listed.filter((entry) => !files.includes(entry.file));
}

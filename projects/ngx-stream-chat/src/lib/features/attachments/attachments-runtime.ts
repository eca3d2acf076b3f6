import type { Channel } from 'stream-chat';
import type { AttachmentRequests } from '../../attachment-requests';
import type { AttachmentUpload } from '../../attachment-upload';
import { activeChannelSlice } from '../../core/active-channel.slice';
import type { SliceContext, SliceRuntime } from '../../store/chat-slice';
import {
  invalidInputError,
  noActiveChannelError,
  uploadLimitsError,
} from '../../stream-chat-errors';
import { fromVendorError } from '../../vendor-error';
import type { AttachmentCommands, AttachmentsState } from './attachments.slice';
import { uploadFailureOf } from './upload-failure';
import { UploadLimits, refusedUploads, uploadLimitsOf } from './upload-limits';

/** Sets uploads' state: an upload of the same file replaces its entry, others are added. */
export const PUT_UPLOADS = 'ngx.attachments.put';
/** Drops the upload of a file. */
export const REMOVE_UPLOAD = 'ngx.attachments.remove';

/** The request options `channel.sendFile()` takes (axios's), and its upload progress events. */
type UploadRequestConfig = NonNullable<Parameters<Channel['sendFile']>[4]>;
type UploadProgressEvent = Parameters<NonNullable<UploadRequestConfig['onUploadProgress']>>[0];

/** Whether `value` looks like an upload: an object with a `File` (or any named blob). */
function isUpload(value: unknown): value is AttachmentUpload {
  const file = (value as AttachmentUpload | undefined)?.file;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.name === 'string' &&
    typeof file.size === 'number'
  );
}

/** Throws unless `uploads` is a list of uploads. */
function requireUploads(uploads: unknown, call: string): asserts uploads is AttachmentUpload[] {
  if (!Array.isArray(uploads) || !uploads.every(isUpload)) {
    throw invalidInputError(
      `ChannelService.${call} takes uploads such as { file, type: 'image' | 'file', state }, each ` +
        'with the File picked by the user; nothing was uploaded. Make them with attachmentUploadOf(file).',
    );
  }
}

/** The share of a request's body sent, when the browser knows the total. */
function shareSent(event: UploadProgressEvent): number | undefined {
  if (typeof event.progress === 'number') return Math.min(1, event.progress);
  return event.total ? Math.min(1, event.loaded / event.total) : undefined;
}

/**
 * The attachments feature's commands: upload (limits first, then each file with its progress),
 * retry by uploading again, and remove (deleting the file on the server once it is uploaded).
 */
export function attachmentsRuntime(
  context: SliceContext<AttachmentsState>,
  requests: AttachmentRequests,
): SliceRuntime<AttachmentCommands> {
  /** The app's upload limits, asked once per session (again only after a failure). */
  let limits: Promise<UploadLimits> | undefined;
  /** Files removed while uploading: their outcome is not listed, and their upload deleted. */
  const removedWhileUploading = new WeakSet<File>();

  function activeChannel(call: string): Channel {
    const channel = context.get(activeChannelSlice).channel;
    if (!channel) throw noActiveChannelError(call);
    return channel;
  }

  /**
   * The app's limits; `undefined` when they cannot be read (no network, say): the files are sent
   * anyway, and the server, which checks the same limits, refuses those that break them.
   */
  async function appLimits(): Promise<UploadLimits | undefined> {
    limits ??= context.outside(() => context.client.getAppSettings()).then(uploadLimitsOf);
    try {
      return await limits;
    } catch {
      limits = undefined;
      return undefined;
    }
  }

  function put(cid: string, uploads: AttachmentUpload[]): void {
    context.dispatch({ type: PUT_UPLOADS, cid, uploads });
  }

  /** Sends one file to Stream or to the custom request; reports progress when it is known. */
  function send(
    channel: Channel,
    upload: AttachmentUpload,
    onProgress: (share: number) => void,
  ): Promise<{ file: string; thumb_url?: string }> {
    const { file } = upload;
    const isImage = upload.type === 'image';
    const custom = isImage ? requests.customImageUploadRequest : requests.customFileUploadRequest;
    if (custom) return context.outside(() => custom(file, channel));
    const config = {
      onUploadProgress: (event: UploadProgressEvent) => {
        const share = shareSent(event);
        if (share !== undefined) onProgress(share);
      },
    };
    return context.outside(() =>
      isImage
        ? channel.sendImage(file, file.name, file.type, undefined, config)
        : channel.sendFile(file, file.name, file.type, undefined, config),
    );
  }

  /** Deletes an uploaded file from the server, or through the custom request. */
  async function deleteUploaded(channel: Channel, upload: AttachmentUpload & { url: string }) {
    const isImage = upload.type === 'image';
    const custom = isImage ? requests.customImageDeleteRequest : requests.customFileDeleteRequest;
    const url = upload.url;
    await context.outside(() =>
      custom ? custom(url, channel) : isImage ? channel.deleteImage(url) : channel.deleteFile(url),
    );
  }

  /** Uploads one file, publishing its progress and outcome; never rejects. */
  async function uploadOne(channel: Channel, start: AttachmentUpload): Promise<AttachmentUpload> {
    let current = start;
    const listed = () => !removedWhileUploading.has(start.file) && !context.disposed;
    let outcome: AttachmentUpload;
    try {
      const answer = await send(channel, start, (progress) => {
        if (progress <= (current.progress ?? 0) || !listed()) return;
        current = { ...current, progress };
        put(channel.cid, [current]);
      });
      outcome = {
        ...start,
        state: 'success',
        progress: 1,
        url: answer.file,
        ...(answer.thumb_url ? { thumb_url: answer.thumb_url } : {}),
      };
    } catch (vendorError) {
      const error = fromVendorError(vendorError, 'ChannelService.uploadAttachments()');
      outcome = { ...start, state: 'error', error, ...uploadFailureOf(error) };
    }
    if (listed()) {
      put(channel.cid, [outcome]);
    } else if (outcome.url) {
      // Removed while it was uploading: the file is not wanted any more.
      deleteUploaded(channel, { ...outcome, url: outcome.url }).catch((error: unknown) =>
        context.reportError(fromVendorError(error, 'ChannelService.deleteAttachment()')),
      );
    }
    return outcome;
  }

  const commands: AttachmentCommands = {
    async upload(uploads) {
      const call = 'uploadAttachments()';
      requireUploads(uploads, call);
      const channel = activeChannel(call);
      const appLimitsNow = await appLimits();
      const refused = appLimitsNow ? refusedUploads(uploads, appLimitsNow) : [];
      if (refused.length > 0) {
        throw uploadLimitsError(
          call,
          refused.map(
            ({ fileName, config, breach }) =>
              `"${fileName}": ${breach.problem} (${config}.${breach.limit})`,
          ),
        );
      }
      if (context.disposed) return [];
      const starts = uploads.map(
        ({ file, type, previewUri, extraData, fromAttachment }): AttachmentUpload => ({
          file,
          type,
          state: 'uploading',
          progress: 0,
          ...(previewUri !== undefined ? { previewUri } : {}),
          ...(extraData ? { extraData } : {}),
          ...(fromAttachment ? { fromAttachment } : {}),
        }),
      );
      for (const start of starts) removedWhileUploading.delete(start.file);
      put(channel.cid, starts);
      return Promise.all(starts.map((start) => uploadOne(channel, start)));
    },

    async remove(upload) {
      const call = 'deleteAttachment()';
      requireUploads([upload], call);
      const channel = activeChannel(call);
      const listed = context.state.uploads.find((entry) => entry.file === upload.file) ?? upload;
      if (listed.state === 'uploading') {
        removedWhileUploading.add(listed.file);
      } else if (listed.state === 'success' && listed.url) {
        try {
          await deleteUploaded(channel, { ...listed, url: listed.url });
        } catch (error) {
          throw fromVendorError(error, `ChannelService.${call}`);
        }
      }
      context.dispatch({ type: REMOVE_UPLOAD, cid: channel.cid, file: listed.file });
    },
  };
  return { commands };
}

import type { Channel, LocalMessage } from 'stream-chat';
import type { AttachmentRequests } from '../../attachment-requests';
import type { AttachmentUpload } from '../../attachment-upload';
import { activeChannelSlice } from '../../core/active-channel.slice';
import { ChatEvent, ChatSlice, StoreView, defineSlice } from '../../store/chat-slice';
import { PUT_UPLOADS, REMOVE_UPLOAD, attachmentsRuntime } from './attachments-runtime';

/** Upload commands. */
export interface AttachmentCommands {
  /** Uploads the files and resolves with each one's outcome. */
  upload(uploads: AttachmentUpload[]): Promise<AttachmentUpload[]>;
  /** Removes an upload, deleting its file from the server when it was uploaded. */
  remove(upload: AttachmentUpload): Promise<void>;
}

/** The composer's uploads, for one channel. */
export interface AttachmentsState {
  /** The channel they belong to: the active channel. */
  readonly cid: string | undefined;
  /** The uploads, in the order they were first added. */
  readonly uploads: AttachmentUpload[];
}

/** `uploads` with `changes` applied: same file, same place; new files at the end. */
function withUploads(
  uploads: AttachmentUpload[],
  changes: readonly AttachmentUpload[],
): AttachmentUpload[] {
  const next = [...uploads];
  for (const change of changes) {
    const index = next.findIndex((upload) => upload.file === change.file);
    if (index >= 0) next[index] = change;
    else next.push(change);
  }
  return next;
}

/** A message of the channel, in its main list or in a thread. */
function messageOf(channel: Channel, id: string): LocalMessage | undefined {
  const listed = channel.state.findMessage(id);
  if (listed) return listed;
  for (const replies of Object.values(channel.state.threads)) {
    const reply = replies.find((message) => message.id === id);
    if (reply) return reply;
  }
  return undefined;
}

/** `uploads` without those the user's message `messageId` sends (matched by URL). */
function withoutSent(
  uploads: AttachmentUpload[],
  channel: Channel,
  messageId: string,
  userId: string,
): AttachmentUpload[] {
  const message = messageOf(channel, messageId);
  if (!message?.attachments?.length || message.user?.id !== userId) return uploads;
  const sent = new Set(
    message.attachments.flatMap((attachment) => [attachment.image_url, attachment.asset_url]),
  );
  const left = uploads.filter((upload) => !(upload.url && sent.has(upload.url)));
  return left.length === uploads.length ? uploads : left;
}

/**
 * The uploads after a batch: emptied when another channel becomes active, changed by the
 * feature's actions, and rid of the uploads a message of the user's carries once it is listed.
 */
export function reduceAttachments(
  state: AttachmentsState,
  events: readonly ChatEvent[],
  view: StoreView,
): AttachmentsState {
  const channel = view.get(activeChannelSlice).channel;
  const cid = channel?.cid;
  let uploads = cid === state.cid ? state.uploads : [];
  for (const event of events) {
    if (!channel || event.cid !== cid) continue;
    if (event.type === PUT_UPLOADS) {
      uploads = withUploads(uploads, event['uploads'] as AttachmentUpload[]);
    } else if (event.type === REMOVE_UPLOAD) {
      uploads = uploads.filter((upload) => upload.file !== event['file']);
    } else if (event.type === 'ngx.messages.changed' && uploads.length > 0) {
      uploads = withoutSent(uploads, channel, event['messageId'] as string, view.userId);
    }
  }
  return cid === state.cid && uploads === state.uploads ? state : { cid, uploads };
}

/**
 * The composer's uploads for the active channel, published as `attachmentUploads`: each file
 * `'uploading'` (with `progress`), then `'success'` (with its `url`) or `'error'` (with a typed
 * `error`). Uploads are checked against the app's limits first, go to Stream (or to `requests`'
 * custom uploads), and can be retried by passing them again. Switching channels empties the list,
 * and sending a message with uploaded files (see `attachmentsOf()`) drops them from it.
 * Added by `withAttachments()`.
 *
 * @param requests the custom upload and delete requests, read at every call.
 */
export function attachmentsSlice(
  requests: AttachmentRequests,
): ChatSlice<AttachmentsState, AttachmentCommands> {
  return defineSlice<AttachmentsState, AttachmentCommands>({
    name: 'attachments',
    initial: () => ({ cid: undefined, uploads: [] }),
    reduce: reduceAttachments,
    publish: (state) => ({ attachmentUploads: state.uploads }),
    setup: (context) => attachmentsRuntime(context, requests),
  });
}

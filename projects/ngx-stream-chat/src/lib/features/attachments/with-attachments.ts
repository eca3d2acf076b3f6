import { inject } from '@angular/core';
import { ATTACHMENT_REQUESTS, AttachmentRequests } from '../../attachment-requests';
import {
  STREAM_CHAT_FEATURE_SLICES,
  StreamChatFeature,
  streamChatFeature,
} from '../../stream-chat-feature';
import { attachmentsSlice } from './attachments.slice';

/**
 * Options of `withAttachments()`: the vendor's custom upload and delete requests, for files kept
 * in storage of your own. They can also be set later on `ChannelService`, as with the vendor.
 */
export type AttachmentsOptions = AttachmentRequests;

/**
 * Adds uploads: `uploadAttachments()`, `deleteAttachment()` and `attachmentUploads$`, with the
 * app's size and type limits checked before anything is sent. Build a message's attachments from
 * the uploads with `attachmentsOf()`.
 *
 * @param options custom upload and delete requests (`customImageUploadRequest`...); Stream's
 * own endpoints by default.
 *
 * @example
 * provideStreamChat(config, withAttachments())
 * provideStreamChat(config, withAttachments({ customImageUploadRequest: (file) => myCdn.upload(file) }))
 */
export function withAttachments(options: AttachmentsOptions = {}): StreamChatFeature {
  return streamChatFeature(
    'attachments',
    [],
    [
      { provide: ATTACHMENT_REQUESTS, useFactory: (): AttachmentRequests => ({ ...options }) },
      {
        provide: STREAM_CHAT_FEATURE_SLICES,
        multi: true,
        useFactory: () => attachmentsSlice(inject(ATTACHMENT_REQUESTS)),
      },
    ],
  );
}

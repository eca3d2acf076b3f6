import { InjectionToken } from '@angular/core';
import type { Channel } from 'stream-chat';

/**
 * Uploads a file (or image) to storage of your own, such as your CDN, instead of Stream's, and
 * resolves with its URL as `file` (and a `thumb_url`, if you have one). The vendor's signature.
 */
export type AttachmentUploadRequest = (
  file: File,
  channel: Channel,
) => Promise<AttachmentUploadResult>;

/** Where an `AttachmentUploadRequest` stored the file. */
export interface AttachmentUploadResult {
  /** The file's URL. */
  file: string;
  /** A thumbnail's URL, when there is one. */
  thumb_url?: string;
}

/** Deletes a file (or image) that an `AttachmentUploadRequest` uploaded, by its URL. */
export type AttachmentDeleteRequest = (url: string, channel: Channel) => Promise<void>;

/**
 * The requests that replace Stream's own upload and delete calls, under the vendor's names. Any
 * left out uses Stream's: `channel.sendFile()`, `sendImage()`, `deleteFile()`, `deleteImage()`.
 */
export interface AttachmentRequests {
  /** Uploads files that are not images. */
  customFileUploadRequest?: AttachmentUploadRequest;
  /** Uploads images (uploads of `type: 'image'`). */
  customImageUploadRequest?: AttachmentUploadRequest;
  /** Deletes files that are not images. */
  customFileDeleteRequest?: AttachmentDeleteRequest;
  /** Deletes images. */
  customImageDeleteRequest?: AttachmentDeleteRequest;
}

/**
 * The custom requests in force: one object per root injector, filled from `withAttachments()`'s
 * options, changed through `ChannelService`'s `custom*Request` properties, and read by the
 * attachments feature at every upload and delete.
 */
export const ATTACHMENT_REQUESTS = new InjectionToken<AttachmentRequests>(
  'ngx-stream-chat attachment requests',
  { providedIn: 'root', factory: () => ({}) },
);

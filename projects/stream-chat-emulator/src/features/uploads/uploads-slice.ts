import { z } from 'zod';
import { defineSlice } from '../../store/slices';
import {
  UploadConfig,
  defaultUploadConfig,
  isDefaultUploadConfig,
  uploadConfigSchema,
} from './upload-config';
import { removeStoredBytes } from './upload-folder';

/** Which endpoint a file came through: `/file` or `/image`. */
export type UploadKind = 'file' | 'image';

/** One uploaded file. */
export interface UploadRecord {
  /** Random id, the first segment of its URL path after `/uploads/`. */
  id: string;
  /** The channel it was uploaded to. */
  cid: string;
  /** The uploader; `undefined` for the server uploading in no user's name. */
  ownerId?: string;
  /** The file name sent in the multipart part. */
  name: string;
  mimeType: string;
  /** Size in bytes. */
  size: number;
  createdAt: string;
  kind: UploadKind;
  /**
   * The bytes (kept in memory; also on disk when the emulator has an uploads folder).
   * `undefined` only between loading a data file and reading its folder at start.
   */
  bytes: Buffer | undefined;
}

/** The uploads feature's state. */
export interface UploadsState {
  /** Uploads by id. */
  files: Map<string, UploadRecord>;
  /** Limits of `/file` uploads. */
  fileConfig: UploadConfig;
  /** Limits of `/image` uploads. */
  imageConfig: UploadConfig;
  /** Where the bytes are kept across restarts (set at start when there is a data file). */
  folder?: string;
}

const persistedUpload = z.object({
  id: z.string().regex(/^[\w-]+$/),
  cid: z.string(),
  owner_id: z.string().optional(),
  name: z.string().min(1),
  mime_type: z.string().min(1),
  size: z.number().int().min(0),
  created_at: z.string(),
  kind: z.enum(['file', 'image']),
  /** The bytes, base64: only in snapshots of an emulator without uploads folder. */
  data_base64: z.string().optional(),
});

/** Absent (`undefined`) while there is nothing to keep: no upload and default limits. */
const persistedUploads = z
  .object({
    files: z.array(persistedUpload),
    file_upload_config: uploadConfigSchema.optional(),
    image_upload_config: uploadConfigSchema.optional(),
  })
  .optional();

/** The uploads state as seed and data files hold it (key `uploads`). */
export type PersistedUploads = z.infer<typeof persistedUploads>;

/** Whether the state holds nothing worth keeping: no upload, default limits. */
function isPristine(state: UploadsState): boolean {
  return (
    state.files.size === 0 &&
    isDefaultUploadConfig(state.fileConfig) &&
    isDefaultUploadConfig(state.imageConfig)
  );
}

/** Uploaded files' metadata and bytes, and the app's upload limits. */
export const uploadsSlice = defineSlice<UploadsState, PersistedUploads>({
  name: 'uploads',
  create: () => ({
    files: new Map(),
    fileConfig: defaultUploadConfig(),
    imageConfig: defaultUploadConfig(),
  }),
  persistence: {
    key: 'uploads',
    schema: persistedUploads,
    snapshot: (state) =>
      isPristine(state)
        ? undefined
        : {
            files: [...state.files.values()].map((upload) => ({
              id: upload.id,
              cid: upload.cid,
              ...(upload.ownerId !== undefined ? { owner_id: upload.ownerId } : {}),
              name: upload.name,
              mime_type: upload.mimeType,
              size: upload.size,
              created_at: upload.createdAt,
              kind: upload.kind,
              ...(state.folder === undefined && upload.bytes
                ? { data_base64: upload.bytes.toString('base64') }
                : {}),
            })),
            file_upload_config: state.fileConfig,
            image_upload_config: state.imageConfig,
          },
    load: (state, data, store) => {
      if (!data) {
        return;
      }
      for (const entry of data.files) {
        if (!store.getChannel(entry.cid)) {
          throw new Error(`upload "${entry.id}" names unknown channel "${entry.cid}"`);
        }
        if (entry.owner_id !== undefined && !store.users.get(entry.owner_id)) {
          throw new Error(`upload "${entry.id}" names unknown user "${entry.owner_id}"`);
        }
        if (state.files.has(entry.id)) {
          throw new Error(`upload "${entry.id}" is listed twice`);
        }
        const bytes =
          entry.data_base64 === undefined ? undefined : Buffer.from(entry.data_base64, 'base64');
        if (bytes && bytes.length !== entry.size) {
          throw new Error(`upload "${entry.id}" has ${bytes.length} bytes, not ${entry.size}`);
        }
        state.files.set(entry.id, {
          id: entry.id,
          cid: entry.cid,
          ...(entry.owner_id !== undefined ? { ownerId: entry.owner_id } : {}),
          name: entry.name,
          mimeType: entry.mime_type,
          size: entry.size,
          createdAt: entry.created_at,
          kind: entry.kind,
          bytes,
        });
      }
      state.fileConfig = data.file_upload_config ?? defaultUploadConfig();
      state.imageConfig = data.image_upload_config ?? defaultUploadConfig();
    },
  },
  onRemoved: (state, removed) => {
    if (removed.channelCid === undefined) {
      return;
    }
    for (const upload of state.files.values()) {
      if (upload.cid === removed.channelCid) {
        state.files.delete(upload.id);
        removeStoredBytes(state.folder, upload.id);
      }
    }
  },
});

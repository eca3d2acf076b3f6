import type { AppSettingsAPIResponse, FileUploadConfig } from 'stream-chat';
import type { AttachmentUpload } from '../../attachment-upload';

/** The size limit when the app sets none (`size_limit` 0 or absent): Stream's 100 MB. */
export const DEFAULT_UPLOAD_SIZE_LIMIT = 100 * 1024 * 1024;

/** The app's limits for both upload endpoints, from `client.getAppSettings()`. */
export interface UploadLimits {
  /** Limits of files uploaded with `sendFile()`. */
  readonly file?: FileUploadConfig;
  /** Limits of images uploaded with `sendImage()`. */
  readonly image?: FileUploadConfig;
}

/** A limit a file breaks: the config field, and what is wrong in words. */
export interface UploadLimitBreach {
  /** The config field, such as `'size_limit'` or `'blocked_mime_types'`. */
  readonly limit: keyof FileUploadConfig;
  /** What is wrong, such as `"it is 20 bytes, over the size limit of 10 bytes"`. */
  readonly problem: string;
}

/** The limits of an app settings answer. */
export function uploadLimitsOf(settings: AppSettingsAPIResponse): UploadLimits {
  return { file: settings.app?.file_upload_config, image: settings.app?.image_upload_config };
}

const quoted = (items: readonly string[]) => items.map((item) => `"${item}"`).join(', ');

/**
 * The first limit of `config` that `file` breaks, checked in the order Stream's composer checks
 * them: allowed extensions, blocked extensions (case-insensitive suffixes of the name), allowed
 * MIME types, blocked MIME types (case-insensitive equality), then the size. `undefined` when
 * the file is within every limit, or when there is no config.
 */
export function uploadLimitBreach(
  file: Pick<File, 'name' | 'type' | 'size'>,
  config: FileUploadConfig | undefined,
): UploadLimitBreach | undefined {
  if (!config) return undefined;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  const hasSuffix = (suffix: string) => name.endsWith(suffix.toLowerCase());
  const isType = (candidate: string) => candidate.toLowerCase() === type;
  const allowedExtensions = config.allowed_file_extensions ?? [];
  if (allowedExtensions.length > 0 && !allowedExtensions.some(hasSuffix)) {
    return {
      limit: 'allowed_file_extensions',
      problem: `its name does not end with an allowed extension (${quoted(allowedExtensions)})`,
    };
  }
  const blockedExtension = config.blocked_file_extensions?.find(hasSuffix);
  if (blockedExtension !== undefined) {
    return {
      limit: 'blocked_file_extensions',
      problem: `its extension "${blockedExtension}" is blocked`,
    };
  }
  const allowedTypes = config.allowed_mime_types ?? [];
  if (allowedTypes.length > 0 && !allowedTypes.some(isType)) {
    return {
      limit: 'allowed_mime_types',
      problem: `its type "${file.type}" is not an allowed type (${quoted(allowedTypes)})`,
    };
  }
  if (config.blocked_mime_types?.some(isType)) {
    return { limit: 'blocked_mime_types', problem: `its type "${file.type}" is blocked` };
  }
  const sizeLimit = config.size_limit || DEFAULT_UPLOAD_SIZE_LIMIT;
  if (file.size > sizeLimit) {
    return {
      limit: 'size_limit',
      problem: `it is ${file.size} bytes, over the size limit of ${sizeLimit} bytes`,
    };
  }
  return undefined;
}

/** A file that breaks a limit, and which config the limit is in. */
export interface RefusedUpload {
  /** The file's name. */
  readonly fileName: string;
  /** `'image_upload_config'` for images, `'file_upload_config'` for other files. */
  readonly config: 'file_upload_config' | 'image_upload_config';
  /** The limit broken. */
  readonly breach: UploadLimitBreach;
}

/**
 * Every upload that breaks the app's limits: images are checked against `image_upload_config`,
 * other files against `file_upload_config`, as the server checks them. `[]` when all fit.
 */
export function refusedUploads(
  uploads: readonly AttachmentUpload[],
  limits: UploadLimits,
): RefusedUpload[] {
  const refused: RefusedUpload[] = [];
  for (const upload of uploads) {
    const isImage = upload.type === 'image';
    const breach = uploadLimitBreach(upload.file, isImage ? limits.image : limits.file);
    if (breach) {
      const config = isImage ? 'image_upload_config' : 'file_upload_config';
      refused.push({ fileName: upload.file.name, config, breach });
    }
  }
  return refused;
}

import { z } from 'zod';
import { ApiError, inputError } from '../../protocol/api-error';
import { JsonObject, isPlainObject } from '../../protocol/body-fields';

/** Stream's default (and the emulator's largest) upload size: 100 MB. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** An app's limits for one upload endpoint, as `GET /app` reports them (`FileUploadConfig`). */
export interface UploadConfig {
  /** File name suffixes accepted (case-insensitive); empty: any. */
  allowed_file_extensions: string[];
  /** File name suffixes refused (case-insensitive). */
  blocked_file_extensions: string[];
  /** MIME types accepted (case-insensitive equality); empty: any. */
  allowed_mime_types: string[];
  /** MIME types refused (case-insensitive equality). */
  blocked_mime_types: string[];
  /** Largest file in bytes; 0 means the default, {@link MAX_UPLOAD_BYTES}. */
  size_limit: number;
}

/** The limits of an app that has not configured any: every type, up to 100 MB. */
export function defaultUploadConfig(): UploadConfig {
  return {
    allowed_file_extensions: [],
    blocked_file_extensions: [],
    allowed_mime_types: [],
    blocked_mime_types: [],
    size_limit: MAX_UPLOAD_BYTES,
  };
}

/** Whether a config is the default one (nothing restricted beyond 100 MB). */
export function isDefaultUploadConfig(config: UploadConfig): boolean {
  return (
    LIST_FIELDS.every((field) => config[field].length === 0) &&
    config.size_limit === MAX_UPLOAD_BYTES
  );
}

const LIST_FIELDS = [
  'allowed_file_extensions',
  'blocked_file_extensions',
  'allowed_mime_types',
  'blocked_mime_types',
] as const;

/** Validates an upload config kept in seed and data files. */
export const uploadConfigSchema = z.object({
  allowed_file_extensions: z.array(z.string()),
  blocked_file_extensions: z.array(z.string()),
  allowed_mime_types: z.array(z.string()),
  blocked_mime_types: z.array(z.string()),
  size_limit: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
});

/** The size limit in force: `size_limit`, or 100 MB when it is 0. */
export function effectiveSizeLimit(config: UploadConfig): number {
  return config.size_limit || MAX_UPLOAD_BYTES;
}

/**
 * Reads a `file_upload_config` / `image_upload_config` from `PATCH /app`. The object replaces
 * the whole config (missing lists are empty, a missing `size_limit` is the default); `null`
 * restores the defaults.
 * @throws ApiError code 4 naming the faulty field.
 */
export function readUploadConfig(value: unknown, key: string): UploadConfig {
  if (value === null) {
    return defaultUploadConfig();
  }
  if (!isPlainObject(value)) {
    throw inputError(`${key} must be an object`);
  }
  const config = defaultUploadConfig();
  for (const [field, fieldValue] of Object.entries(value as JsonObject)) {
    if ((LIST_FIELDS as readonly string[]).includes(field)) {
      if (fieldValue === null) {
        continue;
      }
      if (!Array.isArray(fieldValue) || fieldValue.some((item) => typeof item !== 'string')) {
        throw inputError(`${key}.${field} must be a list of strings`);
      }
      config[field as (typeof LIST_FIELDS)[number]] = fieldValue as string[];
    } else if (field === 'size_limit') {
      if (fieldValue === null) {
        continue;
      }
      if (
        typeof fieldValue !== 'number' ||
        !Number.isInteger(fieldValue) ||
        fieldValue < 0 ||
        fieldValue > MAX_UPLOAD_BYTES
      ) {
        throw inputError(
          `${key}.size_limit must be an integer from 0 to ${MAX_UPLOAD_BYTES} (0: the default)`,
        );
      }
      config.size_limit = fieldValue;
    } else {
      throw inputError(`${key}.${field} is not supported by the emulator`);
    }
  }
  return config;
}

/** The suffix of `name` from its last dot (`.png`), or `''` without one. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/**
 * Checks a file's name and MIME type against a config, in the order the client's composer
 * checks them (`getUploadConfigCheck`): allowed extensions, blocked extensions, allowed
 * MIME types, blocked MIME types. Extensions match as case-insensitive name suffixes, MIME
 * types as case-insensitive equality.
 * @returns the refusal (code 4), or `undefined` when the file passes.
 */
export function uploadConfigRefusal(
  config: UploadConfig,
  name: string,
  mimeType: string,
): ApiError | undefined {
  const lowerName = name.toLowerCase();
  const hasSuffix = (suffix: string): boolean => lowerName.endsWith(suffix.toLowerCase());
  const extension = extensionOf(name) || '(none)';
  if (
    config.allowed_file_extensions.length > 0 &&
    !config.allowed_file_extensions.some(hasSuffix)
  ) {
    return inputError(`file extension ${extension} is not allowed`);
  }
  const blocked = config.blocked_file_extensions.find(hasSuffix);
  if (blocked !== undefined) {
    return inputError(`file extension ${blocked} is not allowed`);
  }
  const lowerType = mimeType.toLowerCase();
  const sameType = (candidate: string): boolean => candidate.toLowerCase() === lowerType;
  if (config.allowed_mime_types.length > 0 && !config.allowed_mime_types.some(sameType)) {
    return inputError(`mime type ${mimeType} is not allowed`);
  }
  if (config.blocked_mime_types.some(sameType)) {
    return inputError(`mime type ${mimeType} is not allowed`);
  }
  return undefined;
}

/** The refusal of a file larger than the limit (code 4; the message names the limit in bytes). */
export function fileTooLargeError(limitBytes: number): ApiError {
  return inputError(`file size exceeds the limit of ${limitBytes} bytes`);
}

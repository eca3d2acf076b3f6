import { inputError } from './api-error';

/** A JSON object read from a request. */
export type JsonObject = Record<string, unknown>;

/** Reads an optional string field. @throws ApiError code 4 when it is not a string. */
export function optionalString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw inputError(`${key} must be a string`);
  }
  return value;
}

/** Reads a required string field. @throws ApiError code 4 when missing or not a string. */
export function requiredString(body: JsonObject, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined) {
    throw inputError(`${key} is a required field`);
  }
  return value;
}

/** Reads an optional boolean field. @throws ApiError code 4 when it is not a boolean. */
export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    throw inputError(`${key} must be a boolean`);
  }
  return value;
}

/**
 * Reads an optional whole number within bounds.
 * @throws ApiError code 4 when it is not a whole number, or outside `[min, max]`.
 */
export function optionalInteger(
  body: JsonObject,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw inputError(`${key} must be a whole number between ${min} and ${max}`);
  }
  return value;
}

/** Reads an optional object field. @throws ApiError code 4 when it is not an object. */
export function optionalObject(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isPlainObject(value)) {
    throw inputError(`${key} must be an object`);
  }
  return value;
}

/** Reads a required object field. @throws ApiError code 4 when missing or not an object. */
export function requiredObject(body: JsonObject, key: string): JsonObject {
  const value = optionalObject(body, key);
  if (value === undefined) {
    throw inputError(`${key} is a required field`);
  }
  return value;
}

/** Reads an optional array field. @throws ApiError code 4 when it is not an array. */
export function optionalArray(body: JsonObject, key: string): unknown[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw inputError(`${key} must be an array`);
  }
  return value;
}

/** Reads an optional array of strings. @throws ApiError code 4 when it is anything else. */
export function optionalStringArray(body: JsonObject, key: string): string[] | undefined {
  const value = optionalArray(body, key);
  if (value !== undefined && !value.every((item) => typeof item === 'string')) {
    throw inputError(`${key} must be an array of strings`);
  }
  return value as string[] | undefined;
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A field of a record, read prototype-safely: `undefined` unless the record has it as its own
 * field, so names such as `constructor` or `toString` never reach `Object.prototype`.
 */
export function ownField(record: Record<string, unknown>, field: string): unknown {
  return Object.hasOwn(record, field) ? record[field] : undefined;
}

import { inputError } from '../../protocol/api-error';
import { JsonObject, optionalInteger, requiredObject } from '../../protocol/body-fields';

/** Longest reaction type accepted (our own limit; Stream does not document one). */
export const MAX_REACTION_TYPE_LENGTH = 64;

/** Most bytes of custom data on one reaction, as JSON (Stream documents 1 KB). */
export const MAX_REACTION_CUSTOM_BYTES = 1024;

/** Largest score accepted: Stream's scores are 32-bit integers. */
export const MAX_REACTION_SCORE = 2 ** 31 - 1;

/**
 * Fields of a reaction object that are not custom data: the ones read here, the acting
 * user (read by the route), and the ones the server computes (ignored when a client sends a
 * reaction it got back, e.g. `created_at` or `message_id`).
 */
export const RESERVED_REACTION_FIELDS: ReadonlySet<string> = new Set([
  'type',
  'score',
  'user',
  'user_id',
  'message_id',
  'created_at',
  'updated_at',
]);

/** A checked reaction from a request. */
export interface ReactionInput {
  type: string;
  score: number;
  /** Custom fields, without the reserved ones. */
  data: Record<string, unknown>;
}

/**
 * Whether `value` is a usable reaction type: a non-empty string of at most 64 characters,
 * other than `__proto__` (types are keys of `reaction_counts` and `reaction_groups`, where
 * that name would replace the object's prototype instead of adding an entry).
 */
export function isReactionType(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim() !== '' &&
    value.length <= MAX_REACTION_TYPE_LENGTH &&
    value !== '__proto__'
  );
}

/**
 * Checks a reaction type from a path or body.
 * @throws ApiError code 4 when it is not a usable type.
 */
export function checkReactionType(value: unknown): string {
  if (!isReactionType(value)) {
    throw inputError(
      `reaction.type must be a non-empty string of at most ${MAX_REACTION_TYPE_LENGTH} characters, other than "__proto__"`,
    );
  }
  return value;
}

/** The custom fields of a reaction object: everything but the reserved fields. */
export function customReactionData(reaction: JsonObject): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reaction)) {
    if (!RESERVED_REACTION_FIELDS.has(key) && value !== undefined) {
      data[key] = value;
    }
  }
  return data;
}

/**
 * Reads the `reaction` object of a send request: `type` (required), `score` (default 1) and
 * custom fields (at most 1 KB as JSON).
 * @throws ApiError code 4 for anything malformed.
 */
export function readReactionInput(body: JsonObject): ReactionInput {
  const reaction = requiredObject(body, 'reaction');
  const type = checkReactionType(reaction['type']);
  const score = optionalInteger(reaction, 'score', 1, MAX_REACTION_SCORE) ?? 1;
  const data = customReactionData(reaction);
  const size = Buffer.byteLength(JSON.stringify(data));
  if (size > MAX_REACTION_CUSTOM_BYTES) {
    throw inputError(
      `reaction custom data is ${size} bytes; at most ${MAX_REACTION_CUSTOM_BYTES} are allowed`,
    );
  }
  return { type, score, data };
}

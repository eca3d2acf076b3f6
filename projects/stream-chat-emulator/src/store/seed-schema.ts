import { z } from 'zod';
import {
  CHANNEL_ID_PATTERN,
  CHANNEL_TYPE_PATTERN,
  MESSAGE_ID_PATTERN,
  USER_ID_PATTERN,
} from '../protocol/identifiers';

/**
 * The persisted model, declared once: the format of seed files and `--data` files (a data
 * file is a seed with every field filled in). Field names follow Stream's wire names.
 * Fields a schema does not declare are custom data (name, image, anything else); which
 * fields are known comes from the schemas' shapes, never from a separate list.
 * Feature state (reactions, uploads...) sits beside `users` and `channels`, each under
 * the key of its slice (see `slices.ts`), validated by the slice's own schema.
 *
 * @example
 * {
 *   "users": [{ "id": "alice", "name": "Alice", "role": "user" }],
 *   "channels": [{
 *     "type": "messaging", "id": "general", "name": "General", "created_by_id": "alice",
 *     "members": ["alice", { "user_id": "bob", "last_read": "2024-05-01T10:00:00.000Z" }],
 *     "messages": [{ "id": "m1", "user_id": "alice", "text": "Hi", "created_at": "2024-05-01T10:01:00.000Z" }]
 *   }]
 * }
 */

/** A date: anything `Date.parse` reads, stored as ISO-8601 in UTC. */
export const seedDate = z
  .string()
  .refine((value) => Number.isFinite(Date.parse(value)), 'must be an ISO-8601 date')
  .transform((value) => new Date(value).toISOString());

const userId = z.string().regex(USER_ID_PATTERN, 'must be a valid user id (/^[@\\w-]{1,255}$/)');

/** Fields the server computes; accepted in seeds (a data file may hold them) and ignored. */
const computed = z.unknown().optional();

/** A user: `id` is required; `role` defaults to `user`; other fields are custom data. */
export const seedUserSchema = z.looseObject({
  id: userId,
  role: z.string().optional(),
  created_at: seedDate.optional(),
  updated_at: seedDate.optional(),
  last_active: seedDate.optional(),
  banned: z.boolean().optional(),
});

/**
 * A member: a user id, or an object. Read state: `unread_messages` (with optional
 * `last_read`), or only `last_read` (unread messages are counted after it), or neither
 * (everything read).
 */
export const seedMemberSchema = z.union([
  userId,
  z.object({
    user_id: userId,
    channel_role: z.string().optional(),
    created_at: seedDate.optional(),
    last_read: seedDate.optional(),
    last_read_message_id: z.string().optional(),
    unread_messages: z.number().int().nonnegative().optional(),
  }),
]);

/**
 * A message: `user_id` and `text` required; `id` and `created_at` are generated when
 * missing (missing times are spread over the minutes before the emulator started).
 */
export const seedMessageSchema = z.looseObject({
  id: z.string().regex(MESSAGE_ID_PATTERN, 'must match /^[\\w!-]{1,255}$/').optional(),
  user_id: userId,
  text: z.string(),
  type: z.string().optional(),
  created_at: seedDate.optional(),
  updated_at: seedDate.optional(),
  parent_id: z.string().optional(),
  show_in_channel: z.boolean().optional(),
  silent: z.boolean().optional(),
  quoted_message_id: z.string().optional(),
  mentioned_users: z.array(userId).optional(),
  attachments: z.array(z.unknown()).optional(),
  deleted_at: seedDate.optional(),
  cid: computed,
  user: computed,
  html: computed,
});

/** A channel: `type` and `id` required; other unknown fields (e.g. `name`) are custom data. */
export const seedChannelSchema = z.looseObject({
  type: z.string().regex(CHANNEL_TYPE_PATTERN, 'must be a valid channel type'),
  id: z.string().regex(CHANNEL_ID_PATTERN, 'must match /^[\\w!-]{1,64}$/'),
  created_by_id: userId.optional(),
  created_at: seedDate.optional(),
  updated_at: seedDate.optional(),
  members: z.array(seedMemberSchema).optional(),
  messages: z.array(seedMessageSchema).optional(),
  cid: computed,
  last_message_at: computed,
});

/** A whole seed or data file. Feature keys are checked by their slices' schemas. */
export const seedSchema = z.looseObject({
  users: z.array(seedUserSchema),
  channels: z.array(seedChannelSchema),
});

/** A seed or data file, as written. */
export type SeedData = z.input<typeof seedSchema>;
/** A user of a seed. */
export type SeedUser = z.input<typeof seedUserSchema>;
/** A member of a seeded channel. */
export type SeedMember = z.input<typeof seedMemberSchema>;
/** A seeded channel. */
export type SeedChannel = z.input<typeof seedChannelSchema>;
/** A seeded message. */
export type SeedMessage = z.input<typeof seedMessageSchema>;

/** The fields of `value` that `schema` does not declare: the record's custom data. */
export function customFields(
  schema: { shape: Record<string, unknown> },
  value: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!Object.hasOwn(schema.shape, key) && field !== undefined) {
      data[key] = field;
    }
  }
  return data;
}

/** A seed with no users and no channels. */
export const EMPTY_SEED: SeedData = { users: [], channels: [] };

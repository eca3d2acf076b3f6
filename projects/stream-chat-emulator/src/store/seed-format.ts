/**
 * The JSON format of seed files and of `--data` files (the data file is a seed with every
 * field filled in). Field names follow Stream's wire names. Unknown fields of users,
 * channels and messages are kept as custom data.
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
export interface SeedData {
  users: SeedUser[];
  channels: SeedChannel[];
  /** Feature state (reactions, uploads, mutes...), each under its slice's key. */
  [sliceKey: string]: unknown;
}

/** A user: `id` is required; `role` defaults to `user`; other fields are custom data. */
export interface SeedUser {
  id: string;
  role?: string;
  name?: string;
  image?: string;
  created_at?: string;
  updated_at?: string;
  last_active?: string;
  banned?: boolean;
  [custom: string]: unknown;
}

/**
 * A member: a user id, or an object. Read state: `unread_messages` (with optional
 * `last_read`), or only `last_read` (unread messages are counted after it), or neither
 * (everything read).
 */
export type SeedMember =
  | string
  | {
      user_id: string;
      channel_role?: string;
      created_at?: string;
      last_read?: string;
      last_read_message_id?: string;
      unread_messages?: number;
    };

/** A channel: `type` and `id` required; other unknown fields (e.g. `name`) are custom data. */
export interface SeedChannel {
  type: string;
  id: string;
  created_by_id?: string;
  created_at?: string;
  updated_at?: string;
  members?: SeedMember[];
  messages?: SeedMessage[];
  [custom: string]: unknown;
}

/**
 * A message: `user_id` and `text` required; `id` and `created_at` are generated when
 * missing (missing times are spread over the minutes before the emulator started).
 */
export interface SeedMessage {
  id?: string;
  user_id: string;
  text: string;
  type?: string;
  created_at?: string;
  updated_at?: string;
  parent_id?: string;
  show_in_channel?: boolean;
  silent?: boolean;
  quoted_message_id?: string;
  mentioned_users?: string[];
  attachments?: unknown[];
  deleted_at?: string;
  [custom: string]: unknown;
}

/** A seed with no users and no channels. */
export const EMPTY_SEED: SeedData = { users: [], channels: [] };

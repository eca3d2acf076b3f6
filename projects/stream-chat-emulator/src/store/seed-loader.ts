import { prettifyError } from 'zod';
import { randomUUID } from 'node:crypto';
import { findChannelType } from './channel-types';
import { ChatStore } from './chat-store';
import { isChannelId, isChannelType, isMessageId, isUserId } from '../protocol/identifiers';
import { ChannelRecord, MemberRecord, MessageRecord, toCid } from './model';
import { NEVER_READ, readStateSince, readUpToLatest } from './read-states';
import { SeedChannel, SeedData, SeedMember, SeedMessage, SeedUser } from './seed-format';
import { customUserFields } from './user-directory';

const CHANNEL_FIELDS = new Set([
  'type',
  'id',
  'cid',
  'created_by_id',
  'created_at',
  'updated_at',
  'members',
  'messages',
  'last_message_at',
]);
const MESSAGE_FIELDS = new Set([
  'id',
  'user_id',
  'text',
  'type',
  'created_at',
  'updated_at',
  'parent_id',
  'show_in_channel',
  'silent',
  'quoted_message_id',
  'mentioned_users',
  'attachments',
  'cid',
  'user',
  'html',
  'deleted_at',
]);

/** Spacing of generated message times, going back from the load time. */
const GENERATED_MESSAGE_SPACING_MS = 60_000;

/**
 * Checks a seed (or data file) and loads it into an empty store.
 * @param source names the seed in error messages, e.g. its file path.
 * @throws Error with a message that points at the faulty entry.
 */
export function loadSeed(store: ChatStore, seed: unknown, source = 'seed'): void {
  const fail = (detail: string): never => {
    throw new Error(`stream-chat-emulator: invalid ${source}: ${detail}`);
  };
  if (!isObject(seed) || !Array.isArray(seed['users']) || !Array.isArray(seed['channels'])) {
    fail('expected an object with "users" and "channels" arrays');
  }
  const data = seed as unknown as SeedData;
  const now = Date.now();
  data.users.forEach((user, index) =>
    loadUser(store, user, now, (detail) => fail(`users[${index}]: ${detail}`)),
  );
  data.channels.forEach((channel, index) =>
    loadChannel(store, channel, now, (detail) => fail(`channels[${index}]: ${detail}`)),
  );
  for (const slice of store.slices) {
    const persistence = slice.persistence;
    const value = persistence ? data[persistence.key] : undefined;
    if (!persistence || value === undefined) {
      continue;
    }
    const parsed = persistence.schema.safeParse(value);
    if (!parsed.success) {
      fail(`"${persistence.key}": ${prettifyError(parsed.error)}`);
    }
    try {
      persistence.load(store.slice(slice), parsed.data, store);
    } catch (error) {
      fail(`"${persistence.key}": ${(error as Error).message}`);
    }
  }
}

function loadUser(
  store: ChatStore,
  user: SeedUser,
  now: number,
  fail: (detail: string) => never,
): void {
  if (!isObject(user) || !isUserId(user.id)) {
    fail('"id" must be a valid user id');
  }
  if (store.users.get(user.id)) {
    fail(`duplicate user id "${user.id}"`);
  }
  const createdAt = dateOr(user.created_at, new Date(now).toISOString(), fail);
  store.users.put({
    id: user.id,
    role: typeof user.role === 'string' ? user.role : 'user',
    createdAt,
    updatedAt: dateOr(user.updated_at, createdAt, fail),
    lastActive:
      user.last_active === undefined ? undefined : dateOr(user.last_active, createdAt, fail),
    banned: user.banned === true,
    data: customUserFields(user),
  });
}

function loadChannel(
  store: ChatStore,
  seed: SeedChannel,
  now: number,
  fail: (detail: string) => never,
): void {
  if (!isObject(seed) || !isChannelType(seed.type) || !findChannelType(seed.type)) {
    fail('"type" must be a built-in channel type (messaging, team, commerce, gaming, livestream)');
  }
  if (!isChannelId(seed.id)) {
    fail('"id" must match /^[\\w!-]{1,64}$/');
  }
  const cid = toCid(seed.type, seed.id);
  if (store.getChannel(cid)) {
    fail(`duplicate channel "${cid}"`);
  }
  if (seed.created_by_id !== undefined && !store.users.get(String(seed.created_by_id))) {
    fail(`created_by_id "${String(seed.created_by_id)}" is not a seeded user`);
  }
  const messages = loadMessages(store, cid, seed.messages ?? [], now, fail);
  const createdAt = dateOr(
    seed.created_at,
    messages[0]?.createdAt ?? new Date(now - 86_400_000).toISOString(),
    fail,
  );
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(seed)) {
    if (!CHANNEL_FIELDS.has(key)) {
      data[key] = value;
    }
  }
  const shown = messages.filter((message) => !message.parentId || message.showInChannel);
  const channel: ChannelRecord = {
    type: seed.type,
    id: seed.id,
    cid,
    createdById: seed.created_by_id,
    createdAt,
    updatedAt: dateOr(seed.updated_at, createdAt, fail),
    lastMessageAt: shown.at(-1)?.createdAt,
    data,
    members: new Map(),
    messages,
  };
  if (!Array.isArray(seed.members ?? [])) {
    fail('"members" must be an array');
  }
  for (const member of seed.members ?? []) {
    const record = loadMember(store, channel, member, fail);
    channel.members.set(record.userId, record);
  }
  store.putChannel(channel);
}

function loadMember(
  store: ChatStore,
  channel: ChannelRecord,
  member: SeedMember,
  fail: (detail: string) => never,
): MemberRecord {
  const entry = typeof member === 'string' ? { user_id: member } : member;
  if (!isObject(entry) || !isUserId(entry.user_id) || !store.users.get(entry.user_id)) {
    fail(`member ${JSON.stringify(member)} is not a seeded user`);
  }
  if (channel.members.has(entry.user_id)) {
    fail(`member "${entry.user_id}" is listed twice`);
  }
  const createdAt = dateOr(entry.created_at, channel.createdAt, fail);
  let read = readUpToLatest(channel, channel.lastMessageAt ?? createdAt);
  if (entry.unread_messages !== undefined) {
    if (!Number.isInteger(entry.unread_messages) || entry.unread_messages < 0) {
      fail(`member "${entry.user_id}": unread_messages must be a whole number`);
    }
    read = {
      lastRead: dateOr(entry.last_read, NEVER_READ, fail),
      lastReadMessageId: entry.last_read_message_id,
      unreadMessages: entry.unread_messages,
    };
  } else if (entry.last_read !== undefined) {
    read = readStateSince(channel, dateOr(entry.last_read, NEVER_READ, fail), entry.user_id);
  }
  return {
    userId: entry.user_id,
    channelRole: typeof entry.channel_role === 'string' ? entry.channel_role : 'channel_member',
    createdAt,
    updatedAt: createdAt,
    read,
  };
}

function loadMessages(
  store: ChatStore,
  cid: string,
  seeds: SeedMessage[],
  now: number,
  fail: (detail: string) => never,
): MessageRecord[] {
  if (!Array.isArray(seeds)) {
    fail('"messages" must be an array');
  }
  const records = seeds.map((seed, index): MessageRecord => {
    const where = `messages[${index}]`;
    if (
      !isObject(seed) ||
      typeof seed.text !== 'string' ||
      !store.users.get(String(seed.user_id))
    ) {
      fail(`${where} needs "text" and a seeded "user_id"`);
    }
    const id = seed.id ?? randomUUID();
    if (!isMessageId(id) || store.getMessage(id)) {
      fail(`${where}: id ${JSON.stringify(id)} is invalid or already used`);
    }
    const generatedAt = new Date(
      now - (seeds.length - index) * GENERATED_MESSAGE_SPACING_MS,
    ).toISOString();
    const createdAt = dateOr(seed.created_at, generatedAt, fail);
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(seed)) {
      if (!MESSAGE_FIELDS.has(key)) {
        data[key] = value;
      }
    }
    return {
      id,
      cid,
      userId: seed.user_id,
      text: seed.text,
      type: typeof seed.type === 'string' ? seed.type : seed.parent_id ? 'reply' : 'regular',
      createdAt,
      updatedAt: dateOr(seed.updated_at, createdAt, fail),
      parentId: typeof seed.parent_id === 'string' ? seed.parent_id : undefined,
      showInChannel: seed.show_in_channel === true ? true : undefined,
      silent: seed.silent === true,
      quotedMessageId:
        typeof seed.quoted_message_id === 'string' ? seed.quoted_message_id : undefined,
      mentionedUserIds: Array.isArray(seed.mentioned_users) ? seed.mentioned_users.map(String) : [],
      attachments: Array.isArray(seed.attachments) ? seed.attachments : [],
      replyCount: 0,
      threadParticipantIds: [],
      deletedAt:
        seed.deleted_at === undefined ? undefined : dateOr(seed.deleted_at, createdAt, fail),
      data,
    };
  });
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id)) {
      fail(`message id "${record.id}" is used twice`);
    }
    ids.add(record.id);
  }
  records.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const record of records) {
    const parent = record.parentId ? byId.get(record.parentId) : undefined;
    if (record.parentId && !parent) {
      fail(
        `message "${record.id}": parent_id "${record.parentId}" is not a message of this channel`,
      );
    }
    if (parent) {
      parent.replyCount += record.deletedAt ? 0 : 1;
      if (!parent.threadParticipantIds.includes(record.userId)) {
        parent.threadParticipantIds.push(record.userId);
      }
    }
  }
  return records;
}

function dateOr(value: unknown, fallback: string, fail: (detail: string) => never): string {
  if (value === undefined || value === null) {
    return fallback;
  }
  if (typeof value !== 'string' || !Number.isFinite(Date.parse(value))) {
    return fail(`${JSON.stringify(value)} is not an ISO-8601 date`);
  }
  return new Date(value).toISOString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

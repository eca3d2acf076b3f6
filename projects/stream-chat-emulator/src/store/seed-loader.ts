import { randomUUID } from 'node:crypto';
import { ZodError, z } from 'zod';
import { findChannelType } from './channel-types';
import { ChatStore } from './chat-store';
import { ChannelRecord, MemberRecord, MessageRecord, toCid } from './model';
import { NEVER_READ, readStateSince, readUpToLatest } from './read-states';
import {
  customFields,
  seedChannelSchema,
  seedMessageSchema,
  seedSchema,
  seedUserSchema,
} from './seed-schema';
import { customUserFields } from './user-directory';

type ParsedSeed = z.output<typeof seedSchema>;
type ParsedChannel = z.output<typeof seedChannelSchema>;
type ParsedMessage = z.output<typeof seedMessageSchema>;
type ParsedMember = NonNullable<ParsedChannel['members']>[number];

/** Spacing of generated message times, going back from the load time. */
const GENERATED_MESSAGE_SPACING_MS = 60_000;

/**
 * Checks a seed (or data file) against the schema, then its references (users of members
 * and messages, thread parents, duplicates), and loads it into an empty store, the feature
 * slices' keys included.
 * @param source names the seed in error messages, e.g. its file path.
 * @throws Error with a message that points at the faulty entry.
 */
export function loadSeed(store: ChatStore, seed: unknown, source = 'seed'): void {
  const fail = (detail: string): never => {
    throw new Error(`stream-chat-emulator: invalid ${source}: ${detail}`);
  };
  const parsed = seedSchema.safeParse(seed);
  if (!parsed.success) {
    return fail(describeIssues(parsed.error));
  }
  const data = parsed.data;
  const now = Date.now();
  data.users.forEach((user, index) => loadUser(store, user, now, at(fail, `users[${index}]`)));
  data.channels.forEach((channel, index) =>
    loadChannel(store, channel, now, at(fail, `channels[${index}]`)),
  );
  loadSlices(store, data, fail);
}

function loadSlices(store: ChatStore, data: ParsedSeed, fail: (detail: string) => never): void {
  for (const slice of store.slices) {
    const persistence = slice.persistence;
    const value = persistence ? data[persistence.key] : undefined;
    if (!persistence || value === undefined) {
      continue;
    }
    const parsed = persistence.schema.safeParse(value);
    if (!parsed.success) {
      fail(`${persistence.key}: ${describeIssues(parsed.error)}`);
    }
    try {
      persistence.load(store.slice(slice), parsed.data, store);
    } catch (error) {
      fail(`${persistence.key}: ${(error as Error).message}`);
    }
  }
}

/** The first schema issue, as `users[0]: "id" must be a valid user id`. */
function describeIssues(error: ZodError): string {
  const issue = error.issues[0];
  const path = issue.path;
  const field = path.at(-1);
  const where = path
    .slice(0, typeof field === 'string' ? -1 : undefined)
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`,
    )
    .join('');
  const what = typeof field === 'string' ? `"${field}" ${issue.message}` : issue.message;
  return where ? `${where}: ${what}` : what;
}

function at(fail: (detail: string) => never, where: string): (detail: string) => never {
  return (detail) => fail(`${where}: ${detail}`);
}

function loadUser(
  store: ChatStore,
  user: z.output<typeof seedUserSchema>,
  now: number,
  fail: (detail: string) => never,
): void {
  if (store.users.get(user.id)) {
    fail(`duplicate user id "${user.id}"`);
  }
  const createdAt = user.created_at ?? new Date(now).toISOString();
  store.users.put({
    id: user.id,
    role: user.role ?? 'user',
    createdAt,
    updatedAt: user.updated_at ?? createdAt,
    lastActive: user.last_active,
    banned: user.banned === true,
    data: customUserFields(customFields(seedUserSchema, user)),
  });
}

function loadChannel(
  store: ChatStore,
  seed: ParsedChannel,
  now: number,
  fail: (detail: string) => never,
): void {
  if (!findChannelType(seed.type)) {
    fail('"type" must be a built-in channel type (messaging, team, commerce, gaming, livestream)');
  }
  const cid = toCid(seed.type, seed.id);
  if (store.getChannel(cid)) {
    fail(`duplicate channel "${cid}"`);
  }
  if (seed.created_by_id !== undefined && !store.users.get(seed.created_by_id)) {
    fail(`created_by_id "${seed.created_by_id}" is not a seeded user`);
  }
  const messages = loadMessages(store, cid, seed.messages ?? [], now, fail);
  const createdAt =
    seed.created_at ?? messages[0]?.createdAt ?? new Date(now - 86_400_000).toISOString();
  const shown = messages.filter((message) => !message.parentId || message.showInChannel);
  const channel: ChannelRecord = {
    type: seed.type,
    id: seed.id,
    cid,
    createdById: seed.created_by_id,
    createdAt,
    updatedAt: seed.updated_at ?? createdAt,
    lastMessageAt: shown.at(-1)?.createdAt,
    data: customFields(seedChannelSchema, seed),
    members: new Map(),
    messages,
  };
  for (const member of seed.members ?? []) {
    const record = loadMember(store, channel, member, fail);
    channel.members.set(record.userId, record);
  }
  store.putChannel(channel);
}

function loadMember(
  store: ChatStore,
  channel: ChannelRecord,
  member: ParsedMember,
  fail: (detail: string) => never,
): MemberRecord {
  const entry = typeof member === 'string' ? { user_id: member } : member;
  if (!store.users.get(entry.user_id)) {
    fail(`member ${JSON.stringify(member)} is not a seeded user`);
  }
  if (channel.members.has(entry.user_id)) {
    fail(`member "${entry.user_id}" is listed twice`);
  }
  const createdAt = ('created_at' in entry ? entry.created_at : undefined) ?? channel.createdAt;
  let read = readUpToLatest(channel, channel.lastMessageAt ?? createdAt);
  if ('unread_messages' in entry && entry.unread_messages !== undefined) {
    read = {
      lastRead: entry.last_read ?? NEVER_READ,
      lastReadMessageId: entry.last_read_message_id,
      unreadMessages: entry.unread_messages,
    };
  } else if ('last_read' in entry && entry.last_read !== undefined) {
    read = readStateSince(channel, entry.last_read, entry.user_id);
  }
  return {
    userId: entry.user_id,
    channelRole: ('channel_role' in entry ? entry.channel_role : undefined) ?? 'channel_member',
    createdAt,
    updatedAt: createdAt,
    read,
  };
}

function loadMessages(
  store: ChatStore,
  cid: string,
  seeds: ParsedMessage[],
  now: number,
  fail: (detail: string) => never,
): MessageRecord[] {
  const ids = new Set<string>();
  const records = seeds.map((seed, index): MessageRecord => {
    const where = `messages[${index}]`;
    if (!store.users.get(seed.user_id)) {
      fail(`${where} needs a seeded "user_id"`);
    }
    const id = seed.id ?? randomUUID();
    if (store.getMessage(id) || ids.has(id)) {
      fail(`${where}: message id "${id}" is used twice`);
    }
    ids.add(id);
    const generatedAt = new Date(
      now - (seeds.length - index) * GENERATED_MESSAGE_SPACING_MS,
    ).toISOString();
    const createdAt = seed.created_at ?? generatedAt;
    return {
      id,
      cid,
      userId: seed.user_id,
      text: seed.text,
      type: seed.type ?? (seed.parent_id ? 'reply' : 'regular'),
      createdAt,
      updatedAt: seed.updated_at ?? createdAt,
      parentId: seed.parent_id,
      showInChannel: seed.show_in_channel === true ? true : undefined,
      silent: seed.silent === true,
      quotedMessageId: seed.quoted_message_id,
      mentionedUserIds: seed.mentioned_users ?? [],
      attachments: seed.attachments ?? [],
      replyCount: 0,
      threadParticipantIds: [],
      deletedAt: seed.deleted_at,
      data: customFields(seedMessageSchema, seed),
    };
  });
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

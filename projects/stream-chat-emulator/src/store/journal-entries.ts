import { ChatStore } from './chat-store';
import { SeedChannel, SeedMember, SeedMessage, SeedUser } from './seed-schema';
import {
  snapshotMessage,
  storedChannelFields,
  storedMemberFields,
  storedUserFields,
} from './state-snapshot';
import { StoreChanges } from './store-changes';

/**
 * One change in a data file's journal: a record in the seed format written whole (`put`) or
 * removed (`remove`), or a slice's whole persisted value. A journal line is one batch of
 * them, as a JSON array; the records are those of `seed-schema.ts`.
 */
export type JournalEntry =
  | { put: 'user'; user: SeedUser }
  | { remove: 'user'; id: string }
  | { put: 'channel'; channel: SeedChannel }
  | { remove: 'channel'; cid: string }
  | { put: 'member'; cid: string; member: SeedMember }
  | { remove: 'member'; cid: string; user_id: string }
  | { put: 'message'; cid: string; message: SeedMessage }
  | { remove: 'message'; cid: string; id: string }
  | { slice: string; value: unknown };

/**
 * Turns what the store marked as changed into journal entries (users, then channels, members,
 * messages and slices), and forgets the marks. A marked record that still exists is written
 * whole; one that is gone is removed. A slice is written only when its persisted value differs
 * from the last one written (`savedSlices`, by key, updated here).
 */
export function takeJournalEntries(
  store: ChatStore,
  savedSlices: Map<string, string>,
): JournalEntry[] {
  const changes: StoreChanges = store.changes;
  const entries: JournalEntry[] = [];
  for (const id of changes.users) {
    const user = store.users.get(id);
    entries.push(user ? { put: 'user', user: storedUserFields(user) } : { remove: 'user', id });
  }
  for (const cid of changes.channels) {
    const channel = store.getChannel(cid);
    entries.push(
      channel
        ? { put: 'channel', channel: storedChannelFields(channel) }
        : { remove: 'channel', cid },
    );
  }
  for (const [cid, userIds] of changes.members) {
    const channel = store.getChannel(cid);
    for (const userId of channel ? userIds : []) {
      const member = channel?.members.get(userId);
      entries.push(
        member
          ? { put: 'member', cid, member: storedMemberFields(member) }
          : { remove: 'member', cid, user_id: userId },
      );
    }
  }
  for (const [id, cid] of changes.messages) {
    const message = store.getMessage(id);
    if (message) {
      entries.push({ put: 'message', cid: message.cid, message: snapshotMessage(message) });
    } else if (store.getChannel(cid)) {
      entries.push({ remove: 'message', cid, id });
    }
  }
  for (const slice of changes.slices) {
    const persistence = slice.persistence;
    if (!persistence) {
      continue;
    }
    const value: unknown = persistence.snapshot(store.slice(slice), store);
    const text = JSON.stringify(value);
    if (savedSlices.get(persistence.key) !== text) {
      savedSlices.set(persistence.key, text);
      entries.push({ slice: persistence.key, value });
    }
  }
  changes.clear();
  return entries;
}

/** The persisted value of every slice, serialized, by key (what a full snapshot saved). */
export function serializedSlices(store: ChatStore): Map<string, string> {
  const saved = new Map<string, string>();
  for (const slice of store.slices) {
    if (slice.persistence) {
      saved.set(
        slice.persistence.key,
        JSON.stringify(slice.persistence.snapshot(store.slice(slice), store)),
      );
    }
  }
  return saved;
}

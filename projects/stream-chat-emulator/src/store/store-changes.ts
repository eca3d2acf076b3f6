import type { AnySliceDefinition } from './slices';

/**
 * What changed in a store since the data file's journal last recorded it: the ids of the
 * users, channels, members and messages that were created, changed or removed, and the slices
 * that may have changed. The journal writes the current state of each (or its removal), so a
 * record only needs to be marked, never described. {@link StoreChanges.everything} asks for a
 * full snapshot instead (used when the whole store is replaced).
 */
export class StoreChanges {
  /** Ids of users created, changed or removed. */
  readonly users = new Set<string>();
  /** Cids of channels created, changed (custom data, times) or removed. */
  readonly channels = new Set<string>();
  /** Members created, changed (role, read state) or removed, by cid then user id. */
  readonly members = new Map<string, Set<string>>();
  /** Messages created, changed or removed, by id, with the cid of their channel. */
  readonly messages = new Map<string, string>();
  /** Slices whose persisted value may have changed. */
  readonly slices = new Set<AnySliceDefinition>();
  private replaced = false;

  /** Marks a user. */
  user(id: string): void {
    this.users.add(id);
  }

  /** Marks a channel's own fields (not its members or messages). */
  channel(cid: string): void {
    this.channels.add(cid);
  }

  /** Marks a member of a channel. */
  member(cid: string, userId: string): void {
    let userIds = this.members.get(cid);
    if (!userIds) {
      userIds = new Set();
      this.members.set(cid, userIds);
    }
    userIds.add(userId);
  }

  /** Marks a message of a channel. */
  message(cid: string, id: string): void {
    this.messages.set(id, cid);
  }

  /** Marks a slice whose state may have changed. */
  slice(definition: AnySliceDefinition): void {
    this.slices.add(definition);
  }

  /** Marks the whole state: the next save writes a full snapshot. */
  everything(): void {
    this.replaced = true;
  }

  /** Whether the whole state was marked. */
  get wholeState(): boolean {
    return this.replaced;
  }

  /** Forgets every mark (after they were saved, or covered by a full snapshot). */
  clear(): void {
    this.users.clear();
    this.channels.clear();
    this.members.clear();
    this.messages.clear();
    this.slices.clear();
    this.replaced = false;
  }
}

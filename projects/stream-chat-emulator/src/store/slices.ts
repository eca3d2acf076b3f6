import type { ZodType } from 'zod';
import type { ChatStore } from './chat-store';
import type { ChannelRecord, MessageRecord } from './model';

/**
 * How a slice is kept in seed and data files: one top-level key, validated by a zod schema.
 * The schema's output type is what `snapshot` writes and `load` reads.
 */
export interface SlicePersistence<State, Persisted> {
  /** The top-level key in seed and data files, e.g. `reactions`. */
  key: string;
  /** Validates the key's value when a seed or data file is loaded. */
  schema: ZodType<Persisted>;
  /** The slice's state in the file format, so that `load` gives the same state back. */
  snapshot(state: State, store: ChatStore): Persisted;
  /**
   * Loads validated data into a fresh state, after users and channels are loaded.
   * @throws Error with a message naming the faulty entry (e.g. an unknown message id).
   */
  load(state: State, data: Persisted, store: ChatStore): void;
}

/**
 * A feature's piece of the emulator's state: created once per store (and again when the store
 * is cleared), persisted under its own key when it declares {@link SlicePersistence}.
 */
export interface SliceDefinition<State, Persisted = unknown> {
  /** Names the slice in error messages. */
  name: string;
  /** Creates the empty state. `store` is the store it belongs to (for change notification). */
  create(store: ChatStore): State;
  /** Set for slices whose state survives restarts. */
  persistence?: SlicePersistence<State, Persisted>;
  /** Drops what hangs off records that left the store (reactions of a deleted message...). */
  onRemoved?(state: State, removed: RemovedRecords, store: ChatStore): void;
  /**
   * Whether a new message does not raise the reader's unread count although it counts as
   * unread otherwise (a channel the reader muted...).
   */
  suppressesUnread?(
    state: State,
    channel: ChannelRecord,
    message: MessageRecord,
    readerId: string,
  ): boolean;
}

/** A slice definition of any state type, as registries hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySliceDefinition = SliceDefinition<any, any>;

/** Declares a slice; the identity of the returned object is the slice's key in the store. */
export function defineSlice<State, Persisted = unknown>(
  definition: SliceDefinition<State, Persisted>,
): SliceDefinition<State, Persisted> {
  return definition;
}

/** What a store tells its slices about records that left it, so they can drop what hangs off them. */
export interface RemovedRecords {
  /** Messages removed (hard deletes, truncation, a deleted channel). */
  messageIds: string[];
  /** A channel that was deleted, if any. */
  channelCid?: string;
  /** Members removed from a channel (not set when the whole channel was deleted). */
  members?: { cid: string; userIds: string[] };
}

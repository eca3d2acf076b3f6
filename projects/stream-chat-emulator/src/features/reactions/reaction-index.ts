/** One user's reaction of one type to one message. */
export interface StoredReaction {
  messageId: string;
  userId: string;
  type: string;
  /** 1 unless the client sent another score (cumulative reactions such as claps). */
  score: number;
  createdAt: string;
  /** Changes when the same type is sent again (new score or custom data). */
  updatedAt: string;
  /** Custom fields, kept flat on the wire (`{type: 'love', my_field: 'x'}`). */
  data: Record<string, unknown>;
}

/** The reactions of one message. */
export interface MessageReactions {
  /** Oldest first. */
  reactions: StoredReaction[];
  /**
   * When each type was first used on the message. Kept after every reaction of a type is
   * removed, so the order of types (sorted by `first_reaction_at`) stays stable.
   */
  firstReactionAt: Map<string, string>;
}

/** The reactions of every message, by message id: the reactions slice's state. */
export class ReactionIndex {
  private readonly byMessage = new Map<string, MessageReactions>();

  /** The reactions of a message (empty when it has none). */
  of(messageId: string): MessageReactions {
    return this.byMessage.get(messageId) ?? { reactions: [], firstReactionAt: new Map() };
  }

  /** The ids of the messages that have (or had) reactions, in insertion order. */
  messageIds(): string[] {
    return [...this.byMessage.keys()];
  }

  /** The user's reaction of this type to the message, if any. */
  find(messageId: string, userId: string, type: string): StoredReaction | undefined {
    return this.byMessage
      .get(messageId)
      ?.reactions.find((reaction) => reaction.userId === userId && reaction.type === type);
  }

  /** Adds a reaction (the caller checked there is none of this user and type yet). */
  add(reaction: StoredReaction): void {
    const entry = this.entry(reaction.messageId);
    entry.reactions.push(reaction);
    if (!entry.firstReactionAt.has(reaction.type)) {
      entry.firstReactionAt.set(reaction.type, reaction.createdAt);
    }
  }

  /** Sets when a type was first used (loading stored data). */
  setFirstReactionAt(messageId: string, type: string, at: string): void {
    this.entry(messageId).firstReactionAt.set(type, at);
  }

  /** Removes one reaction. @returns whether it was there. */
  remove(reaction: StoredReaction): boolean {
    const entry = this.byMessage.get(reaction.messageId);
    const index = entry ? entry.reactions.indexOf(reaction) : -1;
    if (!entry || index < 0) {
      return false;
    }
    entry.reactions.splice(index, 1);
    return true;
  }

  /**
   * Removes the user's reactions to the message except the one of `keptType`.
   * @returns the removed reactions.
   */
  removeOthersOf(messageId: string, userId: string, keptType: string): StoredReaction[] {
    const entry = this.byMessage.get(messageId);
    if (!entry) {
      return [];
    }
    const removed = entry.reactions.filter(
      (reaction) => reaction.userId === userId && reaction.type !== keptType,
    );
    entry.reactions = entry.reactions.filter((reaction) => !removed.includes(reaction));
    return removed;
  }

  /** Forgets everything about these messages. */
  dropMessages(messageIds: Iterable<string>): void {
    for (const id of messageIds) {
      this.byMessage.delete(id);
    }
  }

  private entry(messageId: string): MessageReactions {
    let entry = this.byMessage.get(messageId);
    if (!entry) {
      entry = { reactions: [], firstReactionAt: new Map() };
      this.byMessage.set(messageId, entry);
    }
    return entry;
  }
}

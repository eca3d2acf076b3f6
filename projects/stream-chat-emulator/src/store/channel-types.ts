/** Who may read and write a channel type without being a member. */
export type ChannelAccess = 'members' | 'public';

/** A built-in channel type: its wire `config` and its access policy. */
export interface ChannelTypeDefinition {
  /** The type name, e.g. `messaging`. */
  name: string;
  /**
   * `members`: only members (and the creator, and admins) read and write.
   * `public`: anyone reads, anonymous users included; any signed-in user writes.
   */
  access: ChannelAccess;
  /** Whether typing events are relayed. */
  typingEvents: boolean;
  /** Whether read state is kept and read events are sent. */
  readEvents: boolean;
  /** Whether watching events are sent. */
  connectEvents: boolean;
  /** Whether URLs are enriched (always off in the emulator; reported for fidelity). */
  urlEnrichment: boolean;
}

/** Longest message text accepted, as in Stream's default config. */
export const MAX_MESSAGE_LENGTH = 5000;

const definitions: ChannelTypeDefinition[] = [
  {
    name: 'messaging',
    access: 'members',
    typingEvents: true,
    readEvents: true,
    connectEvents: true,
    urlEnrichment: false,
  },
  {
    name: 'team',
    access: 'members',
    typingEvents: true,
    readEvents: true,
    connectEvents: true,
    urlEnrichment: false,
  },
  {
    name: 'commerce',
    access: 'members',
    typingEvents: true,
    readEvents: true,
    connectEvents: true,
    urlEnrichment: false,
  },
  {
    name: 'gaming',
    access: 'members',
    typingEvents: false,
    readEvents: false,
    connectEvents: true,
    urlEnrichment: false,
  },
  {
    name: 'livestream',
    access: 'public',
    typingEvents: true,
    readEvents: true,
    connectEvents: true,
    urlEnrichment: false,
  },
];

const byName = new Map(definitions.map((definition) => [definition.name, definition]));

/** The built-in channel types, by name. */
export function findChannelType(name: string): ChannelTypeDefinition | undefined {
  return byName.get(name);
}

/** Names of all built-in channel types. */
export function channelTypeNames(): string[] {
  return definitions.map((definition) => definition.name);
}

/**
 * The `config` object of a channel type as the client expects it in `channel.config`
 * (the client caches it per cid and reads `read_events`, `typing_events`...). Switches of
 * features beyond the core (`reactions`, `uploads`, `search`, `mutes`) are off here; each
 * feature turns its own on.
 * @param createdAt timestamp reported as the config's creation and update time.
 */
export function channelConfigResponse(
  definition: ChannelTypeDefinition,
  createdAt: string,
): Record<string, unknown> {
  return {
    name: definition.name,
    typing_events: definition.typingEvents,
    read_events: definition.readEvents,
    connect_events: definition.connectEvents,
    custom_events: true,
    reactions: false,
    replies: true,
    quotes: true,
    search: false,
    mutes: false,
    uploads: false,
    url_enrichment: definition.urlEnrichment,
    push_notifications: false,
    reminders: false,
    delivery_events: false,
    polls: false,
    shared_locations: false,
    mark_messages_pending: false,
    skip_last_msg_update_for_system_msgs: false,
    message_retention: 'infinite',
    max_message_length: MAX_MESSAGE_LENGTH,
    automod: 'disabled',
    automod_behavior: 'flag',
    commands: [],
    created_at: createdAt,
    updated_at: createdAt,
  };
}

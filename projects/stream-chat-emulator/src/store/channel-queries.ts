import { ownField } from '../protocol/body-fields';
import { inputError } from '../protocol/api-error';
import { ChannelRecord } from './model';
import { FilterSchema, Predicate, compareValues, compileComparison } from './query-filter';
import { SortField } from './query-sort';
import { tracksReadState } from './read-states';

/** Default channel order: most recent message first, then newest channel. */
export const DEFAULT_CHANNEL_SORT: SortField[] = [
  { field: 'last_message_at', direction: -1 },
  { field: 'created_at', direction: -1 },
];

/** Flags that are never set in the emulator and read as `false`. */
const ALWAYS_FALSE_FIELDS = new Set([
  'hidden',
  'muted',
  'archived',
  'pinned',
  'disabled',
  'blocked',
]);

/**
 * The value of a channel field for filtering and sorting: built-in fields, then custom data.
 * `last_message_at` falls back to `created_at` so that new empty channels sort by age;
 * `last_updated` is the later of the two.
 */
export function channelFieldValue(channel: ChannelRecord, field: string): unknown {
  switch (field) {
    case 'type':
      return channel.type;
    case 'id':
      return channel.id;
    case 'cid':
      return channel.cid;
    case 'created_by_id':
      return channel.createdById;
    case 'created_at':
      return channel.createdAt;
    case 'updated_at':
      return channel.updatedAt;
    case 'last_message_at':
      return channel.lastMessageAt ?? channel.createdAt;
    case 'last_updated': {
      const last = channel.lastMessageAt ?? channel.createdAt;
      return (compareValues(last, channel.updatedAt) ?? 0) > 0 ? last : channel.updatedAt;
    }
    case 'member_count':
      return channel.members.size;
    case 'frozen':
      return channel.data['frozen'] === true;
    default:
      return ALWAYS_FALSE_FIELDS.has(field) ? false : ownField(channel.data, field);
  }
}

/**
 * A channel field whose value depends on who queries (the caller's pin, archive, hide or
 * invite state, unread figures...), for the filters and sort keys of `queryChannels`.
 * @param callerId the querying user; `undefined` for server-side queries naming no user.
 */
type CallerChannelField = (channel: ChannelRecord, callerId: string | undefined) => unknown;

/** Caller-dependent channel fields by name (`pinned`, `pinned_at`, `hidden`...). */
type CallerChannelFields = Readonly<Record<string, CallerChannelField>>;

/** The caller's unread messages in the channel: 0 for non-members and types without read state. */
function callerUnreadCount(channel: ChannelRecord, callerId: string | undefined): number {
  const member = callerId === undefined ? undefined : channel.members.get(callerId);
  return member && tracksReadState(channel) ? member.read.unreadMessages : 0;
}

/** The core's caller-dependent fields: `unread_count` and `has_unread`, from read state. */
const CORE_CALLER_CHANNEL_FIELDS: CallerChannelFields = {
  unread_count: callerUnreadCount,
  has_unread: (channel, callerId) => callerUnreadCount(channel, callerId) > 0,
};

/**
 * How one caller's channel query reads a field: the core's caller-dependent fields
 * (`unread_count`, `has_unread`), else {@link channelFieldValue}. Features add theirs through
 * the `channelQueryFields` service hook.
 */
export function channelQueryValue(
  callerId: string | undefined,
): (channel: ChannelRecord, field: string) => unknown {
  return (channel, field) =>
    Object.hasOwn(CORE_CALLER_CHANNEL_FIELDS, field)
      ? CORE_CALLER_CHANNEL_FIELDS[field](channel, callerId)
      : channelFieldValue(channel, field);
}

/**
 * How channel filters read channels. Besides plain fields, `members` compares user ids
 * (`$in`: any of them is a member; `$nin`: none is; `$eq` or a plain array: exactly these
 * members) and `joined` is whether `callerId` is a member. Caller-dependent fields are
 * read through {@link channelQueryValue}.
 * @param fields the features' caller-dependent fields.
 */
export function channelFilterSchema(
  callerId: string | undefined,
  value: (channel: ChannelRecord, field: string) => unknown = channelQueryValue(callerId),
): FilterSchema<ChannelRecord> {
  return {
    value,
    special: {
      members: membersCondition,
      joined: (operator, operand): Predicate<ChannelRecord> => {
        const test = compileComparison('joined', operator, operand);
        return (channel) => test(callerId !== undefined && channel.members.has(callerId));
      },
    },
  };
}

function membersCondition(operator: string, operand: unknown): Predicate<ChannelRecord> {
  if ((operator === '$in' || operator === '$nin') && !Array.isArray(operand)) {
    throw inputError(`${operator} of field members must be an array`);
  }
  const ids = Array.isArray(operand) ? operand : [operand];
  if (!ids.every((id) => typeof id === 'string')) {
    throw inputError('members filter values must be user ids');
  }
  const wanted = ids as string[];
  switch (operator) {
    case '$in':
      return (channel) => wanted.some((id) => channel.members.has(id));
    case '$nin':
      return (channel) => !wanted.some((id) => channel.members.has(id));
    case '$eq':
      return Array.isArray(operand)
        ? (channel) =>
            channel.members.size === new Set(wanted).size &&
            wanted.every((id) => channel.members.has(id))
        : (channel) => channel.members.has(wanted[0]);
    case '$contains':
      return (channel) => channel.members.has(wanted[0]);
    default:
      throw inputError(`operator ${operator} is not supported on members`);
  }
}

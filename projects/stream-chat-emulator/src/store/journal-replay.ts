import { JournalEntry } from './journal-entries';

/** The first line of a journal: its format and the SHA-256 of the data file it continues. */
export interface JournalHeader {
  journal: 1;
  /** Hex SHA-256 of the data file's bytes the journal's entries apply to. */
  base: string;
}

/** A journal read from its text: the header, the batches of entries, and a torn tail if any. */
export interface ParsedJournal {
  header: JournalHeader;
  batches: JournalEntry[][];
  /** Bytes of an unfinished last line (a crash in the middle of a write), ignored. */
  tornBytes: number;
}

type JsonRecord = { [key: string]: unknown };

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a journal's text. A last line without its newline was cut by a crash and is left out
 * (its batch was never acknowledged); any other line that is not a batch of entries is refused.
 * @throws Error naming the file and line.
 */
export function parseJournal(text: string, path: string): ParsedJournal {
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const fail = (line: number, detail: string): never => {
    throw new Error(
      `stream-chat-emulator: journal ${path} is damaged at line ${line}: ${detail}. ` +
        'It was left as it is; move it away to start from the data file alone (losing its changes).',
    );
  };
  const parseLine = (line: string, index: number): unknown => {
    try {
      return JSON.parse(line);
    } catch (error) {
      return fail(index + 1, (error as Error).message);
    }
  };
  if (lines.length === 0) {
    return fail(1, 'the header line is missing');
  }
  const header = parseLine(lines[0], 0);
  if (!isRecord(header) || header['journal'] !== 1 || typeof header['base'] !== 'string') {
    return fail(1, 'not a journal header ({"journal":1,"base":...})');
  }
  const batches = lines.slice(1).map((line, index): JournalEntry[] => {
    const batch = parseLine(line, index + 1);
    if (!Array.isArray(batch) || !batch.every(isEntry)) {
      return fail(index + 2, 'not a batch of journal entries');
    }
    return batch;
  });
  return { header: header as unknown as JournalHeader, batches, tornBytes: tail.length };
}

function isEntry(value: unknown): value is JournalEntry {
  if (!isRecord(value)) {
    return false;
  }
  if (typeof value['slice'] === 'string') {
    return 'value' in value;
  }
  switch (value['put'] ?? value['remove']) {
    case 'user':
      return 'put' in value ? isRecord(value['user']) : typeof value['id'] === 'string';
    case 'channel':
      return 'put' in value ? isRecord(value['channel']) : typeof value['cid'] === 'string';
    case 'member':
      return (
        typeof value['cid'] === 'string' &&
        ('put' in value ? isRecord(value['member']) : typeof value['user_id'] === 'string')
      );
    case 'message':
      return (
        typeof value['cid'] === 'string' &&
        ('put' in value ? isRecord(value['message']) : typeof value['id'] === 'string')
      );
    default:
      return false;
  }
}

/** A channel being rebuilt: its own fields, members by user id, messages by id. */
interface ReplayedChannel {
  fields: JsonRecord;
  members: Map<unknown, unknown>;
  messages: Map<string, JsonRecord>;
}

/**
 * Applies journal batches to a data file's content (seed format), giving the seed format of
 * the state they lead to. Records keep their order; new ones come last, as in the store.
 * Content that is not a seed is returned as it is (the seed loader then says what is wrong).
 * @throws Error when an entry refers to a channel the state does not have.
 */
export function replayJournal(data: unknown, batches: JournalEntry[][], path: string): unknown {
  if (!isRecord(data) || !Array.isArray(data['users']) || !Array.isArray(data['channels'])) {
    return data;
  }
  const users = new Map<unknown, unknown>();
  for (const user of data['users']) {
    users.set(isRecord(user) ? user['id'] : user, user);
  }
  const channels = new Map<string, ReplayedChannel>();
  for (const channel of data['channels']) {
    if (!isRecord(channel)) {
      return data;
    }
    const { members, messages, ...fields } = channel;
    channels.set(`${String(fields['type'])}:${String(fields['id'])}`, {
      fields,
      members: new Map(
        (Array.isArray(members) ? members : []).map((member: unknown) => [
          isRecord(member) ? member['user_id'] : member,
          member,
        ]),
      ),
      messages: new Map(
        (Array.isArray(messages) ? messages : []).map((message: unknown, index: number) => [
          isRecord(message) && typeof message['id'] === 'string'
            ? message['id']
            : `#unnamed-${index}`,
          message as JsonRecord,
        ]),
      ),
    });
  }
  const slices: JsonRecord = {};
  for (const [key, value] of Object.entries(data)) {
    if (key !== 'users' && key !== 'channels') {
      slices[key] = value;
    }
  }
  batches.forEach((batch, index) => {
    const channelOf = (cid: string): ReplayedChannel => {
      const channel = channels.get(cid);
      if (!channel) {
        throw new Error(
          `stream-chat-emulator: journal ${path} is damaged at line ${index + 2}: ` +
            `it changes channel "${cid}", which the data file does not have`,
        );
      }
      return channel;
    };
    for (const entry of batch) {
      applyEntry(entry, { users, channels, slices, channelOf });
    }
  });
  return {
    users: [...users.values()],
    channels: [...channels.values()].map((channel) => ({
      ...channel.fields,
      members: [...channel.members.values()],
      messages: [...channel.messages.values()],
    })),
    ...slices,
  };
}

interface ReplayState {
  users: Map<unknown, unknown>;
  channels: Map<string, ReplayedChannel>;
  slices: JsonRecord;
  channelOf(cid: string): ReplayedChannel;
}

function applyEntry(entry: JournalEntry, state: ReplayState): void {
  if ('slice' in entry) {
    // Like a full snapshot, an empty list leaves no key.
    if (Array.isArray(entry.value) && entry.value.length === 0) {
      delete state.slices[entry.slice];
    } else {
      state.slices[entry.slice] = entry.value;
    }
    return;
  }
  if ('put' in entry) {
    switch (entry.put) {
      case 'user':
        state.users.set(entry.user.id, entry.user);
        return;
      case 'channel': {
        const cid = `${entry.channel.type}:${entry.channel.id}`;
        const existing = state.channels.get(cid);
        if (existing) {
          existing.fields = entry.channel as JsonRecord;
        } else {
          state.channels.set(cid, {
            fields: entry.channel as JsonRecord,
            members: new Map(),
            messages: new Map(),
          });
        }
        return;
      }
      case 'member': {
        const member = entry.member as JsonRecord;
        state.channelOf(entry.cid).members.set(member['user_id'], member);
        return;
      }
      case 'message':
        state
          .channelOf(entry.cid)
          .messages.set(String(entry.message.id), entry.message as JsonRecord);
        return;
    }
  }
  switch (entry.remove) {
    case 'user':
      state.users.delete(entry.id);
      return;
    case 'channel':
      state.channels.delete(entry.cid);
      return;
    case 'member':
      state.channelOf(entry.cid).members.delete(entry.user_id);
      return;
    case 'message':
      state.channelOf(entry.cid).messages.delete(entry.id);
      return;
  }
}

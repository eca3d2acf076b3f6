import { ApiError } from '../protocol/api-error';
import { channelFieldValue, channelFilterSchema } from './channel-queries';
import { ChatStore } from './chat-store';
import { ChannelRecord } from './model';
import { compileFilter } from './query-filter';
import { parseSort, sortRecords } from './query-sort';

function channels(): ChannelRecord[] {
  const store = new ChatStore();
  for (const id of ['u1', 'u2', 'u3']) {
    store.users.ensure(id);
  }
  store.createChannel({
    type: 'messaging',
    id: 'one',
    data: { name: 'First one', priority: 3 },
    memberIds: ['u1', 'u2'],
  });
  store.createChannel({
    type: 'team',
    id: 'two',
    data: { name: 'Second', priority: 1 },
    memberIds: ['u2', 'u3'],
  });
  store.createChannel({ type: 'livestream', id: 'three', data: { priority: 2 }, memberIds: [] });
  return store.listChannels();
}

function ids(filter: unknown, callerId = 'u1'): string[] {
  const predicate = compileFilter(filter, channelFilterSchema(callerId));
  return channels()
    .filter(predicate)
    .map((channel) => channel.id);
}

describe('channel filters', () => {
  it('supports equality, $in/$nin, comparisons and $exists', () => {
    expect(ids({ type: 'team' })).toEqual(['two']);
    expect(ids({ type: { $nin: ['team'] } })).toEqual(['one', 'three']);
    expect(ids({ priority: { $gte: 2 } })).toEqual(['one', 'three']);
    expect(ids({ priority: { $gt: 1, $lt: 3 } })).toEqual(['three']);
    expect(ids({ name: { $exists: false } })).toEqual(['three']);
    expect(ids({ name: { $autocomplete: 'on' } })).toEqual(['one']);
    expect(ids({ cid: { $ne: 'team:two' } })).toEqual(['one', 'three']);
  });

  it('supports members ($in, $nin, exact list), joined and logical operators', () => {
    expect(ids({ members: { $in: ['u3'] } })).toEqual(['two']);
    expect(ids({ members: { $nin: ['u2'] } })).toEqual(['three']);
    expect(ids({ members: ['u2', 'u1'] })).toEqual(['one']);
    expect(ids({ joined: false })).toEqual(['two', 'three']);
    expect(ids({ $or: [{ id: 'one' }, { id: 'three' }] })).toEqual(['one', 'three']);
    expect(ids({ $nor: [{ id: 'one' }] })).toEqual(['two', 'three']);
    expect(ids({ $and: [{ members: { $in: ['u2'] } }, { type: 'team' }] })).toEqual(['two']);
    expect(ids({ hidden: false })).toEqual(['one', 'two', 'three']);
  });

  it.each([
    ['a non-object filter', 'all'],
    ['an unknown operator', { id: { $like: 'x' } }],
    ['$in without an array', { type: { $in: 'team' } }],
    ['an empty $or', { $or: [] }],
    ['an unknown logical operator', { $xor: [{}] }],
    ['$exists with a string', { name: { $exists: 'yes' } }],
    ['members with numbers', { members: { $in: [1] } }],
  ])('rejects %s with code 4', (_name, filter) => {
    expect(() => ids(filter)).toThrow(ApiError);
  });
});

describe('sorting', () => {
  it('sorts by several keys, puts missing values last and validates directions', () => {
    const sort = parseSort([{ field: 'name', direction: -1 }], []);
    expect(sortRecords(channels(), sort, channelFieldValue).map((channel) => channel.id)).toEqual([
      'two',
      'one',
      'three',
    ]);
    expect(
      sortRecords(channels(), parseSort({ priority: 1 }, []), channelFieldValue).map(
        (channel) => channel.id,
      ),
    ).toEqual(['two', 'three', 'one']);
    expect(parseSort(undefined, [{ field: 'id', direction: 1 }])).toEqual([
      { field: 'id', direction: 1 },
    ]);
    expect(() => parseSort([{ field: 'id', direction: 0 }], [])).toThrow(ApiError);
    expect(() => parseSort([{ direction: 1 }], [])).toThrow(ApiError);
  });
});

import { MemberTable } from './member-table';

describe('MemberTable', () => {
  it('keeps one value per channel and member, and lists them all', () => {
    const table = new MemberTable<string>();
    table.put('messaging:a', 'alice', 'pinned');
    table.put('messaging:a', 'bob', 'archived');
    table.put('messaging:b', 'alice', 'hidden');
    expect(table.get('messaging:a', 'bob')).toBe('archived');
    expect(table.get('messaging:b', 'bob')).toBeUndefined();
    expect(table.ofChannel('messaging:a')).toEqual([
      ['alice', 'pinned'],
      ['bob', 'archived'],
    ]);
    expect(table.ofChannel('messaging:c')).toEqual([]);
    expect(table.entries()).toEqual([
      { cid: 'messaging:a', userId: 'alice', value: 'pinned' },
      { cid: 'messaging:a', userId: 'bob', value: 'archived' },
      { cid: 'messaging:b', userId: 'alice', value: 'hidden' },
    ]);
  });

  it('creates a missing value once with ensure()', () => {
    const table = new MemberTable<{ count: number }>();
    table.ensure('messaging:a', 'alice', () => ({ count: 0 })).count++;
    table.ensure('messaging:a', 'alice', () => ({ count: 0 })).count++;
    expect(table.get('messaging:a', 'alice')).toEqual({ count: 2 });
  });

  it('forgets what belonged to a deleted channel or to members who left', () => {
    const table = new MemberTable<number>();
    table.put('messaging:a', 'alice', 1);
    table.put('messaging:a', 'bob', 2);
    table.put('messaging:b', 'alice', 3);
    table.dropRemoved({ messageIds: [], members: { cid: 'messaging:a', userIds: ['bob'] } });
    expect(table.entries().map((entry) => entry.value)).toEqual([1, 3]);
    table.dropRemoved({ messageIds: [], channelCid: 'messaging:b' });
    expect(table.entries().map((entry) => entry.value)).toEqual([1]);
    table.delete('messaging:a', 'alice');
    expect(table.entries()).toEqual([]);
  });
});

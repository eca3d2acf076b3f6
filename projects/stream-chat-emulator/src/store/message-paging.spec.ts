import { ChatStore } from './chat-store';
import { selectMessagePage } from './message-paging';

describe('selectMessagePage', () => {
  const store = new ChatStore();
  store.users.ensure('a');
  const channel = store.createChannel({ type: 'messaging', id: 'p', data: {}, memberIds: ['a'] });
  for (let index = 1; index <= 10; index++) {
    store.addMessage(channel, { id: `m${index}`, userId: 'a', text: String(index) });
  }
  store.addMessage(channel, { id: 'reply', userId: 'a', text: 'thread only', parentId: 'm5' });
  const page = (options: Parameters<typeof selectMessagePage>[1]) =>
    selectMessagePage(channel, options).map((message) => message.id);

  it('returns the newest messages, oldest first, without thread-only replies', () => {
    expect(page({ limit: 3 })).toEqual(['m8', 'm9', 'm10']);
    expect(page({ limit: 0 })).toEqual([]);
  });

  it('pages backwards and forwards by id', () => {
    expect(page({ limit: 3, idLt: 'm8' })).toEqual(['m5', 'm6', 'm7']);
    expect(page({ limit: 3, idLte: 'm8' })).toEqual(['m6', 'm7', 'm8']);
    expect(page({ limit: 3, idGt: 'm2' })).toEqual(['m3', 'm4', 'm5']);
    expect(page({ limit: 3, idGte: 'm2' })).toEqual(['m2', 'm3', 'm4']);
    expect(page({ limit: 3, idLt: 'unknown' })).toEqual([]);
  });

  it('centres on a message or a time', () => {
    expect(page({ limit: 3, idAround: 'm5' })).toEqual(['m4', 'm5', 'm6']);
    expect(page({ limit: 4, idAround: 'm1' })).toEqual(['m1', 'm2', 'm3', 'm4']);
    // An even page has the message at its midpoint, as the client expects.
    expect(page({ limit: 4, idAround: 'm5' })).toEqual(['m3', 'm4', 'm5', 'm6']);
    expect(
      page({ limit: 3, createdAtAround: Date.parse(store.getMessage('m9')!.createdAt) }),
    ).toEqual(['m8', 'm9', 'm10']);
  });

  it('pages by creation time', () => {
    const m4 = Date.parse(store.getMessage('m4')!.createdAt);
    expect(page({ limit: 2, createdAtBefore: m4 })).toEqual(['m2', 'm3']);
    expect(page({ limit: 2, createdAtAfterOrEqual: m4 })).toEqual(['m4', 'm5']);
  });
});

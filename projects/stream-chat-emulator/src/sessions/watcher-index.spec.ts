import WebSocket from 'ws';
import { ClientSession } from './client-session';
import { WatcherIndex } from './watcher-index';

const CID = 'messaging:general';

function session(id: string, userId: string, anonymous = false): ClientSession {
  return new ClientSession(id, userId, anonymous, {} as WebSocket);
}

describe('WatcherIndex', () => {
  it('knows which users watch a channel, whatever their number of connections', () => {
    const index = new WatcherIndex();
    const phone = session('c1', 'alice');
    const laptop = session('c2', 'alice');
    expect(index.add(CID, phone)).toBe(true);
    expect(index.add(CID, laptop)).toBe(true);
    expect(index.add(CID, laptop)).toBe(false);
    expect(index.isWatching('alice', CID)).toBe(true);
    expect(index.isWatching('bob', CID)).toBe(false);
    expect(index.isWatching('alice', 'messaging:other')).toBe(false);
    expect(index.remove(CID, phone)).toBe(true);
    expect(index.isWatching('alice', CID)).toBe(true);
    expect(index.remove(CID, laptop)).toBe(true);
    expect(index.remove(CID, laptop)).toBe(false);
    expect(index.isWatching('alice', CID)).toBe(false);
  });

  it('counts distinct signed-in users plus each anonymous connection', () => {
    const index = new WatcherIndex();
    const alicePhone = session('c1', 'alice');
    const anonymousOne = session('c4', '!anon', true);
    index.add(CID, alicePhone);
    index.add(CID, session('c2', 'alice'));
    index.add(CID, session('c3', 'bob'));
    index.add(CID, anonymousOne);
    index.add(CID, session('c5', '!anon', true));
    expect(index.watcherCount(CID)).toBe(4);
    expect(index.isWatching('!anon', CID)).toBe(true);
    index.remove(CID, alicePhone);
    index.remove(CID, anonymousOne);
    expect(index.watcherCount(CID)).toBe(3);
    expect(index.watcherCount('messaging:other')).toBe(0);
  });

  it('lists the watching connections in the order they started', () => {
    const index = new WatcherIndex();
    const first = session('c1', 'alice');
    const second = session('c2', 'bob');
    const third = session('c3', 'alice');
    index.add(CID, first);
    index.add(CID, second);
    index.add(CID, third);
    index.remove(CID, second);
    expect([...index.sessionsOf(CID)]).toEqual([first, third]);
    expect([...index.sessionsOf('messaging:other')]).toEqual([]);
  });

  it('forgets a channel and returns the connections that watched it', () => {
    const index = new WatcherIndex();
    const watcher = session('c1', 'alice');
    index.add(CID, watcher);
    expect(index.forget(CID)).toEqual([watcher]);
    expect(index.isWatching('alice', CID)).toBe(false);
    expect(index.watcherCount(CID)).toBe(0);
    expect(index.forget(CID)).toEqual([]);
    expect(index.add(CID, watcher)).toBe(true);
  });
});

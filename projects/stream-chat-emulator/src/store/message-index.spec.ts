import { ChatStore } from './chat-store';
import { messageIndexOf } from './message-index';
import { MessagePage, selectMessagePage, selectPage } from './message-paging';
import { isShownInChannel } from './message-visibility';
import { ChannelRecord, MessageRecord } from './model';
import { OrderedMessages } from './ordered-messages';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so failures replay. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The straightforward paging the index replaces: scans and filters the whole list. */
function referencePage(
  messages: MessageRecord[],
  page: MessagePage,
  direction?: 1 | -1,
): MessageRecord[] {
  if (page.limit <= 0) {
    return [];
  }
  const time = (message: MessageRecord) => Date.parse(message.createdAt);
  const find = (id: string) => messages.findIndex((message) => message.id === id);
  if (page.idAround !== undefined || page.createdAtAround !== undefined) {
    let center: number;
    if (page.idAround !== undefined) {
      center = find(page.idAround);
    } else {
      const target = page.createdAtAround as number;
      center = messages.findIndex((message) => time(message) >= target);
      center = center < 0 ? messages.length - 1 : center;
    }
    if (center < 0) {
      return [];
    }
    const before = Math.floor(page.limit / 2);
    const start = Math.max(0, Math.min(center - before, messages.length - page.limit));
    return messages.slice(start, start + page.limit);
  }
  let lower = 0;
  let upper = messages.length;
  for (const [id, apply] of [
    [page.idLt, (index: number) => (upper = Math.min(upper, index))],
    [page.idLte, (index: number) => (upper = Math.min(upper, index + 1))],
    [page.idGt, (index: number) => (lower = Math.max(lower, index + 1))],
    [page.idGte, (index: number) => (lower = Math.max(lower, index))],
  ] as const) {
    if (id !== undefined) {
      const index = find(id);
      if (index < 0) {
        return [];
      }
      apply(index);
    }
  }
  const inRange = messages
    .slice(lower, upper)
    .filter(
      (message) =>
        (page.createdAtBefore === undefined || time(message) < page.createdAtBefore) &&
        (page.createdAtBeforeOrEqual === undefined ||
          time(message) <= page.createdAtBeforeOrEqual) &&
        (page.createdAtAfter === undefined || time(message) > page.createdAtAfter) &&
        (page.createdAtAfterOrEqual === undefined || time(message) >= page.createdAtAfterOrEqual),
    );
  const hasAfter = [page.idGt, page.idGte, page.createdAtAfter, page.createdAtAfterOrEqual].some(
    (value) => value !== undefined,
  );
  const hasBefore = [page.idLt, page.idLte, page.createdAtBefore, page.createdAtBeforeOrEqual].some(
    (value) => value !== undefined,
  );
  const oldestFirst = hasAfter !== hasBefore ? hasAfter : (direction ?? (hasAfter ? 1 : -1)) === 1;
  return oldestFirst ? inRange.slice(0, page.limit) : inRange.slice(-page.limit);
}

/** Builds a random history: messages, replies (some shown in the channel), deletions. */
function randomHistory(
  random: () => number,
  size: number,
): { store: ChatStore; channel: ChannelRecord } {
  const store = new ChatStore();
  store.users.ensure('a');
  store.users.ensure('b');
  const channel = store.createChannel({
    type: 'messaging',
    id: 'r',
    data: {},
    memberIds: ['a', 'b'],
  });
  const ids: string[] = [];
  for (let step = 0; step < size; step++) {
    const roll = random();
    const live = ids.filter((id) => store.getMessage(id));
    const pick = () => live[Math.floor(random() * live.length)];
    if (roll < 0.6 || live.length === 0) {
      ids.push(store.addMessage(channel, { id: `m${step}`, userId: 'a', text: 'x' }).id);
    } else if (roll < 0.8) {
      const parent = store.getMessage(pick());
      if (parent && !parent.parentId) {
        const reply = store.addMessage(channel, {
          id: `m${step}`,
          userId: 'b',
          text: 'reply',
          parentId: parent.id,
          showInChannel: random() < 0.3,
        });
        ids.push(reply.id);
      }
    } else if (roll < 0.9) {
      const message = store.getMessage(pick());
      if (message) {
        store.deleteMessage(channel, message, true);
      }
    } else {
      const message = store.getMessage(pick());
      if (message) {
        store.deleteMessage(channel, message, false);
      }
    }
  }
  return { store, channel };
}

/** A random page request over the history's ids and times. */
function randomPage(random: () => number, ids: string[], times: number[]): MessagePage {
  const id = () => (random() < 0.1 ? 'unknown' : ids[Math.floor(random() * ids.length)]);
  const time = () => times[Math.floor(random() * times.length)] + Math.floor(random() * 3) - 1;
  const page: MessagePage = { limit: Math.floor(random() * 12) };
  const kind = random();
  if (kind < 0.1) {
    page.idAround = id();
  } else if (kind < 0.2) {
    page.createdAtAround = time();
  } else {
    const setters: ((target: MessagePage) => void)[] = [
      (target) => (target.idLt = id()),
      (target) => (target.idLte = id()),
      (target) => (target.idGt = id()),
      (target) => (target.idGte = id()),
      (target) => (target.createdAtBefore = time()),
      (target) => (target.createdAtBeforeOrEqual = time()),
      (target) => (target.createdAtAfter = time()),
      (target) => (target.createdAtAfterOrEqual = time()),
    ];
    for (const setter of setters) {
      if (random() < 0.2) {
        setter(page);
      }
    }
  }
  return page;
}

const idsOf = (messages: MessageRecord[]): string[] => messages.map((message) => message.id);

describe('the message index', () => {
  it('pages the main list exactly as a full scan does, on randomized histories', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const random = randomSource(seed);
      const { channel } = randomHistory(random, 150 + seed * 10);
      const shown = channel.messages.filter(isShownInChannel);
      const ids = idsOf(channel.messages);
      const times = channel.messages.map((message) => Date.parse(message.createdAt));
      const cutoff = times[Math.floor(times.length / 3)];
      const accept = (message: MessageRecord) => Date.parse(message.createdAt) > cutoff;
      for (let query = 0; query < 200; query++) {
        const page = randomPage(random, ids, times);
        expect({ seed, page, ids: idsOf(selectMessagePage(channel, page)) }).toEqual({
          seed,
          page,
          ids: idsOf(referencePage(shown, page)),
        });
        expect({ seed, page, ids: idsOf(selectMessagePage(channel, page, accept)) }).toEqual({
          seed,
          page,
          ids: idsOf(referencePage(shown.filter(accept), page)),
        });
      }
    }
  });

  it('pages replies exactly as a full scan does, in both directions', () => {
    for (let seed = 100; seed <= 110; seed++) {
      const random = randomSource(seed);
      const { channel } = randomHistory(random, 300);
      const index = messageIndexOf(channel);
      const times = channel.messages.map((message) => Date.parse(message.createdAt));
      for (const parentId of index.threadParentIds()) {
        const replies = channel.messages.filter((message) => message.parentId === parentId);
        const paged = {
          list: index.repliesOf(parentId) ?? new OrderedMessages(),
          find: index.get.bind(index),
        };
        for (let query = 0; query < 40; query++) {
          const page = randomPage(random, idsOf(replies).concat('m0'), times);
          const direction = random() < 0.5 ? 1 : -1;
          expect(idsOf(selectPage(paged, page, direction))).toEqual(
            idsOf(referencePage(replies, page, direction)),
          );
        }
      }
    }
  });

  it('keeps channel.messages and every lookup consistent through deletes and truncation', () => {
    const random = randomSource(7);
    const { store, channel } = randomHistory(random, 400);
    const index = messageIndexOf(channel);
    for (const message of channel.messages) {
      expect(index.get(message.id)).toBe(message);
      expect(store.getMessage(message.id)).toBe(message);
    }
    expect(index.shown.live()).toEqual(channel.messages.filter(isShownInChannel));
    expect(index.all.size).toBe(channel.messages.length);
    const middle = channel.messages[Math.floor(channel.messages.length / 2)];
    const remaining = channel.messages.filter(
      (message) => Date.parse(message.createdAt) >= Date.parse(middle.createdAt),
    );
    store.truncateChannel(channel, middle.createdAt);
    expect(idsOf(channel.messages)).toEqual(idsOf(remaining));
    expect(idsOf(selectMessagePage(channel, { limit: 1000 }))).toEqual(
      idsOf(remaining.filter(isShownInChannel)),
    );
    const next = store.addMessage(channel, { id: 'after-truncate', userId: 'a', text: 'x' });
    expect(channel.messages.at(-1)).toBe(next);
    expect(selectMessagePage(channel, { limit: 1 })).toEqual([next]);
  });

  it('hard-deletes a thread parent with its replies without scanning the history', () => {
    const store = new ChatStore();
    store.users.ensure('a');
    const channel = store.createChannel({ type: 'messaging', id: 'd', data: {}, memberIds: ['a'] });
    for (let index = 0; index < 200; index++) {
      store.addMessage(channel, { id: `m${index}`, userId: 'a', text: 'x' });
    }
    store.addMessage(channel, { id: 'r1', userId: 'a', text: 'r', parentId: 'm10' });
    store.addMessage(channel, {
      id: 'r2',
      userId: 'a',
      text: 'r',
      parentId: 'm10',
      showInChannel: true,
    });
    const scanned = jest.spyOn(Array.prototype, 'filter');
    store.deleteMessage(channel, store.getMessage('m10') as MessageRecord, true);
    expect(scanned).not.toHaveBeenCalled();
    scanned.mockRestore();
    expect(store.getMessage('r1')).toBeUndefined();
    expect(store.getMessage('r2')).toBeUndefined();
    expect(channel.messages.map((message) => message.id)).not.toContain('m10');
    expect(channel.messages).toHaveLength(199);
    expect(
      selectMessagePage(channel, { limit: 3, idLt: 'm12' }).map((message) => message.id),
    ).toEqual(['m8', 'm9', 'm11']);
  });
});

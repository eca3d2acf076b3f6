import { EventFrame } from './event-frame';

const EVENT = {
  type: 'message.new',
  cid: 'messaging:general',
  message: { id: 'm1', text: 'say "hi" \u2028 ünïcödé', user: { id: 'alice' } },
  absent: undefined,
  watcher_count: 3,
};

const COUNTERS = { total_unread_count: 2, unread_count: 2, unread_channels: 1 };

describe('EventFrame', () => {
  it('serialises the event once, as JSON.stringify does', () => {
    const frame = new EventFrame(EVENT);
    expect(frame.text).toBe(JSON.stringify(EVENT));
    expect(frame.withFields({})).toBe(frame.text);
  });

  it('appends per-recipient numbers exactly where a spread would put them', () => {
    const frame = new EventFrame(EVENT);
    expect(frame.withFields(COUNTERS)).toBe(JSON.stringify({ ...EVENT, ...COUNTERS }));
    const other = { total_unread_count: 0, unread_count: 0, unread_channels: 0 };
    expect(frame.withFields(other)).toBe(JSON.stringify({ ...EVENT, ...other }));
    expect(frame.withFields({ odd: Number.NaN })).toBe(JSON.stringify({ ...EVENT, odd: NaN }));
  });

  it('hands recipients with the same numbers the same string', () => {
    const frame = new EventFrame(EVENT);
    expect(frame.withFields({ ...COUNTERS })).toBe(frame.withFields({ ...COUNTERS }));
  });

  it('falls back to a full serialisation when a field is not simply appended', () => {
    const frame = new EventFrame(EVENT);
    const replacing = { watcher_count: 9, unread_count: 1 };
    expect(frame.withFields(replacing)).toBe(JSON.stringify({ ...EVENT, ...replacing }));
    const absent = { absent: 1 };
    expect(frame.withFields(absent)).toBe(JSON.stringify({ ...EVENT, ...absent }));
    const indexLike = { '7': 1 };
    expect(frame.withFields(indexLike)).toBe(JSON.stringify({ ...EVENT, ...indexLike }));
  });

  it('handles an event with no fields', () => {
    const frame = new EventFrame({});
    expect(frame.text).toBe('{}');
    expect(frame.withFields(COUNTERS)).toBe(JSON.stringify(COUNTERS));
  });
});

import { formatFullDate, formatRelativeTime } from './relative-time';

describe('formatRelativeTime', () => {
  const now = new Date(2026, 10, 29, 15, 0, 0);
  const before = (ms: number) => new Date(now.getTime() - ms);

  it('says "just now" for the last 45 seconds', () => {
    expect(formatRelativeTime(before(0), now, 'en-US')).toBe('just now');
    expect(formatRelativeTime(before(44_000), now, 'en-US')).toBe('just now');
  });

  it('counts minutes within the hour', () => {
    expect(formatRelativeTime(before(50_000), now, 'en-US')).toBe('1 minute ago');
    expect(formatRelativeTime(before(5 * 60_000), now, 'en-US')).toBe('5 minutes ago');
    expect(formatRelativeTime(before(59 * 60_000), now, 'en-US')).toBe('59 minutes ago');
  });

  it('gives the time of day after an hour (the day separator says which day)', () => {
    expect(formatRelativeTime(new Date(2026, 10, 29, 9, 5), now, 'en-US')).toBe('9:05 AM');
    expect(formatRelativeTime(new Date(2026, 10, 20, 18, 30), now, 'en-US')).toBe('6:30 PM');
  });
});

describe('formatFullDate', () => {
  it('spells out the day, the date and the time', () => {
    expect(formatFullDate(new Date(2024, 4, 1, 9, 5), 'en-US')).toBe(
      'Wednesday, May 1, 2024 at 9:05 AM',
    );
  });
});

import { dayKey, formatDayLabel } from './day-label';

describe('formatDayLabel', () => {
  const now = new Date(2026, 10, 29, 0, 30);

  it('says Today and Yesterday by calendar day, not by 24 hours', () => {
    expect(formatDayLabel(new Date(2026, 10, 29, 0, 1), now, 'en-US')).toBe('Today');
    expect(formatDayLabel(new Date(2026, 10, 28, 23, 59), now, 'en-US')).toBe('Yesterday');
    expect(formatDayLabel(new Date(2026, 10, 28, 0, 0), now, 'en-US')).toBe('Yesterday');
  });

  it('names the weekday within the last week', () => {
    expect(formatDayLabel(new Date(2026, 10, 27, 12, 0), now, 'en-US')).toBe('Friday');
    expect(formatDayLabel(new Date(2026, 10, 23, 12, 0), now, 'en-US')).toBe('Monday');
  });

  it('gives the date for older days, with the year only for other years', () => {
    expect(formatDayLabel(new Date(2026, 10, 22, 12, 0), now, 'en-US')).toBe('Sun, Nov 22');
    expect(formatDayLabel(new Date(2024, 4, 1, 9, 5), now, 'en-US')).toBe('Wed, May 1, 2024');
  });
});

describe('dayKey', () => {
  it('is the same for times of one local day and differs across midnight', () => {
    expect(dayKey(new Date(2026, 0, 5, 0, 0))).toBe(dayKey(new Date(2026, 0, 5, 23, 59)));
    expect(dayKey(new Date(2026, 0, 5, 23, 59))).not.toBe(dayKey(new Date(2026, 0, 6, 0, 0)));
  });
});

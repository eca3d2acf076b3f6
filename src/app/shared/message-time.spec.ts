import { formatMessageTime } from './message-time';
import { MessageTimePipe } from './message-time.pipe';

describe('formatMessageTime', () => {
  const now = new Date(2026, 10, 29, 15, 0);

  it('shows only the time today', () => {
    expect(formatMessageTime(new Date(2026, 10, 29, 9, 5), 'full', now, 'en-US')).toBe('9:05 AM');
  });

  it('shows the date, and the time in full, on other days this year', () => {
    const date = new Date(2026, 4, 1, 9, 5);
    expect(formatMessageTime(date, 'compact', now, 'en-US')).toBe('May 1');
    expect(formatMessageTime(date, 'full', now, 'en-US')).toBe('May 1, 9:05 AM');
  });

  it('adds the year for other years', () => {
    expect(formatMessageTime(new Date(2024, 4, 1, 9, 5), 'compact', now, 'en-US')).toBe(
      'May 1, 2024',
    );
  });

  it('is blank for missing or invalid dates in templates', () => {
    const pipe = new MessageTimePipe();
    expect(pipe.transform(undefined)).toBe('');
    expect(pipe.transform('not a date')).toBe('');
    expect(pipe.transform('2024-05-01T09:05:00.000Z')).not.toBe('');
  });
});

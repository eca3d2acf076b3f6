/** How much of the date to show: `compact` for lists, `full` for messages. */
export type MessageTimeStyle = 'compact' | 'full';

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/**
 * A message time as chat apps show it: the time alone today; otherwise the date (compact) or the
 * date and time (full), with the year only when it is not this year.
 */
export function formatMessageTime(
  date: Date,
  style: MessageTimeStyle = 'compact',
  now: Date = new Date(),
  locale?: string,
): string {
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  if (sameDay(date, now)) {
    return date.toLocaleTimeString(locale, time);
  }
  const day: Intl.DateTimeFormatOptions = {
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  };
  return style === 'compact'
    ? date.toLocaleDateString(locale, day)
    : date.toLocaleString(locale, { ...day, ...time });
}

/** The local calendar day of a date, as `YYYY-M-D` (a key for grouping by day). */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** Whole calendar days from `date`'s day to `now`'s day (0 today, 1 yesterday). */
function daysBefore(date: Date, now: Date): number {
  const start = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.round((start(now) - start(date)) / 86_400_000);
}

/**
 * A day separator's label: "Today", "Yesterday", the weekday within the last week ("Monday"),
 * else the date, with the year only when it is not this year ("Wed, May 1" / "Wed, May 1, 2024").
 */
export function formatDayLabel(date: Date, now: Date, locale?: string): string {
  const days = daysBefore(date, now);
  if (days === 0) {
    return 'Today';
  }
  if (days === 1) {
    return 'Yesterday';
  }
  if (days > 1 && days < 7) {
    return date.toLocaleDateString(locale, { weekday: 'long' });
  }
  return date.toLocaleDateString(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

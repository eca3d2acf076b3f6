/** Under this age a message is "just now". */
const JUST_NOW_MS = 45_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * A message time as chat apps show it beside a sender: "just now", "5 minutes ago" within the
 * hour, then the time of day ("9:05 AM"; the day separator above says which day).
 */
export function formatRelativeTime(date: Date, now: Date, locale?: string): string {
  const age = now.getTime() - date.getTime();
  if (age < JUST_NOW_MS) {
    return 'just now';
  }
  if (age < HOUR_MS) {
    const minutes = Math.max(1, Math.round(age / MINUTE_MS));
    return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(-minutes, 'minute');
  }
  return date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** The full date and time, for a tooltip: "Wednesday, May 1, 2024 at 9:05 AM". */
export function formatFullDate(date: Date, locale?: string): string {
  return date.toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' });
}

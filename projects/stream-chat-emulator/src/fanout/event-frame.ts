/** Keys that objects order before every other key, wherever they were added. */
const INDEX_LIKE = /^(0|[1-9]\d*)$/;

/**
 * One event serialised once for many recipients. Recipients that get the event as it is share
 * one string; recipients that get a few numbers of their own on top (unread counters) get the
 * shared text with those fields appended, and recipients with the same numbers share that
 * string too. Either way the text is what `JSON.stringify({...event, ...fields})` gives.
 * @example
 * const frame = new EventFrame({ type: 'message.new', ...shared });
 * session.sendJson(frame.withFields(unreadCounters(context, session.userId)));
 */
export class EventFrame {
  /** The event as JSON text. */
  readonly text: string;
  private readonly keys: ReadonlySet<string>;
  private readonly personalised = new Map<string, string>();

  constructor(private readonly event: Record<string, unknown>) {
    this.text = JSON.stringify(event);
    this.keys = new Set(Object.keys(event));
  }

  /**
   * The event with `fields` added after its own fields, as JSON text.
   * @param fields numbers for one recipient; a field the event already has replaces it.
   */
  withFields(fields: Record<string, number>): string {
    const names = Object.keys(fields);
    if (names.length === 0) {
      return this.text;
    }
    if (names.some((name) => this.keys.has(name) || INDEX_LIKE.test(name))) {
      return JSON.stringify({ ...this.event, ...fields });
    }
    let suffix = '';
    for (const name of names) {
      suffix += `,${JSON.stringify(name)}:${JSON.stringify(fields[name])}`;
    }
    let text = this.personalised.get(suffix);
    if (text === undefined) {
      text = this.text === '{}' ? `{${suffix.slice(1)}}` : `${this.text.slice(0, -1)}${suffix}}`;
      this.personalised.set(suffix, text);
    }
    return text;
  }
}

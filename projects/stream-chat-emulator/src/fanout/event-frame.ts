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
  /** Per field name: the text that introduces it (`,"name":`), or `null` when it cannot be appended. */
  private readonly fieldPrefixes = new Map<string, string | null>();
  private readonly personalised = new Map<string, string>();

  constructor(private readonly event: Record<string, unknown>) {
    this.text = JSON.stringify(event);
  }

  /**
   * The event with `fields` added after its own fields, as JSON text.
   * @param fields numbers for one recipient; a field the event already has replaces it.
   */
  withFields(fields: Record<string, number>): string {
    let suffix = '';
    for (const name in fields) {
      const prefix = this.prefixOf(name);
      if (prefix === null) {
        return JSON.stringify({ ...this.event, ...fields });
      }
      const value = fields[name];
      suffix += prefix + (Number.isFinite(value) ? String(value) : JSON.stringify(value));
    }
    if (suffix === '') {
      return this.text;
    }
    let text = this.personalised.get(suffix);
    if (text === undefined) {
      text = this.text === '{}' ? `{${suffix.slice(1)}}` : `${this.text.slice(0, -1)}${suffix}}`;
      this.personalised.set(suffix, text);
    }
    return text;
  }

  /**
   * `,"name":` for a field that a spread would put after the event's own fields, `null` for
   * one it would not (the event has it already, or it is an integer-like key).
   */
  private prefixOf(name: string): string | null {
    let prefix = this.fieldPrefixes.get(name);
    if (prefix === undefined) {
      prefix =
        Object.prototype.hasOwnProperty.call(this.event, name) || INDEX_LIKE.test(name)
          ? null
          : `,${JSON.stringify(name)}:`;
      this.fieldPrefixes.set(name, prefix);
    }
    return prefix;
  }
}

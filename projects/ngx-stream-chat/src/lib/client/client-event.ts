import { Observable, map } from 'rxjs';
import type { Event as StreamEvent } from 'stream-chat';

/**
 * One event of the connected user's client, in the vendor's shape: the event's `type` as
 * `eventType`, and the `stream-chat` event itself as `event`.
 */
export interface ClientEvent {
  /** The event's type, such as `'message.new'` or `'connection.changed'`. */
  eventType: string;
  /** The event as `stream-chat` delivered it. */
  event: StreamEvent;
}

/**
 * `events` as `ClientEvent`s. Lazy: it subscribes to `events` only while someone subscribes to it,
 * so an app that never listens pays nothing per event.
 */
export function toClientEvents(events: Observable<StreamEvent>): Observable<ClientEvent> {
  return events.pipe(map((event) => ({ eventType: event.type, event })));
}

import { Observable } from 'rxjs';
import type { Event as StreamEvent, EventTypes, StreamChat } from 'stream-chat';

/**
 * The client's events as a lazy Observable: it registers with `client.on()` when subscribed and
 * unregisters when unsubscribed, so no listener outlives its subscription. With no `types`, every
 * event is delivered; otherwise only events of those types. Events are delivered where the client
 * dispatches them (outside Angular when the client was connected outside Angular), after the
 * client has applied them to its own channel state.
 */
export function clientEvents(client: StreamChat, ...types: EventTypes[]): Observable<StreamEvent> {
  return new Observable<StreamEvent>((subscriber) => {
    const handler = (event: StreamEvent) => subscriber.next(event);
    const registrations =
      types.length === 0 ? [client.on(handler)] : types.map((type) => client.on(type, handler));
    return () => registrations.forEach((registration) => registration.unsubscribe());
  });
}

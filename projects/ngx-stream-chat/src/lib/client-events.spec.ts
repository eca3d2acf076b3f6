import type { Event as StreamEvent } from 'stream-chat';
import { offlineClient } from '../../../../jest/offline-stream-chat';
import { clientEvents } from './client-events';

describe('clientEvents', () => {
  const listenerCount = (client: ReturnType<typeof offlineClient>) =>
    Object.values(client.listeners).reduce((sum, list) => sum + list.length, 0);

  it('registers only on subscribe and unregisters on unsubscribe', () => {
    const client = offlineClient();
    const events = clientEvents(client, 'message.new', 'channel.updated');
    expect(listenerCount(client)).toBe(0);

    const subscription = events.subscribe();
    expect(listenerCount(client)).toBe(2);

    subscription.unsubscribe();
    expect(listenerCount(client)).toBe(0);
  });

  it('delivers only the asked types, or every event when none is given', () => {
    const client = offlineClient();
    const some: string[] = [];
    const all: string[] = [];
    clientEvents(client, 'channel.updated').subscribe((event) => some.push(event.type));
    clientEvents(client).subscribe((event) => all.push(event.type));

    client.dispatchEvent({ type: 'channel.updated' } as StreamEvent);
    client.dispatchEvent({ type: 'health.check' } as StreamEvent);

    expect(some).toEqual(['channel.updated']);
    expect(all).toEqual(['channel.updated', 'health.check']);
  });

  it('gives each subscriber a listener of its own', () => {
    const client = offlineClient();
    const events = clientEvents(client, 'typing.start');
    const first = events.subscribe();
    const second = events.subscribe();
    expect(listenerCount(client)).toBe(2);
    first.unsubscribe();
    expect(listenerCount(client)).toBe(1);
    second.unsubscribe();
    expect(listenerCount(client)).toBe(0);
  });
});

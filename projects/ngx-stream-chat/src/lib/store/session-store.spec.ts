import type { Event as StreamEvent } from 'stream-chat';
import { StreamChatError } from '../stream-chat-errors';
import { toChannelQuery } from '../channel-query';
import { offlineClient } from '../../../../../jest/offline-stream-chat';
import { ChatEvent, defineSlice } from './chat-slice';
import type { ChatState } from './chat-state';
import { SessionStore, StoreHost } from './session-store';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Counts the events of each batch; publishes the count as `hasMoreChannels` (true when odd). */
const counter = defineSlice<{ seen: number; batches: number }, { bump(): void }>({
  name: 'counter',
  initial: () => ({ seen: 0, batches: 0 }),
  reduce: (state, events: readonly ChatEvent[]) =>
    events.length === 0 ? state : { seen: state.seen + events.length, batches: state.batches + 1 },
  publish: (state) => ({ hasMoreChannels: state.seen % 2 === 1 }),
  setup: (context) => ({
    commands: { bump: () => context.dispatch({ type: 'ngx.test.bump' }) },
  }),
});

/** Reads the counter's state: slices see the states of the slices before them. */
const follower = defineSlice<number>({
  name: 'follower',
  initial: () => -1,
  reduce: (_state, _events, view) => view.get(counter).seen,
});

describe('SessionStore', () => {
  let client: ReturnType<typeof offlineClient>;
  let published: Partial<ChatState>[];
  let errors: StreamChatError[];
  let store: SessionStore;
  const effects: string[] = [];

  const withEffects = defineSlice<null>({
    name: 'effects',
    initial: () => null,
    setup: (context) => ({
      commands: {},
      onEvent: (event) => effects.push(event.type),
      dispose: () => {
        effects.push('disposed');
        context.reportError(new StreamChatError('unknown', 'late'));
      },
    }),
  });

  beforeEach(() => {
    client = offlineClient();
    published = [];
    errors = [];
    effects.length = 0;
    const host: StoreHost = {
      zone: { runOutsideAngular: (work) => work() },
      publish: (patch) => published.push(patch),
      reportError: (error) => errors.push(error),
    };
    const query = toChannelQuery({}, {});
    store = new SessionStore(
      {
        client,
        userId: 'me',
        query,
        firstPage: [],
        hasMoreChannels: false,
        pager: { query: () => Promise.reject(new Error('unused')) },
        extensions: {},
      },
      [counter, follower, withEffects],
      host,
    );
  });

  afterEach(() => store.dispose());

  const emit = (type: string) => client.dispatchEvent({ type } as StreamEvent);

  it('publishes every slice once at the start', () => {
    expect(published).toEqual([{ hasMoreChannels: false }]);
  });

  it('runs effects per event, and reduces a burst of events once, on the next frame', async () => {
    emit('user.updated');
    emit('health.check');
    emit('user.updated');
    expect(effects).toEqual(['user.updated', 'health.check', 'user.updated']);
    expect(store.get(counter)).toEqual({ seen: 0, batches: 0 });

    await nextFrame();

    expect(store.get(counter)).toEqual({ seen: 3, batches: 1 });
    expect(store.get(follower)).toBe(3);
    expect(published.at(-1)).toEqual({ hasMoreChannels: true });
  });

  it('reduces and publishes a command action at once, together with the queued events', () => {
    emit('user.updated');
    store.commands<{ bump(): void }>('counter')?.bump();

    expect(store.get(counter)).toEqual({ seen: 2, batches: 1 });
    expect(published.at(-1)).toEqual({ hasMoreChannels: false });
    expect(effects).toEqual(['user.updated', 'ngx.test.bump']);
  });

  it('publishes nothing when no slice changed', () => {
    const before = published.length;
    store.dispatch({ type: 'ngx.test.nothing' });
    store.dispatch({ type: 'ngx.test.nothing' });
    // The counter counts both; only its published field decides what goes out.
    expect(published.length).toBe(before + 2);
    expect(published.slice(before)).toEqual([
      { hasMoreChannels: true },
      { hasMoreChannels: false },
    ]);
  });

  it('finds commands by slice name, and nothing for an unknown name', () => {
    expect(store.commands('counter')).toBeDefined();
    expect(store.commands('threads')).toBeUndefined();
  });

  it('stops listening when disposed: later events, actions and errors change nothing', async () => {
    store.dispose();
    emit('user.updated');
    store.dispatch({ type: 'ngx.test.bump' });
    await nextFrame();

    expect(store.disposed).toBe(true);
    expect(store.get(counter)).toEqual({ seen: 0, batches: 0 });
    expect(effects).toEqual(['disposed']);
    expect(errors).toEqual([]);
    store.dispose();
    expect(effects).toEqual(['disposed']);
  });
});

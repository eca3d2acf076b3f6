import { StreamChat } from 'stream-chat';
import { ChatEvent, defineSlice } from './chat-slice';
import { SessionStore, StoreHost } from './session-store';

/** A slice whose runtime records the types its `onEvent` sees. */
function recordingSlice(name: string, seen: string[], eventTypes?: ReadonlySet<string>) {
  return defineSlice<null>({
    name,
    initial: () => null,
    setup: () => ({
      commands: {},
      eventTypes,
      onEvent: (event: ChatEvent) => seen.push(event.type),
    }),
  });
}

describe('SessionStore effects', () => {
  let client: StreamChat;
  let store: SessionStore;

  const host: StoreHost = {
    zone: { runOutsideAngular: (work) => work() },
    publish: () => undefined,
    reportError: (error) => {
      throw error;
    },
  };

  beforeEach(() => {
    client = new StreamChat('key', { allowServerSideConnect: true });
  });

  afterEach(() => store.dispose());

  function start(...slices: ReturnType<typeof recordingSlice>[]) {
    store = new SessionStore(
      {
        client,
        userId: 'alice',
        query: undefined as never,
        firstPage: [],
        hasMoreChannels: false,
        pager: { query: () => Promise.reject(new Error('unused')) },
        extensions: {},
      },
      slices,
      host,
    );
  }

  it('runs onEvent only for the types a runtime declares, and for every type without them', () => {
    const declared: string[] = [];
    const all: string[] = [];
    start(
      recordingSlice('declared', declared, new Set(['custom.one', 'ngx.test'])),
      recordingSlice('all', all),
    );

    client.dispatchEvent({ type: 'custom.one' } as never);
    client.dispatchEvent({ type: 'custom.two' } as never);
    client.dispatchEvent({ type: 'custom.one' } as never);
    store.dispatch({ type: 'ngx.test' });

    expect(declared).toEqual(['custom.one', 'custom.one', 'ngx.test']);
    expect(all).toEqual(['custom.one', 'custom.two', 'custom.one', 'ngx.test']);
  });

  it('runs no effect once disposed', () => {
    const seen: string[] = [];
    start(recordingSlice('all', seen));
    store.dispose();

    client.dispatchEvent({ type: 'custom.one' } as never);
    store.dispatch({ type: 'ngx.test' });

    expect(seen).toEqual([]);
  });
});

import { firstValueFrom, skip, take, toArray } from 'rxjs';
import { EMPTY_CHAT_STATE } from './chat-state';
import { StateSurface } from './state-surface';

describe('StateSurface', () => {
  let runs: number;
  let surface: StateSurface;

  beforeEach(() => {
    runs = 0;
    surface = new StateSurface({
      run: <T>(work: () => T) => {
        runs++;
        return work();
      },
    } as never);
  });

  it('starts empty, as a signal and an observable', async () => {
    expect(surface.signal('channels')()).toBeUndefined();
    expect(await firstValueFrom(surface.observable('activeChannelMessages'))).toEqual([]);
    expect(surface.value).toBe(EMPTY_CHAT_STATE);
  });

  it('publishes a changed field inside the zone, once, to both the signal and the observable', async () => {
    const values = firstValueFrom(surface.observable('hasMoreChannels').pipe(take(2), toArray()));
    surface.patch({ hasMoreChannels: true, hasMoreMessages: false });

    expect(runs).toBe(1);
    expect(surface.signal('hasMoreChannels')()).toBe(true);
    expect(await values).toEqual([false, true]);
  });

  it('ignores a patch that changes nothing, and observables skip unchanged fields', async () => {
    const messages = surface.observable('activeChannelMessages');
    const next = firstValueFrom(messages.pipe(skip(1)));
    surface.patch({ hasMoreChannels: false });
    expect(runs).toBe(0);

    surface.patch({ hasMoreChannels: true });
    const list = [{ id: 'm' }] as never;
    surface.patch({ activeChannelMessages: list });
    expect(await next).toBe(list);
    expect(runs).toBe(2);
  });

  it('resets to the empty state, keeping the fields asked for', () => {
    surface.patch({ hasMoreChannels: true, channelQueryState: { state: 'success' } });
    surface.reset({ channelQueryState: { state: 'in-progress' } });

    expect(surface.value).toEqual({
      ...EMPTY_CHAT_STATE,
      channelQueryState: { state: 'in-progress' },
    });
  });

  it('derives values with select', () => {
    const count = surface.select((state) => state.activeChannelMessages.length);
    surface.patch({ activeChannelMessages: [{ id: 'a' }, { id: 'b' }] as never });
    expect(count()).toBe(2);
  });
});

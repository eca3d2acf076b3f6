import type { NgZone } from '@angular/core';
import type { Event as StreamEvent } from 'stream-chat';
import { FrameScheduler } from '../frame-scheduler';
import type { StreamChatError } from '../stream-chat-errors';
import type {
  AnyChatSlice,
  ChatEvent,
  ChatSlice,
  LibraryAction,
  SessionInfo,
  SliceContext,
  SliceRuntime,
  StoreView,
} from './chat-slice';
import type { ChatState } from './chat-state';

/** What a session store needs from its owner: the zone and where to publish. */
export interface StoreHost {
  /** The app's zone; vendor work and timers run outside it. */
  readonly zone: Pick<NgZone, 'runOutsideAngular'>;
  /** Publishes changed public fields. */
  publish(patch: Partial<ChatState>): void;
  /** Reports a failure no caller waits for. */
  reportError(error: StreamChatError): void;
}

/**
 * The state of one connected session (one user, one `init()`), split into slices. Client events
 * are queued and reduced once per animation frame, so a burst re-renders once; a command's action
 * is reduced and published at once. One client listener feeds every slice; `dispose()` removes it
 * and stops every slice, after which nothing the session started can publish.
 *
 * The path of a socket event to a signal: the client's listener here, `reduce` in the slice's
 * file, and the public field in `StateSurface`.
 */
export class SessionStore implements StoreView {
  readonly client: SessionInfo['client'];
  readonly userId: string;
  readonly query: SessionInfo['query'];
  readonly firstPage: SessionInfo['firstPage'];
  readonly hasMoreChannels: boolean;
  readonly pager: SessionInfo['pager'];
  readonly extensions: SessionInfo['extensions'];
  private readonly states = new Map<AnyChatSlice, unknown>();
  private readonly runtimes: SliceRuntime<unknown>[] = [];
  private readonly commandsByName = new Map<string, unknown>();
  /** The runtimes whose `onEvent` handles each event type met so far. */
  private readonly effectsByType = new Map<string, SliceRuntime<unknown>[]>();
  private queue: ChatEvent[] = [];
  private ended = false;
  private readonly frames: FrameScheduler;
  private readonly listener: { unsubscribe(): void };

  constructor(
    session: SessionInfo,
    private readonly slices: readonly AnyChatSlice[],
    private readonly host: StoreHost,
  ) {
    this.client = session.client;
    this.userId = session.userId;
    this.query = session.query;
    this.firstPage = session.firstPage;
    this.hasMoreChannels = session.hasMoreChannels;
    this.pager = session.pager;
    this.extensions = session.extensions;
    this.frames = new FrameScheduler(host.zone, () => this.flush());
    for (const slice of slices) this.states.set(slice, slice.initial(session));
    for (const slice of slices) {
      const runtime = slice.setup?.(this.contextFor(slice));
      if (runtime) {
        this.runtimes.push(runtime);
        this.commandsByName.set(slice.name, runtime.commands);
      }
    }
    this.listener = this.client.on((event) => this.receive(event));
    this.host.publish(this.publishAll());
  }

  /** Whether the session has ended. */
  get disposed(): boolean {
    return this.ended;
  }

  /** A slice's current state. */
  get<S>(slice: ChatSlice<S>): S {
    return this.states.get(slice) as S;
  }

  /** The commands of the slice with this name, if it is registered. */
  commands<C>(name: string): C | undefined {
    return this.commandsByName.get(name) as C | undefined;
  }

  /** Applies an action now: effects, then every slice's reducer, then publishes what changed. */
  dispatch(action: LibraryAction): void {
    if (this.ended) return;
    this.queue.push(action);
    this.runEffects(action);
    this.flush();
  }

  /** Removes the listener and stops every slice. Safe to call twice. */
  dispose(): void {
    if (this.ended) return;
    this.ended = true;
    this.listener.unsubscribe();
    this.frames.cancel();
    this.queue = [];
    for (const runtime of this.runtimes) runtime.dispose?.();
  }

  /** A client event: effects run now, reducing waits for the next frame. */
  private receive(event: StreamEvent): void {
    if (this.ended) return;
    this.queue.push(event);
    this.runEffects(event);
    this.frames.schedule();
  }

  /** Runs the effects of the slices that handle this type of event. */
  private runEffects(event: ChatEvent): void {
    let effects = this.effectsByType.get(event.type);
    if (!effects) {
      effects = this.runtimes.filter(
        (runtime) => runtime.onEvent && (runtime.eventTypes?.has(event.type) ?? true),
      );
      this.effectsByType.set(event.type, effects);
    }
    for (const runtime of effects) runtime.onEvent?.(event);
  }

  /** Reduces the queued events slice by slice and publishes the fields of the slices that changed. */
  private flush(): void {
    this.frames.cancel();
    if (this.ended || this.queue.length === 0) return;
    const events = this.queue;
    this.queue = [];
    let patch: Partial<ChatState> | undefined;
    for (const slice of this.slices) {
      if (!slice.reduce) continue;
      const previous = this.states.get(slice);
      const next = slice.reduce(previous, events, this);
      if (next !== previous) {
        this.states.set(slice, next);
        patch = Object.assign(patch ?? {}, slice.publish?.(next));
      }
    }
    if (patch) this.host.publish(patch);
  }

  private publishAll(): Partial<ChatState> {
    const all: Partial<ChatState> = {};
    for (const slice of this.slices) Object.assign(all, slice.publish?.(this.states.get(slice)));
    return all;
  }

  private contextFor<S>(slice: ChatSlice<S>): SliceContext<S> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this;
    return {
      client: this.client,
      userId: this.userId,
      query: this.query,
      firstPage: this.firstPage,
      hasMoreChannels: this.hasMoreChannels,
      pager: this.pager,
      extensions: this.extensions,
      get state() {
        return store.get(slice);
      },
      get disposed() {
        return store.ended;
      },
      get: (other) => this.get(other),
      dispatch: (action) => this.dispatch(action),
      outside: (work) => this.host.zone.runOutsideAngular(work),
      reportError: (error) => {
        if (!this.ended) this.host.reportError(error);
      },
      commands: (name) => this.commands(name),
    };
  }
}

import { NgZone, Signal, computed, signal } from '@angular/core';
import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs';
import { ChatState, EMPTY_CHAT_STATE } from './chat-state';

/**
 * The published `ChatState`, as one observable and one signal, and the per-field observables and
 * signals derived from them. Patches are applied inside Angular in one emission, and only when a
 * field changed (by identity), so zone.js apps run change detection once per publish and
 * zoneless apps are notified through the signal.
 */
export class StateSurface {
  private readonly subject = new BehaviorSubject<ChatState>(EMPTY_CHAT_STATE);
  private readonly current = signal<ChatState>(EMPTY_CHAT_STATE);

  /** @param zone the app's zone, whose `run` publishes inside Angular. */
  constructor(private readonly zone: Pick<NgZone, 'run'>) {}

  /** The whole state, as published. */
  get value(): ChatState {
    return this.subject.value;
  }

  /** The whole state, as an observable. */
  readonly state$: Observable<ChatState> = this.subject.asObservable();

  /** One field as an observable: emits the current value at once, then each change. */
  observable<K extends keyof ChatState>(key: K): Observable<ChatState[K]> {
    return this.subject.pipe(
      map((state) => state[key]),
      distinctUntilChanged(),
    );
  }

  /** One field as a signal. */
  signal<K extends keyof ChatState>(key: K): Signal<ChatState[K]> {
    return computed(() => this.current()[key]);
  }

  /** A value computed from the state, as a signal. */
  select<T>(project: (state: ChatState) => T): Signal<T> {
    return computed(() => project(this.current()));
  }

  /** Applies `patch` and publishes, if any field differs. */
  patch(patch: Partial<ChatState>): void {
    const previous = this.subject.value;
    let changed = false;
    for (const key in patch) {
      if (patch[key as keyof ChatState] !== previous[key as keyof ChatState]) {
        changed = true;
        break;
      }
    }
    if (!changed) return;
    const next = { ...previous, ...patch };
    this.zone.run(() => {
      this.current.set(next);
      this.subject.next(next);
    });
  }

  /** Back to the empty state, keeping the fields in `keep`. */
  reset(keep: Partial<ChatState> = {}): void {
    this.patch({ ...EMPTY_CHAT_STATE, ...keep });
  }
}

import { Signal, computed, signal } from '@angular/core';
import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs';

/**
 * One immutable state record published as an observable and a signal at once; each field's
 * observable and signal are derived from them, so an observable and its signal twin never
 * disagree. A patch publishes synchronously, and only when a field changed (by identity).
 */
export class FakeState<S extends object> {
  private readonly subject: BehaviorSubject<S>;
  private readonly current: ReturnType<typeof signal<S>>;

  /** @param initial the state before anything happened. */
  constructor(initial: S) {
    this.subject = new BehaviorSubject(initial);
    this.current = signal(initial);
  }

  /** The state now. */
  get value(): S {
    return this.subject.value;
  }

  /** The whole state, as an observable. */
  get state$(): Observable<S> {
    return this.subject.asObservable();
  }

  /** One field as an observable: the current value at once, then each change. */
  observable<K extends keyof S>(key: K): Observable<S[K]> {
    return this.subject.pipe(
      map((state) => state[key]),
      distinctUntilChanged(),
    );
  }

  /** One field as a signal. */
  signal<K extends keyof S>(key: K): Signal<S[K]> {
    return computed(() => this.current()[key]);
  }

  /** A value computed from the state, as a signal. */
  select<T>(project: (state: S) => T): Signal<T> {
    return computed(() => project(this.current()));
  }

  /** Applies `patch` and publishes, if any field differs. */
  patch(patch: Partial<S>): void {
    const previous = this.subject.value;
    const changed = (Object.keys(patch) as (keyof S)[]).some((key) => patch[key] !== previous[key]);
    if (!changed) return;
    const next = { ...previous, ...patch };
    this.current.set(next);
    this.subject.next(next);
  }
}

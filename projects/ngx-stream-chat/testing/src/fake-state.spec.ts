import { TestBed } from '@angular/core/testing';
import { FakeState } from './fake-state';

describe('FakeState', () => {
  it('publishes each field on its observable and its signal together, only on change', () => {
    const state = new FakeState({ count: 0, label: 'a' });
    const counts: number[] = [];
    state.observable('count').subscribe((count) => counts.push(count));
    const count = TestBed.runInInjectionContext(() => state.signal('count'));

    state.patch({ count: 1 });
    state.patch({ label: 'b' });
    state.patch({ count: 1 });

    expect(counts).toEqual([0, 1]);
    expect(count()).toBe(1);
    expect(state.value).toEqual({ count: 1, label: 'b' });
  });

  it('keeps the record when a patch changes nothing', () => {
    const state = new FakeState({ list: [1] });
    const before = state.value;

    state.patch({ list: before.list });

    expect(state.value).toBe(before);
  });
});

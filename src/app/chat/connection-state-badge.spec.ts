import { TestBed } from '@angular/core/testing';
import { ConnectionStateBadge } from './connection-state-badge';

describe('ConnectionStateBadge', () => {
  it.each([
    ['online', 'Online'],
    ['connecting', 'Connecting…'],
    ['offline', 'Offline, reconnecting…'],
    ['disconnected', 'Disconnected'],
  ])('shows %s as "%s", as a status', async (state, label) => {
    const fixture = TestBed.createComponent(ConnectionStateBadge);
    fixture.componentRef.setInput('state', state);
    await fixture.whenStable();
    const pill = (fixture.nativeElement as HTMLElement).querySelector('[role="status"]')!;
    expect(pill.textContent?.trim()).toBe(label);
    expect(pill.getAttribute('data-state')).toBe(state);
  });
});

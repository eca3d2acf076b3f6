import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { App } from './app';
import { ConnectChoice } from './session/connect-choice';
import { DemoError } from './session/demo-error';
import { DemoSession } from './session/demo-session.service';
import { provideDemoTesting } from './testing/demo-test-providers';

describe('App', () => {
  it('shows the connect panel, the chat once connected, and errors until dismissed', async () => {
    const choice = signal<ConnectChoice | undefined>(undefined);
    const error = signal<DemoError | undefined>(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting(),
        {
          provide: DemoSession,
          useValue: {
            choice,
            error,
            busy: () => false,
            readOnly: () => false,
            dismissError: () => error.set(undefined),
            report: () => undefined,
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('demo-connect-panel h1')?.textContent).toBe('Connect to chat');

    error.set({
      title: 'Could not connect as Alice Martin',
      detail: 'The token endpoint refused.',
    });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'The token endpoint refused.',
    );
    // Placed before the content it would otherwise cover (jsdom has no layout: the e2e test
    // measures that the banner and the heading do not overlap).
    const region = element.querySelector<HTMLElement>('[data-testid="error-region"]')!;
    expect(region.nextElementSibling?.querySelector('h1')?.textContent).toBe('Connect to chat');
    element.querySelector<HTMLButtonElement>('demo-error-banner button')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')).toBeNull();

    choice.set({ mode: 'dev-token', userId: 'alice' });
    await fixture.whenStable();
    expect(element.querySelector('demo-connect-panel')).toBeNull();
    expect(element.querySelector('demo-chat-screen')).not.toBeNull();
  });
});

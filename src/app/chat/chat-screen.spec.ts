import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { fakeChannel } from 'ngx-stream-chat/testing';
import { openChannel, provideDemoTesting } from '../testing/demo-test-providers';
import { ChatScreen } from './chat-screen';

describe('ChatScreen', () => {
  it('shows the header, the channels, and the active channel or a prompt to pick one', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: 'alice' }),
        {
          provide: DemoSession,
          useValue: {
            busy: () => false,
            choice: () => undefined,
            readOnly: () => false,
            report: () => undefined,
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(ChatScreen);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('demo-chat-header')).not.toBeNull();
    expect(element.querySelector('nav[aria-label="Channels"] demo-channel-list')).not.toBeNull();
    expect(element.querySelector('.placeholder')?.textContent).toContain('Pick a channel');

    const general = fakeChannel('general', { name: 'General' });
    await openChannel(general);
    await fixture.whenStable();
    expect(element.querySelector('.body')?.classList.contains('has-active')).toBe(true);
    expect(element.querySelector('demo-channel-pane h2')?.textContent).toBe('General');
  });
});

import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { StreamChatFakes, fakeChannel } from 'ngx-stream-chat/testing';
import { openChannel, provideDemoTesting } from '../testing/demo-test-providers';
import { ChannelPane, writeRefusal } from './channel-pane';

describe('ChannelPane', () => {
  let fakes: StreamChatFakes;
  let readOnly: boolean;

  async function render(channel = fakeChannel('general', { name: 'General', memberCount: 3 })) {
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: 'alice' }),
        { provide: DemoSession, useValue: { readOnly: () => readOnly, report: () => undefined } },
      ],
    });
    fakes = await openChannel(channel);
    const fixture = TestBed.createComponent(ChannelPane);
    fixture.componentRef.setInput('channel', channel);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => (readOnly = false));

  it('shows the channel name, its members, who of them is online, and who is typing', async () => {
    const channel = fakeChannel('general', {
      name: 'General',
      memberCount: 3,
      members: [
        { id: 'alice', name: 'Alice Martin', online: true },
        { id: 'bob', name: 'Bob Nguyen', online: true },
        { id: 'carol', name: 'Carol Diaz', online: false },
      ],
    });
    const { fixture, element } = await render(channel);
    expect(element.querySelector('h2')?.textContent).toBe('General');
    expect(element.querySelector('.subtitle')?.textContent?.trim()).toBe('3 members, 2 online');
    expect(element.querySelectorAll('demo-member-faces .dot.online')).toHaveLength(2);

    channel.state.members['carol'].user!.online = true;
    fakes.client.emit({ type: 'user.presence.changed', user: { id: 'carol', online: true } });
    await fixture.whenStable();
    expect(element.querySelector('.subtitle')?.textContent?.trim()).toBe('3 members, 3 online');
    expect(element.querySelectorAll('demo-member-faces .dot.online')).toHaveLength(3);

    fakes.channels.setTyping([{ id: 'bob', name: 'Bob Nguyen' }]);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="typing-indicator"]')?.textContent?.trim()).toBe(
      'Bob Nguyen is typing…',
    );
  });

  it('says when the connection is down', async () => {
    const { fixture, element } = await render();
    expect(element.querySelector('[data-testid="offline-notice"]')).toBeNull();
    fakes.client.setConnectionState('offline');
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="offline-notice"]')?.textContent).toContain(
      'You are offline.',
    );
  });

  it('goes back to the channel list', async () => {
    const { element } = await render();
    element.querySelector<HTMLButtonElement>('button[aria-label="Back to channels"]')!.click();
    expect(fakes.calls.map(({ method }) => method)).toEqual(['deselectActiveChannel']);
  });

  it('disables the composer for anonymous users', async () => {
    readOnly = true;
    const { element } = await render(
      fakeChannel('town-square', { type: 'livestream', name: 'Town square' }),
    );
    expect(element.querySelector('.subtitle')?.textContent?.trim()).toBe('Public livestream');
    expect(element.querySelector('textarea')?.disabled).toBe(true);
  });

  it('refuses writing where the user lacks the send-message capability', () => {
    expect(
      writeRefusal(fakeChannel('a', { capabilities: ['send-message'] }), false),
    ).toBeUndefined();
    expect(writeRefusal(fakeChannel('a'), false)).toBeUndefined();
    expect(writeRefusal(fakeChannel('a', { capabilities: ['read-events'] }), false)).toBe(
      'You cannot send messages in this channel.',
    );
    expect(writeRefusal(fakeChannel('a', { capabilities: ['send-message'] }), true)).toMatch(
      /^Anonymous/,
    );
  });
});

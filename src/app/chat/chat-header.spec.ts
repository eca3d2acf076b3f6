import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { StreamChatFakes } from 'ngx-stream-chat/testing';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { ChatHeader } from './chat-header';

describe('ChatHeader', () => {
  let fakes: StreamChatFakes;
  let calls: string[];
  let mode: string;

  async function render() {
    calls = [];
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting(),
        {
          provide: DemoSession,
          useValue: {
            busy: () => false,
            choice: () => ({ mode }),
            switchUser: async (id: string) => calls.push(`switch ${id}`),
            disconnect: async () => calls.push('disconnect'),
          },
        },
      ],
    });
    fakes = TestBed.inject(StreamChatFakes);
    const fixture = TestBed.createComponent(ChatHeader);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => (mode = 'token-provider'));

  it('shows the user from user$, the connection state and the total unread count', async () => {
    const { fixture, element } = await render();
    fakes.client.connectAs({ name: 'Bob Nguyen', id: 'bob', total_unread_count: 3 });
    fakes.client.setConnectionState('online');
    await fixture.whenStable();

    expect(element.querySelector('[data-testid="current-user-name"]')?.textContent).toBe(
      'Bob Nguyen',
    );
    expect(element.querySelector('.initials')?.textContent?.trim()).toBe('BN');
    expect(element.querySelector('.dot.online')).not.toBeNull();
    expect(element.querySelector('[data-testid="total-unread"]')?.textContent?.trim()).toBe(
      '3 unread',
    );
    expect(element.querySelector('[data-testid="connection-state"]')?.textContent?.trim()).toBe(
      'Online',
    );

    fakes.client.updateUser({ total_unread_count: 0, online: false });
    fakes.client.setConnectionState('offline');
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="total-unread"]')).toBeNull();
    expect(element.querySelector('.dot.online')).toBeNull();
    expect(element.querySelector('[data-testid="connection-state"]')?.textContent?.trim()).toBe(
      'Offline, reconnecting…',
    );
  });

  it('names anonymous users and marks guests', async () => {
    mode = 'anonymous';
    const { fixture, element } = await render();
    fakes.client.connectAs('!anon');
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="current-user-name"]')?.textContent).toBe(
      'Anonymous',
    );
    expect(element.querySelector('.role')?.textContent).toBe('Read only');
  });

  it('switches user and disconnects through the session', async () => {
    const { fixture, element } = await render();
    fakes.client.connectAs({ id: 'alice', name: 'Alice Martin' });
    await fixture.whenStable();
    const button = (text: string) =>
      [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
        b.textContent?.includes(text),
      )!;
    button('Switch user').click();
    await fixture.whenStable();
    button('Carol Diaz').click();
    button('Disconnect').click();
    expect(calls).toEqual(['switch carol', 'disconnect']);
  });
});

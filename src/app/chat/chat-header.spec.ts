import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { FakeChatClientService, chatUser, provideChatFakes } from '../testing/chat-fakes';
import { ChatHeader } from './chat-header';

describe('ChatHeader', () => {
  let chat: FakeChatClientService;
  let calls: string[];
  let mode: string;

  async function render() {
    chat = new FakeChatClientService();
    calls = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat),
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
    const fixture = TestBed.createComponent(ChatHeader);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => (mode = 'token-provider'));

  it('shows the user from user$, the connection state and the total unread count', async () => {
    const { fixture, element } = await render();
    chat.userState.set(chatUser({ name: 'Bob Nguyen', id: 'bob', total_unread_count: 3 }));
    chat.connectionStateValue.set('online');
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

    chat.userState.set(chatUser({ total_unread_count: 0, online: false }));
    chat.connectionStateValue.set('offline');
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
    chat.userState.set(chatUser({ id: '!anon', name: undefined }));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="current-user-name"]')?.textContent).toBe(
      'Anonymous',
    );
    expect(element.querySelector('.role')?.textContent).toBe('Read only');
  });

  it('switches user and disconnects through the session', async () => {
    const { fixture, element } = await render();
    chat.userState.set(chatUser());
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

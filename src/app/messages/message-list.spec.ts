import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import {
  FakeChannelService,
  FakeChatClientService,
  chatMessage,
  chatUser,
  provideChatFakes,
} from '../testing/chat-fakes';
import { MessageList } from './message-list';

describe('MessageList', () => {
  let chat: FakeChatClientService;
  let channels: FakeChannelService;

  async function render() {
    chat = new FakeChatClientService();
    channels = new FakeChannelService();
    chat.userState.set(chatUser({ id: 'alice' }));
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat, channels),
        { provide: DemoSession, useValue: { report: () => undefined } },
      ],
    });
    const fixture = TestBed.createComponent(MessageList);
    fixture.componentRef.setInput('channelName', 'General');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('lists the messages oldest first in a labelled log, yours set apart', async () => {
    const { fixture, element } = await render();
    expect(element.textContent).toContain('No messages yet.');
    channels.activeChannelMessages.set([
      chatMessage({ id: '1', text: 'Hi', user: { id: 'bob', name: 'Bob' } }),
      chatMessage({ id: '2', text: 'Hello', user: { id: 'alice', name: 'Alice' } }),
    ]);
    await fixture.whenStable();

    expect(element.querySelector('[role="log"]')?.getAttribute('aria-label')).toBe(
      'Messages in General',
    );
    const items = [...element.querySelectorAll('demo-message-item')];
    expect(
      items.map((item) => item.querySelector('[data-testid="message-text"]')?.textContent),
    ).toEqual(['Hi', 'Hello']);
    expect(items.map((item) => item.classList.contains('own'))).toEqual([false, true]);
  });

  it('loads older messages on request', async () => {
    const { fixture, element } = await render();
    channels.hasMoreMessages.set(true);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button.older')!.click();
    expect(channels.calls).toEqual([['loadMoreMessages']]);
  });

  it('resends a failed message', async () => {
    const { fixture, element } = await render();
    channels.activeChannelMessages.set([
      chatMessage({ id: 'f', status: 'failed', user: { id: 'alice' } }),
    ]);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button.retry')!.click();
    expect(channels.calls).toEqual([['resendMessage', 'f']]);
  });
});

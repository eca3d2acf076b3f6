import { TestBed } from '@angular/core/testing';
import type { SearchAPIResponse } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import {
  FakeChannelService,
  FakeChatClientService,
  fakeChannel,
  provideChatFakes,
} from '../testing/chat-fakes';
import { MessageSearch } from './message-search';

describe('MessageSearch', () => {
  it('searches the channels of the list, lists the hits, and jumps to the one picked', async () => {
    const searches: unknown[][] = [];
    const chat = new FakeChatClientService();
    chat.chatClient = {
      user: { id: 'bob' },
      search: (...args: unknown[]) => {
        searches.push(args);
        return Promise.resolve({
          results: [
            {
              message: {
                id: 'm7',
                text: 'Lunch at noon',
                user: { id: 'alice', name: 'Alice Martin' },
                channel: { cid: 'messaging:alice-bob', name: 'Alice and Bob' },
              },
            },
          ],
        } as unknown as SearchAPIResponse);
      },
    } as unknown as FakeChatClientService['chatClient'];
    const channels = new FakeChannelService();
    channels.channels.set([fakeChannel('alice-bob', { name: 'Alice and Bob' })]);
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat, channels),
        {
          provide: DemoSession,
          useValue: {
            readOnly: () => false,
            choice: () => ({ mode: 'token-provider', userId: 'bob' }),
            report: () => undefined,
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(MessageSearch);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = element.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(element.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Search messages');
    input.value = 'lunch';
    input.dispatchEvent(new Event('input'));
    element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();

    expect(searches).toEqual([
      [{ type: 'messaging', members: { $in: ['bob'] } }, 'lunch', { limit: 20 }],
    ]);
    expect(element.querySelector('[role="status"]')?.textContent).toBe('1 message found');
    const hit = element.querySelector<HTMLButtonElement>('[data-testid="search-hit"]')!;
    expect(hit.querySelector('mark')?.textContent).toBe('Lunch');
    hit.click();
    await fixture.whenStable();
    expect(channels.calls).toEqual([
      ['setAsActiveChannel', 'messaging:alice-bob'],
      ['jumpToMessage', 'm7'],
    ]);

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="search-hit"]')).toBeNull();
  });
});

import { TestBed } from '@angular/core/testing';
import { ChannelService } from 'ngx-stream-chat';
import {
  StreamChatFakes,
  fakeChannel,
  fakeMessage,
  fakeUser,
  offlineStreamChat,
} from 'ngx-stream-chat/testing';
import type { SearchAPIResponse } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { MessageSearch } from './message-search';

describe('MessageSearch', () => {
  it('searches the channels of the list, lists the hits, and jumps to the one picked', async () => {
    const searches: unknown[][] = [];
    // Search reaches for the server: the spec answers it.
    const client = offlineStreamChat(fakeUser({ id: 'bob' }));
    jest.spyOn(client, 'search').mockImplementation((...args: unknown[]) => {
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
    });
    const aliceBob = fakeChannel('alice-bob', { name: 'Alice and Bob' });
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ channels: [aliceBob] }),
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
    const fakes = TestBed.inject(StreamChatFakes);
    fakes.client.connectAs('bob', { client });
    fakes.messages.set([fakeMessage({ id: 'm7', text: 'Lunch at noon' })], { channel: aliceBob });
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
    expect(fakes.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['setAsActiveChannel', aliceBob],
      ['jumpToMessage', 'm7'],
    ]);
    expect(TestBed.inject(ChannelService).jumpToMessageTarget()).toEqual({ id: 'm7' });

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="search-hit"]')).toBeNull();
  });
});
